/** Seeds and parsed pages shared by the tests (parsed once per test file). */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parsePage, type ParsedPage } from '../../src/lib/parser/index.ts';
import { fixOcrLine } from '../../src/lib/parser/ocr.ts';
import { lettersOnly } from '../../src/lib/parser/text.ts';

export const SEEDS_DIR = path.resolve(import.meta.dirname, '../../seeds');

export function seedFiles(): string[] {
  return readdirSync(SEEDS_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort();
}

export function seedText(file: string): string {
  return readFileSync(path.join(SEEDS_DIR, file), 'utf8');
}

/** The seed whose name starts with the given prefix (000 … 004). */
export function seed(prefix: string): { file: string; text: string } {
  const file = seedFiles().find((f) => f.startsWith(prefix));
  if (!file) throw new Error(`no seed ${prefix}`);
  return { file, text: seedText(file) };
}

const cache = new Map<string, ParsedPage>();
export function parsedSeed(prefix: string): ParsedPage {
  const hit = cache.get(prefix);
  if (hit) return hit;
  const { file, text } = seed(prefix);
  const parsed = parsePage({ file, text });
  cache.set(prefix, parsed);
  return parsed;
}

/** Finds the article whose headline block or body contains the text. */
export function articleWith(parsed: ParsedPage, text: string) {
  const found = parsed.articles.find((a) =>
    [a.kicker, a.headline, a.subheadline, ...a.paragraphs, ...a.captions].some((t) => t?.includes(text)),
  );
  if (!found) throw new Error(`no article containing ${text}`);
  return found;
}

/**
 * Everything a page's records say, in reading order: where every line of the
 * seed must be found again.
 */
export function outputText(parsed: ParsedPage): string {
  const parts: string[] = [];
  for (const a of parsed.articles) {
    parts.push(a.kicker ?? '', a.headline ?? '', a.subheadline ?? '', a.standfirst ?? '', a.byline.raw);
    parts.push(...a.paragraphs, a.jump ?? '', ...a.captions, '\u0000');
  }
  parts.push(...parsed.page.furniture.map((f) => f.text), ...parsed.page.leftovers.map((l) => l.text));
  return parts.join('');
}

/** Lines of the input whose letters and digits are not found in the output (after the recorded OCR fixes). */
export function lostLines(text: string, parsed: ParsedPage): string[] {
  const hay = lettersOnly(outputText(parsed));
  return text
    .replace(/^\uFEFF/u, '')
    .split(/\r?\n/u)
    .map((line, i) => ({ line, want: lettersOnly(fixOcrLine(line, i + 1, [])) }))
    .filter(({ want }) => want.length > 0 && !hay.includes(want))
    .map(({ line }) => line);
}

/** Letters and digits of the input (after the recorded OCR fixes) missing from the output, counted one by one. */
export function lostCharacters(text: string, parsed: ParsedPage): string[] {
  const count = (s: string) => {
    const m = new Map<string, number>();
    for (const ch of lettersOnly(s)) m.set(ch, (m.get(ch) ?? 0) + 1);
    return m;
  };
  const fixed = text
    .split('\n')
    .map((line, i) => fixOcrLine(line, i + 1, []))
    .join('\n');
  const have = count(outputText(parsed));
  const lost: string[] = [];
  for (const [ch, n] of count(fixed)) if ((have.get(ch) ?? 0) < n) lost.push(ch);
  return lost;
}
