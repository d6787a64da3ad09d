/** How much a headline shares with the story it heads: the kinship that places headlines. */
import { letterCodePoints } from './text.ts';

/** Share of a headline's character pairs found in the opening of its story. */
export function headlineAffinity(headline: string, lead: string): number {
  const h = characterPairs(headline);
  if (h.size === 0) return 0;
  const l = characterPairs(lead);
  let shared = 0;
  for (const p of h) if (l.has(p)) shared++;
  return shared / h.size;
}

/**
 * A page's headings and leads are compared several times (three readings, and
 * each heading with the text above and below it): their pairs are kept for the
 * few texts last asked about.
 */
const recent = new Map<string, Set<number>>();
const RECENT = 256;

/** Adjacent letter pairs, each as one number (two code points) so the sets hold no strings. */
function characterPairs(text: string): Set<number> {
  const known = recent.get(text);
  if (known) return known;
  if (recent.size >= RECENT) recent.clear();
  const pairs = new Set<number>();
  recent.set(text, pairs);
  const points = letterCodePoints(text);
  for (let k = 1; k < points.length; k++) pairs.add((points[k - 1] ?? 0) * 0x110000 + (points[k] ?? 0));
  return pairs;
}

/** How much of a story's opening (code units) its headline is compared with. */
export const LEAD_LENGTH = 200;
