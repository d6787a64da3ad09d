/**
 * Hard-wrapped pages (a PDF export that breaks every ~17 characters, even
 * inside 12\n月23日) and paragraphs split across blank lines mid-sentence:
 * how wide a column is, whether a short block is a headline or a cut-off
 * line, and how lines join back into paragraphs.
 */
import type { BlockNode } from './tree.ts';
import { countSentenceStops, displayWidth, endsSentence, joinLines } from './text.ts';
import { parseDateline } from './bylines.ts';
import { cutsSentence, startsMidSentence } from './sentence-cut.ts';

/** Widest a headline line is set; longer lines are body copy. */
const MAX_HEADLINE_WIDTH = 32;
/** Widest a kicker (引题) set over its headline runs. */
const MAX_KICKER_WIDTH = 42;
/** Widest line of a headline that ends in ！ or ？ (longer, it is a sentence). */
const MAX_EXCLAIMED_HEADLINE = 24;

const lineTexts = (b: BlockNode) => b.pieces.map((p) => p.text.trim());

/** Clearly body copy: too long or too many lines for a headline. */
function isSurelyBody(b: BlockNode): boolean {
  const lines = lineTexts(b);
  return b.role === 'text' && (lines.length > 3 || lines.some((l) => displayWidth(l) > MAX_HEADLINE_WIDTH));
}

/**
 * The column width around block i: the median width of the lines nearby
 * that were cut mid-sentence. null on pages whose paragraphs are not wrapped.
 */
export function localWrapWidth(blocks: BlockNode[], i: number, reach = 3): number | null {
  const widths: number[] = [];
  for (let k = Math.max(0, i - reach); k <= Math.min(blocks.length - 1, i + reach); k++) {
    const b = blocks[k];
    if (!b || k === i || b.pieces.length < 2 || !isSurelyBody(b)) continue;
    const lines = lineTexts(b);
    for (const l of lines.slice(0, -1)) if (!endsSentence(l)) widths.push(displayWidth(l));
  }
  if (widths.length < 2) return null;
  widths.sort((a, b) => a - b);
  return widths[Math.floor(widths.length / 2)] ?? null;
}

/**
 * A short block set apart: headline, kicker, subhead or label — not a cut-off
 * line of body copy. A line as wide as the column is a cut-off only when body
 * copy, not a new story, follows it.
 */
export function isHeadlineLike(b: BlockNode, wrapWidth: number | null, next?: BlockNode): boolean {
  if (b.role !== 'text') return false;
  const lines = lineTexts(b);
  if (lines.length === 0 || lines.length > 3) return false;
  // A kicker (引题) over its headline may run longer than a headline line, never a sentence.
  const kickerOverHeadline =
    lines.length >= 2 &&
    displayWidth(lines[0] ?? '') <= MAX_KICKER_WIDTH &&
    lines.slice(1).every((l) => displayWidth(l) <= MAX_HEADLINE_WIDTH) &&
    countSentenceStops(lines.join('')) === 0;
  if (!kickerOverHeadline && lines.some((l) => displayWidth(l) > MAX_HEADLINE_WIDTH)) return false;
  const text = lines.join('');
  const last = lines[lines.length - 1] ?? '';
  // 这些“门道”你知道吗？ A headline may end in ！ or ？, when it is short and that is its only stop.
  const exclaims = /[！？!?]["”’」]?$/u.test(last) && countSentenceStops(text) <= 1 && !text.includes('。');
  const shortEnough = lines.length <= 2 && lines.every((l) => displayWidth(l) <= MAX_EXCLAIMED_HEADLINE);
  if (!(exclaims && shortEnough) && (endsSentence(last) || countSentenceStops(text) > 0)) return false;
  if (lines.slice(0, -1).some((l) => endsSentence(l))) return false;
  if (startsMidSentence(text)) return false;
  if (parseDateline(text)) return false;
  // 我省发布《关于深化改革 / …顾官屯 then 镇黄河湿地…》: a sentence the wrap cut runs on into the next line.
  const nextText = next?.role === 'text' ? (next.pieces[0]?.text ?? '') : undefined;
  if (cutsSentence(text, nextText)) return false;
  const bodyFollows = next?.role === 'text' && !parseDateline(next.pieces[0]?.text ?? '');
  // A dash-led line opens a subheadline; a bar (乡村振兴|…) marks a headline: neither is a cut-off.
  if (wrapWidth !== null && bodyFollows && !/^(?:——|—)/u.test(text) && !/[|｜]/u.test(text)) {
    // Print spacing around digits and Latin letters varies, so a cut-off line
    // may fall up to two cells short of the column.
    const wrapped = (l: string) => displayWidth(l) >= wrapWidth - 2 && displayWidth(l) <= wrapWidth + 1;
    if (lines.length === 1 ? wrapped(last) : lines.slice(0, -1).every(wrapped)) return false;
  }
  return true;
}

/**
 * Joins the lines of body blocks into paragraphs. A line that ends a sentence
 * ends its paragraph unless it runs the full column width (then the sentence
 * merely ended at the margin); any other line break is a wrap.
 */
export function paragraphsOf(blocks: BlockNode[], wrapWidth: number | null): string[] {
  const paragraphs: string[] = [];
  // The lines of the paragraph being read; joined once it ends, so a long paragraph costs its length.
  let lines: string[] = [];
  const end = () => {
    if (lines.length > 0) paragraphs.push(joinLines(lines));
    lines = [];
  };
  let open = false; // the last paragraph continues into the next line
  for (const block of blocks) {
    for (const piece of block.pieces) {
      const text = piece.text.trim();
      if (text === '') continue;
      if (!open) end();
      lines.push(text);
      const fullWidth = wrapWidth !== null && displayWidth(text) >= wrapWidth - 1;
      open = !endsSentence(text) || fullWidth;
    }
    // A blank line after a finished sentence always ends the paragraph.
    if (endsSentence(block.pieces.at(-1)?.text ?? '')) open = false;
  }
  end();
  return paragraphs;
}
