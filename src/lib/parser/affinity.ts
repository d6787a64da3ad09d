/** How much a headline shares with the story it heads: the kinship that places headlines. */

/** How much of a story's opening (code units) its headline is compared with. */
export const LEAD_LENGTH = 200;

/**
 * The letter or digit at i as a number, or -1: Han and ASCII letters and
 * digits, nearly all of a page, are read without a regex; other characters
 * (punctuation, space) are skipped, so pairs run across them.
 */
function letterAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c >= 0x4e00 && c <= 0x9fff) return c;
  if (c < 0x80) return (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122) ? c : -1;
  if (c >= 0xff10 && c <= 0xff5a) return c - 0xfee0; // full-width digits and letters read as ASCII
  return -1;
}

/** Adjacent letter pairs of the text, each as one number. */
function characterPairs(text: string): Set<number> {
  const pairs = new Set<number>();
  let prev = -1;
  for (let i = 0; i < text.length; i++) {
    const c = letterAt(text, i);
    if (c < 0) continue;
    if (prev >= 0) pairs.add(prev * 0x10000 + c);
    prev = c;
  }
  return pairs;
}

/**
 * Share of a headline's character pairs found in the opening (first
 * LEAD_LENGTH code units) of its story, given as one text or as the story's
 * paragraphs in order.
 */
export function headlineAffinity(headline: string, lead: string | readonly string[]): number {
  const h = characterPairs(headline);
  if (h.size === 0) return 0;
  let shared = 0;
  let prev = -1;
  let read = 0;
  const seen = new Set<number>();
  for (const part of typeof lead === 'string' ? [lead] : lead) {
    for (let i = 0; i < part.length && read < LEAD_LENGTH; i++, read++) {
      const c = letterAt(part, i);
      if (c < 0) continue;
      if (prev >= 0) {
        const pair = prev * 0x10000 + c;
        if (h.has(pair) && !seen.has(pair)) {
          seen.add(pair);
          shared++;
        }
      }
      prev = c;
    }
    if (read >= LEAD_LENGTH) break;
  }
  return shared / h.size;
}
