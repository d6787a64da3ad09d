/**
 * unified plugin: groups the page's blocks into articles. Headlines usually
 * stand above their story, but some pages set every headline below its body;
 * the page is segmented both ways and the reading whose headlines share more
 * words with the leads they are attached to wins.
 */
import type { VFile } from 'vfile';
import type { ArticleNode, BlockNode, BlockRole, FurnitureNode, PageData, PageTree } from './tree.ts';
import { blockText } from './tree.ts';
import { isHeadlineLike, localWrapWidth } from './wrapping.ts';
import { parseAuthorLine, parseDateline, type ParsedDateline } from './bylines.ts';
import { endsSentence, countSentenceStops, letterCodePoints, letterCount } from './text.ts';
import { isLabel, ledByLabel } from './labels.ts';
import { gazetteer } from './gazetteer.ts';
import { splitBanner } from './headlines.ts';

type UnitKind = 'H' | 'P' | 'B' | 'C' | 'E' | 'S' | 'J' | 'F';
interface Unit {
  kind: UnitKind;
  block: BlockNode;
  dateline: ParsedDateline | null;
}

const PLACE_WORDS = new Set(gazetteer.units.flatMap((u) => [u.name, u.short, ...u.aliases]));
/** Longest caption a photo story carries; longer text is a story's last paragraph. */
const MAX_CAPTION = 320;

const KIND_OF_ROLE: Record<Exclude<BlockRole, 'text'>, UnitKind> = {
  byline: 'B',
  credit: 'C',
  signoff: 'E',
  standfirst: 'S',
  jump: 'J',
  furniture: 'F',
};

function toUnits(blocks: BlockNode[]): Unit[] {
  const headlineLike = blocks.map((b, i) => isHeadlineLike(b, localWrapWidth(blocks, i), blocks[i + 1]));
  // Paragraphs split across a blank line mid-sentence are one paragraph again.
  const merged: BlockNode[] = [];
  const mergedHeadlineLike: boolean[] = [];
  blocks.forEach((b, i) => {
    const prev = merged[merged.length - 1];
    const prevIsBody = prev !== undefined && prev.role === 'text' && !mergedHeadlineLike[merged.length - 1];
    if (
      prevIsBody &&
      b.role === 'text' &&
      !headlineLike[i] &&
      !endsSentence(blockText(prev)) &&
      !parseDateline(b.pieces[0]?.text ?? '')
    ) {
      prev.pieces.push(...b.pieces);
      return;
    }
    merged.push({ ...b, pieces: [...b.pieces] });
    mergedHeadlineLike.push(headlineLike[i] ?? false);
  });
  return merged.map((block, i) => {
    const kind: UnitKind = block.role === 'text' ? (mergedHeadlineLike[i] ? 'H' : 'P') : KIND_OF_ROLE[block.role];
    return { kind, block, dateline: kind === 'P' ? parseDateline(block.pieces[0]?.text ?? '') : null };
  });
}

function newArticle(layout: ArticleNode['layout'] = 'story'): ArticleNode {
  return {
    type: 'article',
    layout,
    headlineBlocks: [],
    standfirst: [],
    bylines: [],
    author: null,
    body: [],
    subheads: [],
    captions: [],
    credits: [],
    jumps: [],
  };
}

interface Segmentation {
  children: Array<ArticleNode | FurnitureNode>;
}

class Segmenter {
  readonly out: Array<ArticleNode | FurnitureNode> = [];
  current: ArticleNode | null = null;
  /** The current article can take no more body (a photo story, or a story whose headline came after it). */
  closed = false;

  readonly units: Unit[];

  constructor(units: Unit[]) {
    this.units = units;
  }

  at(i: number): Unit | undefined {
    return this.units[i];
  }

  start(layout: ArticleNode['layout'] = 'story'): ArticleNode {
    this.current = newArticle(layout);
    this.closed = false;
    this.out.push(this.current);
    return this.current;
  }

  /** Adds the block to the current story (ending it when it closes one), or to leftovers when none is open. */
  attach(block: BlockNode, into: 'jumps' | 'credits' | 'bylines', ends: boolean) {
    if (!this.current) return this.leftover(block);
    this.current[into].push(block);
    if (ends) this.closed = true;
  }

  leftover(block: BlockNode, type: 'furniture' | 'leftover' = 'leftover') {
    this.out.push({ type, block });
  }

  /**
   * A credit block followed by the story it credits. A story whose dateline
   * names its own reporters (本报讯(记者 孙亚飞)) is not credited by the block
   * before it: that block closes a photo caption. A byline set as two blocks
   * (■本报记者 … / 本报通讯员 …) credits the story after the second.
   */
  creditsStory(i: number): boolean {
    if (this.at(i)?.kind !== 'B' || isPhotoCredit(this.at(i))) return false;
    let j = i + 1;
    while (this.at(j)?.kind === 'B' && continuesCredit(this.at(j))) j++;
    const next = this.at(j);
    if (next?.kind !== 'P') return false;
    const own = next.dateline?.people;
    return !own || own.reporters.length + own.correspondents.length + own.photographers.length === 0;
  }

  /** The second block of a byline set as two: the story it credits is already open, with no text yet. */
  continuesByline(i: number): boolean {
    const a = this.current;
    return (
      this.at(i - 1)?.kind === 'B' &&
      continuesCredit(this.at(i)) &&
      a !== null &&
      a.bylines.length > 0 &&
      a.body.length === 0 &&
      !this.closed
    );
  }

  isAuthor(i: number): boolean {
    const u = this.at(i);
    if (!u || u.kind !== 'H' || u.block.pieces.length !== 1) return false;
    const text = blockText(u.block);
    return !isLabel(text) && !PLACE_WORDS.has(text) && parseAuthorLine(text) !== null && this.at(i + 1)?.kind === 'P';
  }

  /** A short caption with a photo credit after it, set apart from the text before. */
  isPhotoCaption(i: number): boolean {
    const u = this.at(i);
    if (!u || u.kind !== 'P' || u.dateline) return false;
    const text = blockText(u.block);
    // A letter takes at least one code unit: short text needs no counting.
    if (text.length > MAX_CAPTION && letterCount(text) > MAX_CAPTION) return false;
    const next = this.at(i + 1);
    const credited = next?.kind === 'C' || (next?.kind === 'B' && !this.creditsStory(i + 1));
    if (!credited) return false;
    const prev = this.at(i - 1);
    return (
      i === 0 || u.block.gapBefore >= 2 || prev?.kind === 'H' || prev?.kind === 'B' || prev?.kind === 'C' || this.closed
    );
  }

  /**
   * A one-sentence caption inside a story: set off by the blank space a
   * picture leaves, or carrying the picture's credit on its own line
   * (…开工现场。（本报记者 王军 摄））.
   */
  isInlineCaption(i: number): boolean {
    const u = this.at(i);
    if (!u || u.kind !== 'P' || u.dateline || !this.current) return false;
    const next = this.at(i + 1);
    if (!(next?.kind === 'C' || (u.block.gapBefore >= 2 && next?.kind === 'P'))) return false;
    const text = blockText(u.block);
    return (text.length <= 120 || letterCount(text) <= 120) && countSentenceStops(text) <= 1;
  }

  /** Takes a photo story (caption + credit) starting at i; returns the next index. */
  photo(i: number, headline: BlockNode[] = []): number {
    const a = this.start('photo');
    a.headlineBlocks = headline;
    const u = this.at(i);
    if (u) a.body.push(u.block);
    const credit = this.at(i + 1);
    if (credit) a.bylines.push(credit.block);
    this.closed = true;
    return i + 2;
  }

  /** Units every layout treats alike; returns the next index, or null when the unit is not one of them. */
  common(i: number): number | null {
    const u = this.at(i);
    if (!u) return null;
    const a = this.current;
    switch (u.kind) {
      case 'F':
        this.leftover(u.block, 'furniture');
        return i + 1;
      case 'J':
        // （下转第8版）: the story goes on elsewhere; what follows here is another story.
        this.attach(u.block, 'jumps', true);
        return i + 1;
      case 'C':
        this.attach(u.block, 'credits', false);
        return i + 1;
      case 'E':
        // A byline after the last sentence ends its story.
        this.attach(u.block, 'bylines', true);
        return i + 1;
      case 'S':
        if (!a || a.body.length > 0 || this.closed) this.start();
        this.current?.standfirst.push(u.block);
        return i + 1;
      case 'B':
        if (this.creditsStory(i)) {
          if (!this.continuesByline(i) && (!a || a.body.length > 0 || a.bylines.length > 0 || this.closed))
            this.start();
          this.current?.bylines.push(u.block);
        } else if (a) {
          (a.layout === 'photo' && a.bylines.length === 0 ? a.bylines : a.credits).push(u.block);
        } else this.leftover(u.block);
        return i + 1;
      case 'P': {
        if (this.isPhotoCaption(i)) return this.photo(i);
        if (!a || this.closed || (u.dateline && a.body.length > 0)) {
          this.start().body.push(u.block);
        } else if (this.isInlineCaption(i)) a.captions.push(u.block);
        else a.body.push(u.block);
        return i + 1;
      }
      default:
        return null;
    }
  }

  /** Consecutive headline blocks from i. */
  group(i: number): { blocks: BlockNode[]; next: number } {
    const blocks: BlockNode[] = [];
    let j = i;
    while (this.at(j)?.kind === 'H' && !(blocks.length > 0 && this.isAuthor(j))) {
      blocks.push((this.at(j) as Unit).block);
      j++;
    }
    return { blocks, next: j };
  }

  /** Whether unit k begins a new story. */
  startsStory(k: number): boolean {
    const u = this.at(k);
    if (!u) return false;
    return (
      (u.kind === 'P' && (u.dateline !== null || this.isPhotoCaption(k))) ||
      this.creditsStory(k) ||
      u.kind === 'S' ||
      u.kind === 'F'
    );
  }
}

/** A credit for a picture (… 摄), which closes a caption rather than opening a story. */
function isPhotoCredit(u: Unit | undefined): boolean {
  return u !== undefined && /摄\s*[）)]?\s*$/u.test(blockText(u.block));
}

/**
 * A credit block that can be the second half of a byline (本报通讯员 刘丽敏):
 * one with a marker of its own (□记者 … 报道) is a byline by itself, and
 * a photo credit closes a caption.
 */
function continuesCredit(u: Unit | undefined): boolean {
  return u !== undefined && !isPhotoCredit(u) && !/^\s*[■□●▲◆★]/u.test(blockText(u.block));
}

/** Several headline blocks read as one subhead. */
function mergeBlocks(blocks: BlockNode[]): BlockNode {
  return { type: 'block', role: 'text', pieces: blocks.flatMap((b) => b.pieces), gapBefore: blocks[0]?.gapBefore ?? 0 };
}

/**
 * Walks the units: everything but headline groups is handled alike; each
 * group goes to the layout's own rule, which returns where to go on.
 */
function walk(units: Unit[], onGroup: (s: Segmenter, blocks: BlockNode[], next: number) => number): Segmentation {
  const s = new Segmenter(units);
  let i = 0;
  while (i < units.length) {
    if (units[i]?.kind === 'H') {
      const { blocks, next } = s.group(i);
      i = onGroup(s, blocks, next);
    } else i = s.common(i) ?? i + 1;
  }
  return { children: s.out };
}

function headlineFirst(units: Unit[]): Segmentation {
  let firstGroup = true;
  return walk(units, (s, blocks, next) => {
    let heads = blocks;
    if (firstGroup && s.out.length === 0) {
      const { banner, rest } = splitBanner(blocks);
      for (const b of banner) s.leftover(b, 'furniture');
      heads = rest;
    }
    firstGroup = false;
    // A last short block after a picture's blank space is the picture's caption.
    const last = heads[heads.length - 1];
    const caption = heads.length >= 2 && last && last.gapBefore >= 2 ? heads.pop() : undefined;
    let k = next;
    const author = s.isAuthor(k) ? s.at(k++) : undefined;
    const standfirst: BlockNode[] = [];
    while (s.at(k)?.kind === 'S') standfirst.push((s.at(k++) as Unit).block);
    const follower = s.at(k);
    const opensStory =
      follower !== undefined &&
      (author !== undefined ||
        caption !== undefined ||
        standfirst.length > 0 ||
        ledByLabel(heads.map((b) => blockText(b))) ||
        s.creditsStory(k) ||
        (follower.kind === 'P' && (follower.dateline !== null || s.isPhotoCaption(k))) ||
        !s.current ||
        s.closed ||
        s.current.body.length === 0);
    if (opensStory && follower && (follower.kind === 'P' || follower.kind === 'B' || follower.kind === 'C')) {
      const photo = follower.kind === 'P' && s.isPhotoCaption(k);
      // A photo story takes the whole group as its label or headline, whatever its shape.
      const after = photo ? s.photo(k, caption ? [...heads, caption] : heads) : k;
      const a = photo ? (s.current as ArticleNode) : s.start(author ? 'commentary' : 'story');
      if (!photo) {
        a.headlineBlocks = heads;
        if (caption) a.captions.push(caption);
      }
      a.standfirst = standfirst;
      a.author = author?.block ?? null;
      return after;
    }
    if (follower?.kind === 'P' && s.current && !s.closed) {
      // A subhead inside a long feature.
      s.current.subheads.push({ before: s.current.body.length, block: mergeBlocks(heads) });
      for (const b of [caption, author?.block, ...standfirst]) if (b) s.current.body.push(b);
    } else {
      for (const b of [...heads, caption, author?.block, ...standfirst]) if (b) s.leftover(b);
    }
    return k;
  });
}

function headlineAfter(units: Unit[]): Segmentation {
  return walk(units, (s, blocks, next) => {
    const a = s.current;
    if (!a) {
      // Above the first story: the page's banner.
      for (const b of blocks) s.leftover(b, 'furniture');
    } else if (next >= units.length || s.startsStory(next) || s.at(next)?.kind === 'H') {
      if (a.headlineBlocks.length === 0 && a.layout !== 'photo') a.headlineBlocks = blocks;
      else for (const b of blocks) s.leftover(b);
      s.closed = true;
    } else if (!s.closed) {
      a.subheads.push({ before: a.body.length, block: mergeBlocks(blocks) });
    } else {
      for (const b of blocks) s.leftover(b);
    }
    return next;
  });
}

/** Share of a headline's character pairs found in the opening of its story. */
export function headlineAffinity(headline: string, lead: string): number {
  const h = characterPairs(headline);
  if (h.size === 0) return 0;
  const l = characterPairs(lead);
  let shared = 0;
  for (const p of h) if (l.has(p)) shared++;
  return shared / h.size;
}

/** Adjacent letter pairs, each as one number (two code points) so the sets hold no strings. */
function characterPairs(text: string): Set<number> {
  const pairs = new Set<number>();
  const points = letterCodePoints(text);
  for (let k = 1; k < points.length; k++) pairs.add((points[k - 1] ?? 0) * 0x110000 + (points[k] ?? 0));
  return pairs;
}

/** How much of a story's opening (code units) its headline is compared with. */
const LEAD_LENGTH = 200;

function score(seg: Segmentation): number {
  let total = 0;
  for (const node of seg.children) {
    if (node.type !== 'article') {
      if (node.type === 'leftover') total -= 0.25;
      continue;
    }
    if (node.headlineBlocks.length === 0) continue;
    const headline = node.headlineBlocks.map((b) => blockText(b)).join('');
    let lead = '';
    for (const b of node.body) {
      if (lead.length >= LEAD_LENGTH) break;
      lead += blockText(b, '');
    }
    total += headlineAffinity(headline, lead.slice(0, LEAD_LENGTH));
  }
  return total;
}

export function segmentUnits(blocks: BlockNode[]): { layout: PageData['layout']; children: PageTree['children'] } {
  const units = toUnits(blocks);
  const first = headlineFirst(units);
  const after = headlineAfter(units);
  return score(after) > score(first)
    ? { layout: 'headline-after', children: after.children }
    : { layout: 'headline-first', children: first.children };
}

export default function segmentArticles() {
  return (tree: PageTree, file: VFile) => {
    const blocks = tree.children.filter((n): n is BlockNode => n.type === 'block');
    const { layout, children } = segmentUnits(blocks);
    (file.data as unknown as PageData).layout = layout;
    tree.children = children;
  };
}
