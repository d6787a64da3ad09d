/** What kind of item a story is, from the evidence of its parts. */
import type { Article } from '../schema.ts';
import type { ArticleNode } from './tree.ts';
import { COMMENTARY_LABEL } from './labels.ts';

/** Column labels that gather briefs: 简讯, 短讯, 快讯, 两会快讯, 新闻速递. */
const BRIEF_LABEL = /简讯|短讯|快讯|简明新闻|速递|速览|一句话新闻/u;
/** A signed opinion speaks as 笔者 or in the first person. */
const OPINION_VOICE = /笔者|我认为|我以为|窃以为|在我看来|试想|岂能/u;
/** Shorter than this, a story with no headline is a brief. */
const BRIEF_LETTERS = 200;

export interface KindEvidence {
  node: ArticleNode;
  headline: string | null;
  kicker: string | null;
  /** 本报, 新华社, …: whose copy it is. */
  agency: string | null;
  /** The story opens with a dateline. */
  dated: boolean;
  /** Signed with names alone. */
  signedBare: boolean;
  text: string;
  letters: number;
}

export function kindOf(e: KindEvidence): Article['kind'] {
  if (e.node.layout === 'photo') return 'photo';
  if (e.agency && e.agency !== '本报') return 'wire';
  if (e.node.author || (e.kicker && COMMENTARY_LABEL.test(e.kicker))) return 'commentary';
  if (e.signedBare && !e.dated && OPINION_VOICE.test(e.text)) return 'commentary';
  if (e.kicker && BRIEF_LABEL.test(e.kicker)) return 'brief';
  if (!e.headline && !e.kicker && e.letters < BRIEF_LETTERS) return 'brief';
  return 'news';
}
