/** Small text predicates shared by the grammar plugins. */

const HAN = /\p{Script=Han}/u;

export function isHan(ch: string): boolean {
  return HAN.test(ch);
}

/**
 * Width as printed in a column: Han and full-width forms take one cell,
 * ASCII and other narrow characters half a cell. Used to tell a hard-wrapped
 * line (as wide as its column) from a short line that ends on purpose.
 */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    width += code < 0x1100 || (code >= 0xff61 && code <= 0xffdc) ? 0.5 : 1;
  }
  return width;
}

const SENTENCE_END = new Set(['。', '！', '？', '!', '?', '…', '；', ';']);
const CLOSERS = new Set(['”', '’', '」', '』', '"', "'", '）', ')', '》']);
const WHITESPACE = /\s/;

/** True when the text ends a sentence (closing quotes after the stop allowed). */
export function endsSentence(text: string): boolean {
  // From the end by code unit: every stop and closer is in the BMP, and
  // long paragraphs are asked this often.
  let i = text.length - 1;
  while (i >= 0 && WHITESPACE.test(text.charAt(i))) i--;
  while (i >= 0 && CLOSERS.has(text.charAt(i))) i--;
  return i >= 0 && SENTENCE_END.has(text.charAt(i));
}

/** Number of sentence stops inside the text (up to `limit`), a sign of body copy rather than a headline. */
export function countSentenceStops(text: string, limit = Infinity): number {
  let n = 0;
  // By code unit: the stops are all in the BMP.
  for (let i = 0; i < text.length && n < limit; i++) {
    const ch = text.charAt(i);
    if (ch === '。' || ch === '！' || ch === '？') n++;
  }
  return n;
}

const LATIN_WORD = /[A-Za-z]/;

/**
 * Joins a paragraph's hard-wrapped lines (trimmed) in one pass. Chinese needs
 * no space; two Latin words cut at a line end do.
 */
export function joinLines(lines: string[]): string {
  const parts: string[] = [];
  let last = '';
  for (const line of lines) {
    if (LATIN_WORD.test(last.slice(-1)) && LATIN_WORD.test(line.slice(0, 1))) parts.push(' ');
    parts.push(line);
    last = line;
  }
  return parts.join('');
}

/** Converts full-width digits and dots to ASCII so numbers can be read. */
export function asciiDigits(text: string): string {
  return text.replace(/[０-９．，]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

/**
 * Code units taken by the character at i, negative when it is not a letter or
 * digit. Han and ASCII, nearly all of a page, are decided without a regex.
 */
function letterAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c >= 0x4e00 && c <= 0x9fff) return 1;
  if (c < 0x80) return (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122) ? 1 : -1;
  const next = text.charCodeAt(i + 1);
  const units = c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
  return LETTER_OR_DIGIT.test(text.slice(i, i + units)) ? units : -units;
}

/** Letters and digits only: how the tests compare text regardless of wrapping and punctuation. */
export function lettersOnly(text: string): string {
  const s = text.normalize('NFKC');
  let out = '';
  let run = 0;
  for (let i = 0; i < s.length;) {
    const units = letterAt(s, i);
    if (units < 0) {
      out += s.slice(run, i);
      run = i - units;
    }
    i += Math.abs(units);
  }
  return out + s.slice(run);
}

/** The code points of lettersOnly(text), without building the string. */
export function letterCodePoints(text: string): number[] {
  const s = text.normalize('NFKC');
  const out: number[] = [];
  for (let i = 0; i < s.length;) {
    const units = letterAt(s, i);
    if (units > 0) out.push(s.codePointAt(i) ?? 0);
    i += Math.abs(units);
  }
  return out;
}

/** How many letters and digits the text holds, up to `limit` (no normalisation: a length test, not a comparison). */
export function letterCount(text: string, limit = Infinity): number {
  let n = 0;
  for (let i = 0; i < text.length && n < limit;) {
    const units = letterAt(text, i);
    if (units > 0) n += units;
    i += Math.abs(units);
  }
  return n;
}

/** A regex source matching any of the words, longest first so the longest match wins. */
export function literalAlternation(words: Iterable<string>): string {
  return [...words]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
    .join('|');
}

/** FNV-1a, base 36: short, stable ids from text. */
export function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}
