/**
 * The units the segmenter reads: the page's role blocks, with paragraphs that
 * a blank line cut mid-sentence joined again, each with the evidence the
 * boundary features weigh — its shape, whether it finishes a sentence, its
 * dateline, its credit, and how it sits against its neighbours.
 */
import type { BlockNode, BlockRole } from './tree.ts';
import { blockText } from './tree.ts';
import { isHeadlineLike, localWrapWidth } from './wrapping.ts';
import { endsWithShot, parseAuthorLine, parseDateline, readCreditLine, type ParsedDateline } from './bylines.ts';
import { asciiDigits, countSentenceStops, displayWidth, endsSentence, letterCount } from './text.ts';
import { COMMENTARY_LABEL, isLabel } from './labels.ts';
import { headlineAffinity } from './affinity.ts';

/** What a unit is on the page, before the segmenter decides what it does in a story. */
export type UnitShape =
  | 'heading' // short, no sentence end: a headline, kicker, label, subhead or author line
  | 'paragraph'
  | 'caption-list' // several short finished lines under one another: the captions of a picture group
  | Exclude<BlockRole, 'text'>;

export interface Unit {
  shape: UnitShape;
  block: BlockNode;
  text: string;
  /** The dateline opening a paragraph (本报讯, 东昌府讯, 新华社…电). */
  dateline: ParsedDateline | null;
  /** A paragraph opening with a day: 7日晚，… / 8月28日，在… */
  datedLead: boolean;
  /** Ends with a finished sentence, or is a line that closes a story. */
  finished: boolean;
  /** A column or county label (简讯, 图片新闻, 冠县) or an opinion label (短评). */
  label: boolean;
  /** A bare name on its own line: a signed commentary's author. */
  author: boolean;
  /** A credit that reads as a picture's (… 摄, 摄影报道). */
  photoCredit: boolean;
  /** A credit closed by 报道: the story it credits follows. */
  reportCredit: boolean;
  /** A short paragraph of few sentences, as a picture caption is. */
  captionShaped: boolean;
  /** Its opening sentence describes a picture as it was taken (正在, 拍摄, 图为, 航拍). */
  captionWording: boolean;
  /** For a heading: how much it shares with the opening of the story above it (a headline set below). */
  affinityAbove: number;
  /** For a heading: how much it shares with the opening of the text below it (a headline set above). */
  affinityBelow: number;
  /** For a heading: alone, long, with a sentence's comma, and text with no dateline below: a cut-off line. */
  cutOffShaped: boolean;
  /** A paragraph right under a headline (past any caption and its credit): a story's 导语. */
  firstUnderHeadline: boolean;
  /** For a heading: the text under it (to the next heading) carries a credit of its own. */
  sectionCredited: boolean;
  /** A single short sentence right under a heading: a picture's caption. */
  captionUnderHeadline: boolean;
  /** Letters and digits in the unit, counted up to just past a caption's longest. */
  letters: number;
  /** Sentence stops (。！？) inside the unit, counted up to a few. */
  sentences: number;
  gapBefore: number;
}

/** 正在, 拍摄, 图为, 航拍 in the opening sentence: a caption describes the picture as it was taken. */
const CAPTION_WORDING = /^[^。！？]*(?:正在|拍摄|摄于|图为|航拍)/u;
/** Longest caption a photo story carries; longer text is a story's paragraph. */
export const MAX_CAPTION = 320;
/** No decision reads a unit's letters past a caption's longest, nor more than a few of its sentences. */
const LETTERS_COUNTED = MAX_CAPTION + 1;
const SENTENCES_COUNTED = 5;
/** 7日晚，/ 26日，/ 8月28日，/ 1月1日22时35分，: a paragraph that opens on the day it reports. */
const DATED_LEAD =
  /^\s*(?:\d{1,2}\s*月\s*)?\d{1,2}\s*日(?:[上下中]午|早上|晚上|晚间|夜间|凌晨|清晨|傍晚|零时|晚|早|夜)?(?:\d{1,2}\s*[时点](?:\d{1,2}\s*分)?(?:左右|许)?)?\s*[，,]/u;

/** Joins paragraphs that a blank line cut mid-sentence, so each unit is a whole paragraph. */
function joinBrokenParagraphs(blocks: BlockNode[]): Array<{ block: BlockNode; heading: boolean }> {
  // Most blocks are paragraphs too long to be headings: the column width is looked up only for the rest.
  const heading = blocks.map(
    (b, i) => b.role === 'text' && b.pieces.length <= 3 && isHeadlineLike(b, localWrapWidth(blocks, i), blocks[i + 1]),
  );
  const out: Array<{ block: BlockNode; heading: boolean }> = [];
  blocks.forEach((b, i) => {
    const prev = out[out.length - 1];
    if (
      prev &&
      !prev.heading &&
      prev.block.role === 'text' &&
      b.role === 'text' &&
      !heading[i] &&
      !endsSentence(prev.block.pieces.at(-1)?.text ?? '') &&
      !parseDateline(b.pieces[0]?.text ?? '')
    ) {
      for (const piece of b.pieces) prev.block.pieces.push(piece);
      return;
    }
    out.push({ block: { ...b, pieces: [...b.pieces] }, heading: heading[i] ?? false });
  });
  return out;
}

const CLOSING_SHAPES = new Set<UnitShape>(['signoff', 'source', 'cross-ref', 'jump', 'photo-credit', 'caption-list']);

/** Every line a short finished sentence, none wrapped: captions listed under a picture group. */
function isCaptionList(block: BlockNode, first: boolean): boolean {
  const lines = block.pieces.map((p) => p.text.trim());
  return (
    (first || block.gapBefore >= 2) &&
    lines.length >= 2 &&
    lines.every((l) => /[。！？!?]["”’」]?$/u.test(l) && displayWidth(l) <= MAX_CAPTION_LINE && !parseDateline(l))
  );
}
const MAX_CAPTION_LINE = 26;

export function toUnits(blocks: BlockNode[]): Unit[] {
  const joined = joinBrokenParagraphs(blocks);
  const units = joined.map(({ block, heading }, index): Unit => {
    const shape: UnitShape =
      block.role === 'text'
        ? heading
          ? 'heading'
          : isCaptionList(block, index === 0)
            ? 'caption-list'
            : 'paragraph'
        : block.role;
    const text = blockText(block, '');
    const paragraph = shape === 'paragraph';
    const credit = shape === 'byline' ? readCreditLine(block.pieces[0]?.text ?? '') : null;
    const lastCredit = shape === 'byline' ? blockText(block) : '';
    const letters = letterCount(text, LETTERS_COUNTED);
    const sentences = countSentenceStops(text, SENTENCES_COUNTED);
    // 张浩, 本报评论员, 朱海波: a name alone on a line signs a commentary (本报评论员 is an
    // institution's name). Two characters only under a headline: elsewhere 高温 or 黄河 is a heading.
    const isAuthor =
      shape === 'heading' &&
      block.pieces.length === 1 &&
      (joined[index - 1]?.heading === true || text.length >= 3) &&
      !isLabel(text) &&
      parseAuthorLine(blockText(block)) !== null;
    const dateline = paragraph ? parseDateline(text) : null;
    return {
      shape,
      block,
      text,
      dateline,
      datedLead: paragraph && DATED_LEAD.test(asciiDigits(text.slice(0, 24))),
      finished: CLOSING_SHAPES.has(shape) || shape === 'byline' || (paragraph && endsSentence(text)),
      label: shape === 'heading' && !isAuthor && (isLabel(text) || (text.length <= 6 && COMMENTARY_LABEL.test(text))),
      author: isAuthor,
      photoCredit:
        shape === 'photo-credit' || (shape === 'byline' && (credit?.endedWith === '摄' || endsWithShot(lastCredit))),
      reportCredit: shape === 'byline' && /报\s*道\s*$/u.test(lastCredit),
      captionShaped: paragraph && !dateline && letters <= MAX_CAPTION && sentences <= 4,
      captionWording: paragraph && letters <= MAX_CAPTION && CAPTION_WORDING.test(text),
      affinityAbove: 0,
      affinityBelow: 0,
      cutOffShaped: false,
      captionUnderHeadline: false,
      sectionCredited: false,
      firstUnderHeadline: false,
      letters,
      sentences,
      gapBefore: block.gapBefore,
    };
  });
  relateHeadings(units);
  markCreditedSections(units);
  units.forEach((u, i) => {
    const above = units[i - 1];
    // The story's own text follows: a dated paragraph or a byline, perhaps after the picture's credit.
    const credited = units[i + 1]?.shape === 'photo-credit';
    const afterAt = credited ? i + 2 : i + 1;
    const after = units[afterAt];
    // …but not another picture's caption with its credit right under it: a group of pictures.
    const nextPicture =
      after?.shape === 'paragraph' && after.captionShaped && units[afterAt + 1]?.shape === 'photo-credit';
    const storyFollows =
      after?.shape === 'byline' ||
      (after?.shape === 'paragraph' && !nextPicture && (after.dateline !== null || credited));
    // Under a label (图片新闻) a sentence is the item's own text, not a caption under a headline.
    u.captionUnderHeadline =
      above?.shape === 'heading' &&
      !above.label &&
      storyFollows &&
      u.captionShaped &&
      u.letters <= MAX_HEADLINE_CAPTION &&
      u.sentences <= 1;
  });
  units.forEach((u, i) => {
    let k = i - 1;
    while (k >= 0 && (units[k]?.captionUnderHeadline || units[k]?.shape === 'photo-credit')) k--;
    u.firstUnderHeadline = u.shape === 'paragraph' && units[k]?.shape === 'heading' && !units[k]?.label;
  });
  return units;
}

const CREDIT_SHAPES = new Set<UnitShape>(['byline', 'photo-credit', 'signoff', 'source']);

/**
 * Every story carries a credit somewhere — a dateline, a byline, a signature,
 * a picture credit, its source, an author. A heading whose section (the text
 * up to the next heading) carries none is more likely a subhead of the story
 * above than a story of its own.
 */
function markCreditedSections(units: Unit[]) {
  let credited = false;
  for (let i = units.length - 1; i >= 0; i--) {
    const u = units[i] as Unit;
    if (u.shape === 'heading' && !u.author) {
      u.sectionCredited = credited;
      // A headline group shares its section; above the group a new section begins.
      if (units[i - 1]?.shape !== 'heading') credited = false;
      continue;
    }
    if (u.shape === 'furniture') credited = false;
    else if (CREDIT_SHAPES.has(u.shape) || u.author || (u.shape === 'paragraph' && u.dateline)) credited = true;
  }
}

/** Longest caption set right under a headline. */
const MAX_HEADLINE_CAPTION = 80;

/** Wider than this, a heading with a comma inside reads as a sentence cut off by the column. */
const CUT_OFF_WIDTH = 18;
const INNER_COMMA = /[，,](?!\d)/u;

/** A story's opening, compared with its headline: its first paragraph, and the next one when the first is a picture's caption. */
function opening(paragraphs: Unit[]): string[] {
  const [first, second] = paragraphs;
  if (!first) return [];
  return first.captionWording && first.captionShaped && second ? [first.text, second.text] : [first.text];
}

/** The first two paragraphs of the text under the heading at i, before any other heading or closing line. */
function paragraphsBelow(units: Unit[], i: number): Unit[] {
  const found: Unit[] = [];
  for (let j = i + 1; j < units.length && j <= i + 6 && found.length < 2; j++) {
    const x = units[j] as Unit;
    if (x.shape === 'paragraph') found.push(x);
    else if (found.length && (x.shape === 'heading' || CLOSING_SHAPES.has(x.shape))) break;
  }
  return found;
}

/** The evidence a heading draws from its neighbours. */
function relateHeadings(units: Unit[]) {
  let above: Unit[] = []; // the first paragraphs after the last heading or closing line
  let fresh = true;
  units.forEach((u, i) => {
    if (u.shape === 'paragraph') {
      if (fresh) above = [];
      if (above.length < 2) above.push(u);
      fresh = false;
      return;
    }
    if (u.shape !== 'heading') {
      if (CLOSING_SHAPES.has(u.shape)) fresh = true;
      return;
    }
    fresh = true;
    if (above.length) u.affinityAbove = headlineAffinity(u.text, opening(above));
    const below = paragraphsBelow(units, i);
    if (below.length) u.affinityBelow = headlineAffinity(u.text, opening(below));
    const prev = units[i - 1];
    const next = units[i + 1];
    u.cutOffShaped =
      u.block.pieces.length === 1 &&
      prev?.shape === 'paragraph' &&
      next?.shape === 'paragraph' &&
      next.dateline === null &&
      displayWidth(u.text) >= CUT_OFF_WIDTH &&
      INNER_COMMA.test(u.text);
  });
}
