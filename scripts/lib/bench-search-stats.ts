/**
 * The figures `npm run bench:search` computes from what it measured: medians
 * and 95th percentiles of query times by group, ours ÷ Pagefind, the query
 * list, nDCG@10 per query and its mean. Pure, so they are tested without a
 * browser.
 */
import { ndcgAt } from './ndcg.ts';

/** The median; the mean of the two middle values for an even count, NaN for none. */
export function median(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** The 95th percentile by nearest rank (the smallest value at least 95% of the values are ≤), NaN for none. */
export function p95(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.max(0, Math.ceil(s.length * 0.95) - 1)] as number;
}

export function max(xs: readonly number[]): number {
  return xs.length === 0 ? NaN : Math.max(...xs);
}

/** Ours ÷ theirs, NaN when either is missing or theirs is 0. */
export function ratio(ours: number, theirs: number): number {
  return Number.isFinite(ours) && Number.isFinite(theirs) && theirs !== 0 ? ours / theirs : NaN;
}

/** Which queries the time columns group: the load set's common words, two-word and sentence queries, or the rest. */
export type QueryGroup = 'specific' | 'common';

export interface Spread {
  n: number;
  median: number;
  p95: number;
}

export interface Times {
  all: Spread;
  specific: Spread;
  common: Spread;
}

const spread = (xs: number[]): Spread => ({ n: xs.length, median: median(xs), p95: p95(xs) });

/** Median and p95 of the given query times, overall and per group. */
export function timesByGroup(timed: ReadonlyArray<{ ms: number; group: QueryGroup }>): Times {
  return {
    all: spread(timed.map((t) => t.ms)),
    specific: spread(timed.filter((t) => t.group === 'specific').map((t) => t.ms)),
    common: spread(timed.filter((t) => t.group === 'common').map((t) => t.ms)),
  };
}

/** Ours ÷ Pagefind for each median and p95 (NaN where a group is empty). */
export function timeRatios(ours: Times, theirs: Times): Record<keyof Times, { median: number; p95: number }> {
  const r = (k: keyof Times) => ({
    median: ratio(ours[k].median, theirs[k].median),
    p95: ratio(ours[k].p95, theirs[k].p95),
  });
  return { all: r('all'), specific: r('specific'), common: r('common') };
}

/** The queries of several lists, each once (compared trimmed), in the order first met. */
export function unionQueries(...lists: ReadonlyArray<readonly string[]>): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const list of lists)
    for (const raw of list) {
      const q = raw.trim();
      if (q && !seen.has(q)) {
        seen.add(q);
        out.push(q);
      }
    }
  return out;
}

/** `os.loadavg()` as `uptime` prints it: the 1, 5 and 15 minute load averages. */
export function formatLoad(load: readonly number[]): string {
  return load
    .slice(0, 3)
    .map((x) => x.toFixed(2))
    .join(' ');
}

/**
 * nDCG@k of one ranked list of ids for one judged query: `gradeById` holds
 * the grade of every story in the corpus (ids absent from it grade 0),
 * `ideal` the grades of every story (one per story, so a story copied under
 * two ids counts twice). Null when no story of the corpus has a positive
 * grade: nothing to find, the query is reported apart, not averaged in.
 */
export function ndcgOfIds(
  k: number,
  rankedIds: readonly string[],
  gradeById: ReadonlyMap<string, number>,
  ideal: readonly number[],
): number | null {
  const positive = ideal.filter((g) => g > 0).sort((a, b) => b - a);
  if (positive.length === 0) return null;
  return ndcgAt(
    k,
    rankedIds.slice(0, k).map((id) => gradeById.get(id) ?? 0),
    positive,
  );
}

/** The mean of the values that are there (null for none). */
export function meanOf(xs: ReadonlyArray<number | null>): number | null {
  const got = xs.filter((x): x is number => x !== null && Number.isFinite(x));
  return got.length ? got.reduce((a, b) => a + b, 0) / got.length : null;
}

export interface QueryNdcg {
  q: string;
  ours: number | null;
  pagefind: number | null;
}

/** The judged queries where Pagefind's nDCG is higher than ours, largest gap first. */
export function pagefindAhead(perQuery: readonly QueryNdcg[], epsilon = 1e-9): QueryNdcg[] {
  return perQuery
    .filter((x) => x.ours !== null && x.pagefind !== null && x.pagefind > x.ours + epsilon)
    .sort((a, b) => (b.pagefind ?? 0) - (b.ours ?? 0) - ((a.pagefind ?? 0) - (a.ours ?? 0)));
}

/** A number for a table cell: fixed digits, '—' when missing. */
export function cell(x: number | null | undefined, digits = 1): string {
  return x === null || x === undefined || !Number.isFinite(x) ? '—' : x.toFixed(digits);
}
