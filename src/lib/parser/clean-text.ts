/**
 * The parser's door: every page's text passes here before any grammar reads
 * it. Line ends become \n, a byte-order mark goes, lone surrogates become
 * U+FFFD, and control characters are removed — an ESC, a vertical tab from a
 * Word soft break or a form feed from pdftotext is invisible to a reader but
 * makes XML (the RSS feed) invalid. Nothing is changed silently: each removal
 * is returned as a correction on its line, and the line count never changes.
 */
import type { Correction } from '../schema.ts';

/**
 * C0 controls but tab and line feed, DEL, the C1 controls, and the two
 * noncharacters XML forbids (U+FFFE, U+FFFF).
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
export const CONTROL_CHARACTERS = /[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffe\uffff]/gu;

const HAS_CONTROL = new RegExp(CONTROL_CHARACTERS.source, 'u');

export interface CleanText {
  text: string;
  corrections: Correction[];
}

const codeOf = (ch: string) => `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

/** Removes control characters from a short text that is not a page line (a sidecar's headline, a note). */
export const withoutControls = (text: string) => text.replace(CONTROL_CHARACTERS, '');

export function cleanPageText(raw: string): CleanText {
  const text = raw
    .replace(/^\uFEFF/u, '')
    .replace(/\r\n?/gu, '\n')
    .toWellFormed();
  const corrections: Correction[] = [];
  if (!HAS_CONTROL.test(text)) return { text, corrections };
  const lines = text.split('\n').map((line, i) => {
    const counts = new Map<string, number>();
    for (const [ch] of line.matchAll(CONTROL_CHARACTERS)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    for (const [ch, n] of counts) {
      corrections.push({
        type: 'cleanup',
        field: 'text',
        from: n === 1 ? codeOf(ch) : `${codeOf(ch)} ×${n}`,
        to: '',
        line: i + 1,
        note: 'control character removed',
      });
    }
    return counts.size === 0 ? line : line.replace(CONTROL_CHARACTERS, '');
  });
  return { text: lines.join('\n'), corrections };
}
