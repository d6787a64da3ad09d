/**
 * The stories the search benchmarks run on, and the hand judgments graded
 * against them: shared by bench-search.ts (in Chromium, against Pagefind)
 * and search-ndcg.ts (the engine alone, in Node).
 */
import { readFileSync } from 'node:fs';
import { makeCorpus } from '../../src/lib/corpus.ts';
import { parseSeedBytes, parseSeedDir } from '../../src/lib/seeds.ts';
import type { Article } from '../../src/lib/schema.ts';
import { gradeFor, type JudgedQuery } from './ndcg.ts';

/** The seeds' stories, or about `size` stories recombined from them by make-corpus (seed 7), newest first. */
export function storiesFor(size: string): Article[] {
  const seeds = parseSeedDir('seeds').flatMap((r) => (r.ok ? r.parsed.articles : []));
  if (size === 'seeds') return seeds;
  const n = Number(size);
  const pages = makeCorpus(seeds, { pages: Math.ceil(n / 6), seed: 7 });
  const out: Article[] = [];
  for (const p of pages) {
    const r = parseSeedBytes(p.file, p.bytes);
    if (r.ok) out.push(...r.parsed.articles);
    if (out.length >= n) break;
  }
  return out.slice(0, n).sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''));
}

/** The hand judgments (graded by scripts/lib/ndcg.ts): the single list of judged queries. */
export const JUDGMENTS = 'tests/search-judgments.json';
export const judged = (JSON.parse(readFileSync(JUDGMENTS, 'utf8')) as { queries: JudgedQuery[] }).queries;

export interface Graded {
  /** Each story's grade, by id. */
  byId: Map<string, number>;
  /** Every story's grade, one per story: the ideal ranking is drawn from these. */
  ideal: number[];
}

/** Each judged query's grade for every story of the corpus (once per corpus, for every engine). */
export function gradesFor(stories: Article[]): Map<string, Graded> {
  const out = new Map<string, Graded>();
  for (const j of judged) {
    const ideal = stories.map((a) => gradeFor(j, a));
    out.set(j.q.trim(), { byId: new Map(stories.map((a, i) => [a.id, ideal[i] ?? 0])), ideal });
  }
  return out;
}
