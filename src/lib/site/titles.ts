/**
 * A title for every story. Most have a printed headline; a photo story or a
 * brief has none, so it gets a short one of its own — the caption's first
 * real clause (村民在对甜叶菊进行掐尖管理), or 图片新闻 · 阳谷县 — never a
 * caption cut off mid-word.
 */
import type { Article } from '../schema.ts';
import { KIND_NAMES } from './labels.ts';

type Titled = Pick<Article, 'headline' | 'kind' | 'paragraphs' | 'captions' | 'county'> & {
  dateline: Pick<Article['dateline'], 'place'>;
};

/** The most a made-up title may hold before the kind and place read better. */
const MAX_TITLE = 24;
const FEWEST = 4;
/** Only the opening is read (a paragraph can be a whole 10 MB page). */
const OPENING = 200;

const CLAUSE_END = /[，,。；;！!？?：:]/u;
const NUMBER = '[0-9０-９一二三四五六七八九十〇两]+';
const CLOCK = `(?:[上下]午|中午|晚上?|早上?|凌晨|傍晚|夜间)?(?:${NUMBER}[时点](?:${NUMBER}分)?|零时)?(?:左右|许)?`;
/** A clause that only says when: 近日, 7月1日上午7时50分, 今年以来, 春节期间, 大年初一. */
const WHEN = new RegExp(
  `^(?:(?:近日|日前|近期|近来|连日来|眼下|当前|目前|昨天|昨日|今天|今日|(?:大年|正月|腊月)?初${NUMBER}|(?:${NUMBER}年)?(?:${NUMBER}月)?${NUMBER}日)${CLOCK}|.{1,6}(?:期间|以来|之际|假期|前夕))$`,
  'u',
);
/** A clause that only names a place, before the one that says what happened there: 开发区华山路. */
const PLACE_ONLY = /^[^，,。“”]{2,20}(?:路|街|道|口|村|镇|乡|社区|区|县|市|园|基地|现场|车间|广场|公园|车站)$/u;
/** A clause that only says where: 在阳谷县博济桥街道赵庙村中药材种植基地 (optionally after a date). */
const WHERE = new RegExp(`^(?:(?:${NUMBER}月)?${NUMBER}日)?(?:[上下]午|晚)?在[^，,。]*$`, 'u');
/** A photo credit at the end of a caption: ■ 本报通讯员 陈清林 岳宗光, 本报记者 许金松 摄. */
const CREDIT_TAIL = /\s*(?:[■□▲●◆]\s*[^■□▲●◆]*|(?:本报)?(?:记者|通讯员)[\s\u3000]*[\p{Script=Han}\s、]{2,30}摄)\s*$/u;

/** A caption's own words and its credit, shown apart so the credit is printed once. */
export function captionParts(caption: string): { text: string; credit: string | null } {
  const m = CREDIT_TAIL.exec(caption);
  if (!m || m.index === 0) return { text: caption, credit: null };
  return { text: caption.slice(0, m.index).trimEnd(), credit: m[0].trim() };
}

/** The first clause of a text that says what happened, not when or where. */
export function leadClause(text: string): string | null {
  const opening = captionParts(text.slice(0, OPENING)).text;
  const clauses = opening
    .split(CLAUSE_END)
    .map((c) => c.trim())
    .filter(Boolean);
  for (const [i, clause] of clauses.entries()) {
    const more = i < clauses.length - 1;
    if (WHEN.test(clause) || WHERE.test(clause) || (more && PLACE_ONLY.test(clause))) continue;
    // A quotation cut at its first comma is no title.
    return unbalanced(clause) ? null : clause;
  }
  return null;
}

const unbalanced = (text: string) =>
  (text.match(/[“《（(]/gu)?.length ?? 0) !== (text.match(/[”》）)]/gu)?.length ?? 0);

/** A headline for any story: its own, else a short title made as above. */
export function titleOf(a: Titled): string {
  if (a.headline) return a.headline;
  const clause = leadClause(a.captions[0] ?? a.paragraphs[0] ?? '');
  if (clause && clause.length >= FEWEST && clause.length <= MAX_TITLE) return clause;
  const place = a.county?.name ?? a.dateline.place;
  return place ? `${KIND_NAMES[a.kind]} · ${place}` : KIND_NAMES[a.kind];
}

/** 第 37 行, 第 37–40 行. */
export function lineRange(source: Pick<Article['source'], 'startLine' | 'endLine'>): string {
  return source.startLine === source.endLine
    ? `第 ${source.startLine} 行`
    : `第 ${source.startLine}–${source.endLine} 行`;
}
