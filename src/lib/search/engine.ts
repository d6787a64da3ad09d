/**
 * The search engine that runs in the reader's browser (in a Web Worker) and
 * in the tests: it fetches the manifest, then only the shards of the query's
 * terms, intersects their postings (relaxing one term at a time when nothing
 * matches, which forgives a wrong character), scores, filters, sorts, and
 * lets Fuse.js rank the page of results it shows on headline and lead.
 */
import Fuse from 'fuse.js';
import { fold, parseQuery, shardOf, type QueryWord } from './normalize.ts';
import { findMarks, type Mark } from './marks.ts';
import { readFacets, readShard, dayOf, NONE, type DocFile, type Facets, type Manifest } from './format.ts';

export interface Loader {
  json<T>(path: string): Promise<T>;
  bytes(path: string): Promise<Uint8Array>;
}

export interface Filters {
  county?: string | undefined;
  topic?: string | undefined;
  kind?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

export type { Mark };

/** A result as shown: the story's document file less its full text, plus a snippet and where the words are. */
export type Hit = Omit<DocFile, 'n' | 'text'> & {
  snippet: string;
  titleMarks: Mark[];
  snippetMarks: Mark[];
  score: number;
};

export interface SearchResult {
  query: string;
  total: number;
  hits: Hit[];
  facets: { county: Record<string, number>; topic: Record<string, number>; kind: Record<string, number> };
  /** How the words were matched: exact, with one term relaxed, or by sound. */
  match: 'exact' | 'relaxed' | 'pinyin' | 'none';
}

export const PAGE = 10;
/** How many of the best candidates Fuse re-ranks (their documents are fetched anyway). */
const RERANK = PAGE;

export class SearchEngine {
  private manifest: Promise<Manifest> | null = null;
  private shards = new Map<number, Promise<Map<string, Map<number, number>>>>();
  private facets: Promise<Facets[]> | null = null;
  private docs = new Map<number, Promise<DocFile>>();
  private pinyinMap: Promise<Record<string, string>> | null = null;
  private readonly load: Loader;

  constructor(load: Loader) {
    this.load = load;
  }

  info(): Promise<Manifest> {
    this.manifest ??= this.load.json<Manifest>('manifest.json');
    return this.manifest;
  }

  private async postings(term: string): Promise<Map<number, number>> {
    const m = await this.info();
    const n = shardOf(term, m.shards);
    let shard = this.shards.get(n);
    if (!shard) {
      shard = this.load.bytes(`shards/${n}.bin`).then(readShard);
      this.shards.set(n, shard);
    }
    return (await shard).get(term) ?? new Map();
  }

  private allFacets(): Promise<Facets[]> {
    this.facets ??= Promise.all([this.info(), this.load.bytes('facets.bin')]).then(([m, b]) => readFacets(b, m.docs));
    return this.facets;
  }

  private doc(n: number): Promise<DocFile> {
    let d = this.docs.get(n);
    if (!d) {
      d = this.load.json<DocFile>(`docs/${n}.json`);
      this.docs.set(n, d);
    }
    return d;
  }

  /** Documents and scores for one query word; relaxed when no document has every term. */
  private async matchWord(word: QueryWord, docs: number): Promise<{ scores: Map<number, number>; relaxed: boolean }> {
    const terms = word.single ? [`1:${word.single}`] : word.terms;
    const lists = await Promise.all(terms.map((t) => this.postings(t)));
    const idf = lists.map((l) => Math.log(1 + docs / Math.max(1, l.size)));
    const counted = new Map<number, { hits: number; score: number }>();
    lists.forEach((list, i) => {
      for (const [doc, w] of list) {
        const c = counted.get(doc) ?? { hits: 0, score: 0 };
        c.hits++;
        c.score += w * (idf[i] ?? 1);
        counted.set(doc, c);
      }
    });
    const need = [
      terms.length,
      ...(terms.length >= 2 ? [terms.length - 1] : []),
      ...(terms.length >= 4 ? [terms.length - 2] : []),
    ];
    for (const [step, k] of need.entries()) {
      const scores = new Map<number, number>();
      for (const [doc, c] of counted) if (c.hits >= k) scores.set(doc, c.score * (step === 0 ? 1 : 0.5 / step));
      if (scores.size > 0) return { scores, relaxed: step > 0 };
    }
    return { scores: new Map(), relaxed: false };
  }

  /** A Han word typed with a wrong character of the same sound: match it by its pinyin. */
  private async matchBySound(word: QueryWord, docs: number): Promise<Map<number, number>> {
    const syllables = await this.toPinyin(word.text);
    if (!syllables || syllables.length < 2) return new Map();
    return (await this.matchWord({ text: word.text, single: null, terms: pinyinTerms(syllables) }, docs)).scores;
  }

  private async toPinyin(text: string): Promise<string[] | null> {
    if (/^[a-z]+$/u.test(text)) return splitPinyin(text, new Set((await this.info()).syllables));
    this.pinyinMap ??= this.load.json<Record<string, string>>('pinyin.json');
    const map = await this.pinyinMap;
    const out = [...text].map((ch) => map[ch]);
    return out.every((s): s is string => s !== undefined) ? out : null;
  }

  async search(
    query: string,
    filters: Filters = {},
    sort: 'relevance' | 'date' = 'relevance',
    page = 0,
  ): Promise<SearchResult> {
    const m = await this.info();
    const words = parseQuery(query);
    const empty: SearchResult = {
      query,
      total: 0,
      hits: [],
      facets: { county: {}, topic: {}, kind: {} },
      match: 'none',
    };
    if (words.length === 0) return empty;

    let match: SearchResult['match'] = 'exact';
    let combined: Map<number, number> | null = null;
    for (const word of words) {
      let { scores, relaxed } = await this.matchWord(word, m.docs);
      // Latin letters may be pinyin (zhoucheng → 轴承); Han may be a same-sound typo.
      if (/^[a-z]+$/u.test(word.text) || (scores.size === 0 && word.single === null)) {
        const bySound = await this.matchBySound(word, m.docs);
        if (bySound.size > 0 && (scores.size === 0 || relaxed)) {
          scores = bySound;
          relaxed = false;
          match = 'pinyin';
        } else if (bySound.size > 0) {
          for (const [d, s] of bySound) scores.set(d, Math.max(scores.get(d) ?? 0, s));
        }
      }
      if (relaxed && match === 'exact') match = 'relaxed';
      combined = combined === null ? scores : intersect(combined, scores);
      if (combined.size === 0) return { ...empty, match: 'none' };
    }
    const candidates = combined ?? new Map<number, number>();
    const facets = await this.allFacets();
    const county = filters.county ? m.counties.findIndex((c) => c.slug === filters.county) : -1;
    const topic = filters.topic ? m.topics.findIndex((t) => t.slug === filters.topic) : -1;
    const kind = filters.kind ? m.kinds.indexOf(filters.kind) : -1;
    const from = filters.from ? dayOf(filters.from) : -Infinity;
    const to = filters.to ? dayOf(filters.to) : Infinity;
    const passes = (f: Facets, skip?: 'county' | 'topic' | 'kind') =>
      (skip === 'county' || county < 0 || f.county === county) &&
      (skip === 'topic' || topic < 0 || (f.topics & (1 << topic)) !== 0) &&
      (skip === 'kind' || kind < 0 || f.kind === kind) &&
      ((from === -Infinity && to === Infinity) || (f.day > 0 && f.day >= from && f.day <= to));

    const counts = {
      county: {} as Record<string, number>,
      topic: {} as Record<string, number>,
      kind: {} as Record<string, number>,
    };
    const kept: Array<[number, number]> = [];
    for (const [doc, score] of candidates) {
      const f = facets[doc];
      if (!f) continue;
      // Each filter's counts assume the other filters, so a reader sees what choosing it would give.
      if (passes(f, 'county') && f.county !== NONE) bump(counts.county, m.counties[f.county]?.slug);
      if (passes(f, 'topic'))
        m.topics.forEach((t, i) => (f.topics & (1 << i) ? bump(counts.topic, t.slug) : undefined));
      if (passes(f, 'kind')) bump(counts.kind, m.kinds[f.kind]);
      if (passes(f)) kept.push([doc, score]);
    }
    kept.sort(sort === 'date' ? (a, b) => a[0] - b[0] : (a, b) => b[1] - a[1] || a[0] - b[0]);

    const start = page * PAGE;
    const window = sort === 'relevance' && page === 0 ? kept.slice(0, RERANK) : kept.slice(start, start + PAGE);
    const docs = await Promise.all(window.map(([n]) => this.doc(n)));
    let ordered = docs.map((d, i) => ({ d, score: window[i]?.[1] ?? 0 }));
    if (sort === 'relevance' && page === 0) ordered = rerank(ordered, query);
    const hits = ordered.slice(0, PAGE).map(({ d, score }) => toHit(d, score, words));
    return { query, total: kept.length, hits, facets: counts, match };
  }
}

function bump(counts: Record<string, number>, key: string | undefined) {
  if (key) counts[key] = (counts[key] ?? 0) + 1;
}

function intersect(a: Map<number, number>, b: Map<number, number>): Map<number, number> {
  const out = new Map<number, number>();
  for (const [doc, s] of a) {
    const t = b.get(doc);
    if (t !== undefined) out.set(doc, s + t);
  }
  return out;
}

export function pinyinTerms(syllables: string[]): string[] {
  const terms: string[] = [];
  for (let i = 0; i + 1 < syllables.length; i++) terms.push(`py:${syllables[i]} ${syllables[i + 1]}`);
  return [...new Set(terms)];
}

/** Splits letters into pinyin syllables, longest first, backtracking when stuck. */
export function splitPinyin(text: string, known: Set<string>): string[] | null {
  const memo = new Map<number, string[] | null>();
  const go = (i: number): string[] | null => {
    if (i === text.length) return [];
    const hit = memo.get(i);
    if (hit !== undefined) return hit;
    let found: string[] | null = null;
    for (let len = Math.min(6, text.length - i); len >= 1 && !found; len--) {
      const s = text.slice(i, i + len);
      if (!known.has(s)) continue;
      const rest = go(i + len);
      if (rest) found = [s, ...rest];
    }
    memo.set(i, found);
    return found;
  };
  return go(0);
}

/** Fuse.js orders the best candidates by how well headline and lead match the query. */
function rerank(items: Array<{ d: DocFile; score: number }>, query: string) {
  if (items.length < 2) return items;
  const fuse = new Fuse(
    items.map((x, i) => ({ i, title: fold(x.d.title), lead: fold(x.d.text.slice(0, 300)) })),
    {
      keys: [
        { name: 'title', weight: 3 },
        { name: 'lead', weight: 1 },
      ],
      includeScore: true,
      ignoreLocation: true,
      // Fuse's length norm counts space-separated words: meaningless for Chinese.
      ignoreFieldNorm: true,
      threshold: 0.6,
      useExtendedSearch: false,
    },
  );
  const fuseScore = new Map<number, number>();
  for (const r of fuse.search(fold(query))) fuseScore.set(r.item.i, r.score ?? 1);
  const maxIndex = Math.max(...items.map((x) => x.score), 1);
  return items
    .map((x, i) => ({ x, rank: (x.score / maxIndex) * 0.6 + (1 - (fuseScore.get(i) ?? 1)) * 0.4 }))
    .sort((a, b) => b.rank - a.rank)
    .map((r) => r.x);
}

const SNIPPET_BEFORE = 30;
const SNIPPET_LENGTH = 110;

function toHit(d: DocFile, score: number, words: QueryWord[]): Hit {
  const marks = findMarks(d.text, words);
  const first = marks[0]?.start ?? 0;
  const start = Math.max(0, first - SNIPPET_BEFORE);
  const end = Math.min(d.text.length, start + SNIPPET_LENGTH);
  const prefix = start > 0 ? '…' : '';
  const snippet = prefix + d.text.slice(start, end).replace(/\n/gu, ' ') + (end < d.text.length ? '…' : '');
  const shift = prefix.length - start;
  return {
    id: d.id,
    title: d.title,
    kicker: d.kicker,
    date: d.date,
    county: d.county,
    kind: d.kind,
    snippet,
    titleMarks: findMarks(d.title, words),
    snippetMarks: marks
      .filter((m) => m.start >= start && m.end <= end)
      .map((m) => ({ start: m.start + shift, end: m.end + shift })),
    score,
  };
}
