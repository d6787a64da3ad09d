/**
 * Gives the lines of one headline group their roles: 引题 (kicker, column
 * and county labels), 主题 (headline) and 副题 (subheadline, often led by ——).
 * Print shows the roles by type size; plain text only by order and dashes.
 */
import type { BlockNode } from './tree.ts';
import { COMMENTARY_LABEL, isLabel, splitPlacePrefix } from './labels.ts';

/** 市民论坛, 短评: an opinion column's name alone is its kicker. */
const isOpinionColumn = (line: string) => line.length <= 6 && COMMENTARY_LABEL.test(line);

export interface HeadlineParts {
  kicker: string | null;
  headline: string | null;
  subheadline: string | null;
}

const DASH_LEAD = /^\s*(?:——|—|--|－－)/u;
const DASH_TAIL = /(?:——|—|--)\s*$/u;

const join = (xs: string[]) => (xs.length > 0 ? xs.join(' ') : null);

export function assignHeadlineRoles(blocks: BlockNode[]): HeadlineParts {
  const lines = blocks.map((b) => b.pieces.map((p) => p.text.trim()).filter(Boolean));
  const subs = lines.flat().filter((l) => DASH_LEAD.test(l));
  const main = lines.map((ls) => ls.filter((l) => !DASH_LEAD.test(l))).filter((ls) => ls.length > 0);
  const flat = main.flat();
  const kickers: string[] = [];

  // A kicker that ends in —— introduces the line after it.
  const dashed = flat.findIndex((l) => DASH_TAIL.test(l));
  if (dashed >= 0 && dashed < flat.length - 1) {
    kickers.push(...flat.slice(0, dashed + 1));
    const headline = flat[dashed + 1] ?? null;
    kickers.push(...flat.slice(dashed + 2));
    return { kicker: join(kickers), headline, subheadline: join(subs) };
  }
  if (flat.length === 0) return { kicker: null, headline: null, subheadline: join(subs) };
  if (flat.length === 1) {
    const only = flat[0] ?? '';
    if (isLabel(only) || isOpinionColumn(only)) return { kicker: only, headline: null, subheadline: join(subs) };
    const prefixed = splitPlacePrefix(only);
    if (prefixed) return { kicker: prefixed.label, headline: prefixed.rest, subheadline: join(subs) };
    return { kicker: null, headline: only, subheadline: join(subs) };
  }
  // Two lines set together after a separate kicker block read as headline + subheadline.
  const lastBlock = main[main.length - 1] ?? [];
  if (main.length >= 2 && lastBlock.length === 2 && subs.length === 0) {
    return {
      kicker: join(main.slice(0, -1).flat()),
      headline: lastBlock[0] ?? null,
      subheadline: lastBlock[1] ?? null,
    };
  }
  return { kicker: join(flat.slice(0, -1)), headline: flat[flat.length - 1] ?? null, subheadline: join(subs) };
}

/**
 * The top of a page often carries a campaign banner above the first story's
 * kicker and headline. In a group of three or more lines, leading blocks that
 * leave at least a kicker and a headline are taken as the banner.
 */
export function splitBanner(blocks: BlockNode[]): { banner: BlockNode[]; rest: BlockNode[] } {
  // Lines from each block to the end, counted once (a group can hold thousands of blocks).
  const from = new Array<number>(blocks.length + 1).fill(0);
  for (let i = blocks.length - 1; i >= 0; i--) {
    from[i] = (from[i + 1] ?? 0) + (blocks[i]?.pieces.filter((p) => !DASH_LEAD.test(p.text)).length ?? 0);
  }
  let cut = 0;
  while (cut < blocks.length - 1 && (from[cut] ?? 0) >= 3 && (from[cut + 1] ?? 0) >= 2) cut++;
  return { banner: blocks.slice(0, cut), rest: blocks.slice(cut) };
}
