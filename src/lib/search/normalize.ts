/**
 * How search reads text, the same at build time and in the browser: NFKC,
 * lower case, known OCR misreadings folded to the right form where they read
 * as the place (在平区 → 茌平区, never 现在平均),
 * then units: single Han characters and Latin/digit words. Terms are
 * bigrams of adjacent units; single units serve one-character queries.
 */
import gazetteer from '../../data/gazetteer.json' with { type: 'json' };

/**
 * 在平 is folded to 茌平 only where it reads as the place: before the name of
 * one of 茌平's towns (在平博平镇, 在平杜郎口镇). 在平区 and 在平县 are in the
 * gazetteer's list. A bare 在平 is ordinary text (现在平均, 在平台上, 在平时),
 * which a fold would make match every search for 茌平.
 */
const CHIPING_TOWNS = gazetteer.units
  .filter((u) => u.slug === 'chiping')
  .flatMap((u) => u.towns.flatMap((t) => [t.name, ...t.aliases]));

const FOLDS: Array<{ wrong: string; right: string }> = [
  ...gazetteer.ocrCorrections,
  ...CHIPING_TOWNS.map((town) => ({ wrong: `在平${town}`, right: `茌平${town}` })),
].sort((a, b) => b.wrong.length - a.wrong.length);

export function fold(text: string): string {
  let out = text.normalize('NFKC').toLowerCase();
  for (const { wrong, right } of FOLDS) if (out.includes(wrong)) out = out.split(wrong).join(right);
  return out;
}

/** A Han character, a Latin word, or a number: letters and digits are two units (iPhone15 → iphone 15, 5G → 5 g). */
const UNIT = /\p{Script=Han}|[a-z]+|[0-9]+(?:\.[0-9]+)?/gu;
/** A year written in full (2024), which a reader may type short (24年). */
const FULL_YEAR = /^(?:19|20)([0-9]{2})$/u;
const SEPARATOR = /[^\p{Script=Han}a-z0-9.]/u;

/** Runs of units with no separator between them (a separator breaks a phrase). */
export function segments(text: string): string[][] {
  const out: string[][] = [];
  for (const part of fold(text).split(SEPARATOR)) {
    const units = part.match(UNIT);
    if (units && units.length > 0) out.push(units);
  }
  return out;
}

/**
 * Bigram terms of a text: 聊城轴承 → 聊城 城轴 轴承; 3.12% → 3.12. A Latin
 * word or a number is a term on its own too (iPhone15 → iphone 15, iphone,
 * 15), and a year in full before 年 is also the year in short (2024年 → 24年,
 * 24), as a reader types it.
 */
export function bigrams(text: string): string[] {
  return bigramsOf(segments(text));
}

/** bigrams() of a text already cut into segments. */
export function bigramsOf(runs: string[][]): string[] {
  const terms: string[] = [];
  for (const units of runs) {
    if (units.length === 1 && !isHan(units[0] ?? '')) terms.push(units[0] ?? '');
    for (let i = 0; i + 1 < units.length; i++) terms.push(`${units[i]}${sep(units[i], units[i + 1])}${units[i + 1]}`);
    // A Latin or digit word is findable on its own too (App, 2024).
    for (const u of units) if (!isHan(u) && units.length > 1) terms.push(u);
    for (let i = 0; i + 1 < units.length; i++) {
      const short = units[i + 1] === '年' ? FULL_YEAR.exec(units[i] ?? '')?.[1] : undefined;
      if (short !== undefined) terms.push(`${short}年`, short);
    }
  }
  return terms;
}

/** Latin words next to each other keep a space so "rtk inc" ≠ "rtkinc". */
function sep(a: string | undefined, b: string | undefined): string {
  return a && b && !isHan(a) && !isHan(b) ? ' ' : '';
}

export function isHan(unit: string): boolean {
  return /^\p{Script=Han}$/u.test(unit);
}

/** A query's words (split at spaces), each as the terms that must all be found. */
export interface QueryWord {
  text: string;
  terms: string[];
  /** A single Han character: looked up among headline characters only. */
  single: string | null;
}

export function parseQuery(query: string): QueryWord[] {
  return fold(query)
    .split(/\s+/u)
    .filter(Boolean)
    .map((word) => {
      const units = segments(word).flat();
      if (units.length === 1 && isHan(units[0] ?? '')) return { text: word, terms: [], single: units[0] ?? null };
      return { text: word, terms: [...new Set(bigrams(word))], single: null };
    })
    .filter((w) => w.terms.length > 0 || w.single !== null);
}

/** Which shard file holds a term (FNV-1a over UTF-16 code units). */
export function shardOf(term: string, shards: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < term.length; i++) {
    h ^= term.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % shards;
}
