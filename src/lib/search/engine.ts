/**
 * The search engine that runs in the reader's browser (in a Web Worker) and
 * in the tests: it fetches the manifest, then only the shards of the query's
 * terms, intersects their postings (relaxing one term at a time when nothing
 * matches, which forgives a wrong character), scores, filters, sorts, and
 * lets Fuse.js rank the page of results it shows on headline and lead.
 */
import Fuse from 'fuse.js';
import { fold, isHan, parseQuery, shardOf, type QueryWord } from './normalize.ts';
import { findMarks, type Mark } from './marks.ts';
import {
  readFacets,
  readShard,
  readWordShard,
  dayOf,
  NONE,
  type DocCredit,
  type DocFile,
  type Facets,
  type Manifest,
  type WordShard,
} from './format.ts';

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

/** Someone the story credits, with where the query's words stand in their name. */
export type BylineName = DocCredit & { marks: Mark[] };

/** A result as shown: the story's document file less its full text, plus a snippet and where the words are. */
export type Hit = Omit<DocFile, 'n' | 'text' | 'credits'> & {
  snippet: string;
  titleMarks: Mark[];
  snippetMarks: Mark[];
  /** The story's credits when a query word is one of the names (why it matched), else null. */
  byline: BylineName[] | null;
  /** The words marked in this result, to mark in the story too (a pinyin query marks the Han words it found). */
  words: string[];
  score: number;
};

export interface SearchResult {
  query: string;
  total: number;
  hits: Hit[];
  facets: { county: Record<string, number>; topic: Record<string, number>; kind: Record<string, number> };
  /**
   * How the words were matched: exact, with one term relaxed, or by sound;
   * 'filters' when there were no words, only filters (every story that
   * passes them, newest first); 'partial' when no story has every word, or
   * all but two of a long word's terms: the stories with the most of them;
   * 'none' when nothing matched.
   */
  match: 'exact' | 'relaxed' | 'pinyin' | 'partial' | 'filters' | 'none';
  /**
   * The query with each word found only by its sound (a wrong character, or
   * pinyin) written as the index's commonest word of that sound: 轴乘 → 轴承.
   */
  suggestion: string | null;
}

export const PAGE = 10;
/** How many of the best candidates Fuse re-ranks (their documents are fetched anyway). */
const RERANK = PAGE;
/** How many words of one sound a query looks up (the commonest first): a pinyin pair can read as dozens. */
const SOUND_ALTERNATIVES = 8;

/** A query word as the engine reads it: its terms, or its pinyin syllables when typed in letters. */
interface Word extends QueryWord {
  syllables: string[] | null;
}

/** Terms to match, each a set of alternatives: a story has the term when it holds any of them. */
type Groups = string[][];

export class SearchEngine {
  private manifest: Promise<Manifest> | null = null;
  private shards = new Map<number, Promise<Map<string, Map<number, number>>>>();
  private wordShards = new Map<number, Promise<WordShard>>();
  private facets: Promise<Facets[]> | null = null;
  private docs = new Map<number, Promise<DocFile>>();
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

  private async wordShard(key: string): Promise<WordShard> {
    const m = await this.info();
    const n = shardOf(key, m.wordShards);
    let shard = this.wordShards.get(n);
    if (!shard) {
      shard = this.load.bytes(`words/${n}.bin`).then((bytes) => readWordShard(bytes, m.syllables));
      this.wordShards.set(n, shard);
    }
    return shard;
  }

  /** The two-character words of the index that read as a pinyin pair, commonest first. */
  private async wordsSounding(pair: string): Promise<Array<[string, number]>> {
    return (await this.wordShard(pair)).sounds.get(pair) ?? [];
  }

  private async readings(char: string): Promise<string[]> {
    return (await this.wordShard(char)).readings.get(char) ?? [];
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

  /**
   * Documents and scores for a word's terms; relaxed (one or two terms
   * dropped) when no document has them all; partial when no document has
   * all but two: then the documents with the most of them (a sentence typed
   * as one word, 聊城今年小麦产量是多少), never nothing while a term is found.
   */
  private async matchGroups(
    groups: Groups,
    docs: number,
  ): Promise<{ scores: Map<number, number>; relaxed: boolean; partial: boolean }> {
    const lists = await Promise.all(
      groups.map(async (alternatives) => {
        const union = new Map<number, number>();
        for (const list of await Promise.all(alternatives.map((t) => this.postings(t))))
          for (const [doc, w] of list) union.set(doc, Math.max(union.get(doc) ?? 0, w));
        return union;
      }),
    );
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
    const n = groups.length;
    const need = [n, ...(n >= 2 ? [n - 1] : []), ...(n >= 4 ? [n - 2] : [])];
    for (const [step, k] of need.entries()) {
      const scores = new Map<number, number>();
      for (const [doc, c] of counted) if (c.hits >= k) scores.set(doc, c.score * (step === 0 ? 1 : 0.5 / step));
      if (scores.size > 0) return { scores, relaxed: step > 0, partial: false };
    }
    return { scores: mostTerms(counted), relaxed: counted.size > 0, partial: counted.size > 0 };
  }

  /**
   * A word by its sound: pinyin letters (zhoucheng), or Han characters of
   * which one has the wrong character of the right sound (轴乘). Each pair of
   * syllables becomes the index's words that read so; null when some pair
   * reads as no word the index holds.
   */
  private async soundGroups(word: Word): Promise<Array<Array<[string, number]>> | null> {
    let pairs: string[][];
    if (word.syllables) {
      const s = word.syllables;
      pairs = s.slice(1).map((b, i) => [`${s[i]} ${b}`]);
    } else {
      const chars = [...word.text];
      if (chars.length < 2 || !chars.every(isHan)) return null;
      const readings = await Promise.all(chars.map((c) => this.readings(c)));
      pairs = chars
        .slice(1)
        .map((_, i) => (readings[i] ?? []).flatMap((a) => (readings[i + 1] ?? []).map((b) => `${a} ${b}`)));
    }
    if (pairs.length === 0) return null;
    const groups = await Promise.all(
      pairs.map(async (sounds) => {
        const found = (await Promise.all(sounds.map((p) => this.wordsSounding(p)))).flat();
        return found.sort((a, b) => b[1] - a[1]).slice(0, SOUND_ALTERNATIVES);
      }),
    );
    return groups.every((g) => g.length > 0) ? groups : null;
  }

  private async words(query: string): Promise<Word[]> {
    const known = new Set((await this.info()).syllables);
    return readPinyin(parseQuery(query), known);
  }

  async search(
    query: string,
    filters: Filters = {},
    sort: 'relevance' | 'date' = 'relevance',
    page = 0,
  ): Promise<SearchResult> {
    const m = await this.info();
    const words = await this.words(query);
    const empty: SearchResult = {
      query,
      total: 0,
      hits: [],
      facets: { county: {}, topic: {}, kind: {} },
      match: 'none',
      suggestion: null,
    };
    const filtered = Object.values(filters).some(Boolean);
    if (words.length === 0 && !filtered) return empty;

    let match: SearchResult['match'] = words.length === 0 ? 'filters' : 'exact';
    const perWord: Array<Map<number, number>> = [];
    // What to mark in results: the words as typed, and the words a sound stood for.
    const needles: Array<Pick<QueryWord, 'text' | 'single'>> = words.filter((w) => !w.syllables);
    const corrected: string[] = [];
    let corrections = 0;
    for (const word of words) {
      const groups = word.single ? [[`1:${word.single}`]] : word.terms.map((t) => [t]);
      let { scores, relaxed, partial } = await this.matchGroups(groups, m.docs);
      let heard: string | null = null;
      // Latin letters may be pinyin (zhoucheng → 轴承); Han that finds nothing, or only relaxed, may be a same-sound typo.
      if (word.syllables || ((scores.size === 0 || relaxed) && word.single === null)) {
        const sound = await this.soundGroups(word);
        const bySound = sound
          ? await this.matchGroups(
              sound.map((g) => g.map(([w]) => w)),
              m.docs,
            )
          : null;
        if (sound && bySound && bySound.scores.size > 0 && !bySound.relaxed) {
          for (const g of sound) for (const [w] of g) needles.push({ text: w, single: null });
          heard = stitch(sound);
          if (scores.size === 0 || relaxed) {
            scores = bySound.scores;
            relaxed = false;
            partial = false;
            match = 'pinyin';
          } else {
            for (const [d, s] of bySound.scores) scores.set(d, Math.max(scores.get(d) ?? 0, s));
          }
        }
      }
      if (heard && heard !== word.text) corrections++;
      corrected.push(heard ?? word.text);
      if (relaxed && match === 'exact') match = 'relaxed';
      if (partial) match = 'partial';
      perWord.push(scores);
    }
    let combined: Map<number, number> | null = null;
    for (const scores of perWord) combined = combined === null ? scores : intersect(combined, scores);
    // No story has every word: the stories with the most of them, as partial matches.
    if (combined !== null && combined.size === 0) {
      combined = mostWords(perWord);
      match = 'partial';
    }
    if (combined !== null && combined.size === 0) return empty;
    const facets = await this.allFacets();
    const candidates = combined ?? new Map(facets.map((_, n) => [n, 0] as const));
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
      // A number no story has now (format.ts): nothing to find there.
      if (!f || f.kind === NONE) continue;
      // Each filter's counts assume the other filters, so a reader sees what choosing it would give.
      if (passes(f, 'county') && f.county !== NONE) bump(counts.county, m.counties[f.county]?.slug);
      if (passes(f, 'topic'))
        m.topics.forEach((t, i) => (f.topics & (1 << i) ? bump(counts.topic, t.slug) : undefined));
      if (passes(f, 'kind')) bump(counts.kind, m.kinds[f.kind]);
      if (passes(f)) kept.push([doc, score]);
    }
    // Without words there is no relevance: newest first, by the story's day, then the later number (a later
    // page, or a story added later). Ties of relevance go the same way.
    const newer = (a: number, b: number) => (facets[b]?.day ?? 0) - (facets[a]?.day ?? 0) || b - a;
    const byDate = sort === 'date' || words.length === 0;
    kept.sort(byDate ? (a, b) => newer(a[0], b[0]) : (a, b) => b[1] - a[1] || newer(a[0], b[0]));

    const start = page * PAGE;
    const reranked = !byDate && page === 0;
    const window = reranked ? kept.slice(0, RERANK) : kept.slice(start, start + PAGE);
    const docs = await Promise.all(window.map(([n]) => this.doc(n)));
    let ordered = docs.map((d, i) => ({ d, score: window[i]?.[1] ?? 0 }));
    if (reranked) ordered = rerank(ordered, query);
    const hits = ordered.slice(0, PAGE).map(({ d, score }) => toHit(d, score, needles));
    const suggestion = corrections > 0 ? corrected.join(' ') : null;
    return { query, total: kept.length, hits, facets: counts, match, suggestion };
  }
}

/**
 * Letters typed with spaces or capitals (`lin qing`, `Zhou Cheng`) read as
 * one pinyin word: a run of Latin words that are all pinyin is joined when
 * any of them is a single syllable (one syllable alone names no word).
 * Every Latin word that is pinyin carries its syllables; the spaces the
 * reader typed are kept as syllable boundaries (xi an ≠ xian).
 */
export function readPinyin(words: QueryWord[], known: Set<string>): Word[] {
  const out: Word[] = [];
  const split = (w: QueryWord) => (/^[a-z]+$/u.test(w.text) ? splitPinyin(w.text, known) : null);
  for (let i = 0; i < words.length;) {
    const first = words[i] as QueryWord;
    const run: Array<{ word: QueryWord; syllables: string[] }> = [];
    for (let j = i; j < words.length; j++) {
      const w = words[j] as QueryWord;
      const syllables = split(w);
      if (!syllables) break;
      run.push({ word: w, syllables });
    }
    if (run.length >= 2 && run.some((r) => r.syllables.length === 1)) {
      const text = run.map((r) => r.word.text).join('');
      out.push({ text, terms: [text], single: null, syllables: run.flatMap((r) => r.syllables) });
      i += run.length;
    } else {
      const syllables = run[0]?.syllables ?? null;
      out.push({ ...first, syllables: syllables && syllables.length >= 2 ? syllables : null });
      i++;
    }
  }
  return out;
}

/**
 * The commonest reading of a word heard by sound, from its pairs' words:
 * each next pair's word must begin with the character the last one ended
 * with (轴承 + 承接 → 轴承接). Null when the pairs do not chain.
 */
export function stitch(groups: Array<Array<[string, number]>>): string | null {
  let text = '';
  for (const [i, group] of groups.entries()) {
    const next = group.find(([w]) => i === 0 || w[0] === text[text.length - 1]);
    if (!next) return null;
    text += i === 0 ? next[0] : next[0].slice(1);
  }
  return text || null;
}

function bump(counts: Record<string, number>, key: string | undefined) {
  if (key) counts[key] = (counts[key] ?? 0) + 1;
}

/**
 * The documents with the most of a word's terms (at least half as many as
 * the best has), their scores weighed by the square of the share they have,
 * at a quarter of the weight a full match carries.
 */
function mostTerms(counted: Map<number, { hits: number; score: number }>): Map<number, number> {
  let most = 0;
  for (const c of counted.values()) most = Math.max(most, c.hits);
  const scores = new Map<number, number>();
  for (const [doc, c] of counted) if (c.hits * 2 >= most) scores.set(doc, (c.score * (c.hits / most) ** 2) / 4);
  return scores;
}

/** The documents that match the most of the query's words, weighed as mostTerms weighs a word's terms. */
function mostWords(perWord: Array<Map<number, number>>): Map<number, number> {
  const counted = new Map<number, { hits: number; score: number }>();
  for (const scores of perWord) {
    for (const [doc, score] of scores) {
      const c = counted.get(doc) ?? { hits: 0, score: 0 };
      c.hits++;
      c.score += score;
      counted.set(doc, c);
    }
  }
  return mostTerms(counted);
}

function intersect(a: Map<number, number>, b: Map<number, number>): Map<number, number> {
  const out = new Map<number, number>();
  for (const [doc, s] of a) {
    const t = b.get(doc);
    if (t !== undefined) out.set(doc, s + t);
  }
  return out;
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

function toHit(d: DocFile, score: number, needles: Array<Pick<QueryWord, 'text' | 'single'>>): Hit {
  const marks = findMarks(d.text, needles);
  const first = marks[0]?.start ?? 0;
  const start = Math.max(0, first - SNIPPET_BEFORE);
  const end = Math.min(d.text.length, start + SNIPPET_LENGTH);
  const prefix = start > 0 ? '…' : '';
  const snippet = prefix + d.text.slice(start, end).replace(/\n/gu, ' ') + (end < d.text.length ? '…' : '');
  const shift = prefix.length - start;
  const titleMarks = findMarks(d.title, needles);
  const snippetMarks = marks
    .filter((m) => m.start >= start && m.end <= end)
    .map((m) => ({ start: m.start + shift, end: m.end + shift }));
  const credits = (d.credits ?? []).map((c) => ({ ...c, marks: findMarks(c.name, needles) }));
  const byline = credits.some((c) => c.marks.length > 0) ? credits : null;
  const marked = new Set<string>();
  const collect = (text: string, ms: Mark[]) => ms.forEach((m) => marked.add(text.slice(m.start, m.end)));
  collect(d.title, titleMarks);
  collect(snippet, snippetMarks);
  for (const c of byline ?? []) collect(c.name, c.marks);
  return {
    id: d.id,
    title: d.title,
    kicker: d.kicker,
    date: d.date,
    county: d.county,
    kind: d.kind,
    snippet,
    titleMarks,
    snippetMarks,
    byline,
    words: marked.size > 0 ? [...marked] : needles.map((w) => w.single ?? w.text),
    score,
  };
}
