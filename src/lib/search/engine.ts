/**
 * The search engine that runs in the reader's browser (in a Web Worker) and
 * in the tests: it fetches the manifest, then only the shards of the query's
 * terms (and the big files of its common terms when their best stories do
 * not answer it), intersects their postings (relaxing one term at a time
 * when nothing matches, which forgives a wrong character), scores, filters
 * and counts on the facets the postings carry (or on the filter bitmaps and
 * the sample), sorts, and lets Fuse.js rank the page of results it shows on
 * headline and lead.
 */
import Fuse from 'fuse.js';
import { fold, isHan, parseQuery, shardOf, type QueryWord } from './normalize.ts';
import { findMarks, type Mark } from './marks.ts';
import {
  readFacets,
  readWordShard,
  dayOf,
  NONE,
  type DocCredit,
  type DocFile,
  type Facets,
  type Manifest,
  type WordShard,
} from './format.ts';
import { hasBit, readBigFile, readDays, readShard, type BigTerm, type FacetCounts, type Term } from './postings.ts';

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
   * The counts are estimates: the query matched stories whose facets it did
   * not read (words found in many stories, or filters alone), so they are
   * counted on the index's sample and scaled. The total is always exact.
   */
  estimated: boolean;
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
/**
 * How many of the best candidates Fuse re-ranks by default: one page. Each
 * is a document request; re-ranking 20 cost ten more a query and did not
 * raise nDCG@10 (`npm run search:ndcg`, docs/search.md).
 */
export const RERANK = PAGE;

export interface EngineOptions {
  /** How many of the best candidates Fuse re-ranks (RERANK). */
  rerank?: number;
}
/** The longest Han word (in characters) retried by its sound when it is found only in part: a longer one reads as a sentence. */
const SOUND_LONGEST = 4;
/** How many words of one sound a query looks up (the commonest first): a pinyin pair can read as dozens. */
const SOUND_ALTERNATIVES = 8;

/** A query word as the engine reads it: its terms, or its pinyin syllables when typed in letters. */
interface Word extends QueryWord {
  syllables: string[] | null;
}

/** Terms to match, each a set of alternatives: a story has the term when it holds any of them. */
type Groups = string[][];

/** A facet filter over a document: county, topic, kind or date range. */
type Test = (doc: number) => boolean;

export class SearchEngine {
  private manifest: Promise<Manifest> | null = null;
  private shards = new Map<number, Promise<Map<string, Term>>>();
  private wordShards = new Map<number, Promise<WordShard>>();
  private bigFiles = new Map<number, Promise<Map<number, number>>>();
  private filterFiles = new Map<string, Promise<Uint8Array>>();
  private daysFile: Promise<Uint16Array> | null = null;
  private sampleFile: Promise<Facets[]> | null = null;
  private docs = new Map<number, Promise<DocFile>>();
  /** The manifest's syllables as a set, made once (every keystroke splits letters into them). */
  private syllables: Promise<Set<string>> | null = null;
  private readonly load: Loader;
  private readonly rerankDepth: number;

  constructor(load: Loader, options: EngineOptions = {}) {
    this.load = load;
    this.rerankDepth = Math.max(PAGE, options.rerank ?? RERANK);
  }

  info(): Promise<Manifest> {
    this.manifest ??= this.load.json<Manifest>('manifest.json');
    return this.manifest;
  }

  private once<K, V>(cache: Map<K, Promise<V>>, key: K, make: () => Promise<V>): Promise<V> {
    let value = cache.get(key);
    if (!value) cache.set(key, (value = make()));
    return value;
  }

  private async term(name: string): Promise<Term | undefined> {
    const m = await this.info();
    const n = shardOf(name, m.shards);
    const shard = await this.once(this.shards, n, () => this.load.bytes(`shards/${n}.bin`).then(readShard));
    return shard.get(name);
  }

  /**
   * A term's stories and impacts. Every posting read tells its story's
   * facets (`known`). A big term's stories come from its big file, at its
   * level's impact, but never above its best stories' (which are exact).
   */
  private async postings(name: string, known: Map<number, Facets>): Promise<Map<number, number>> {
    const term = await this.term(name);
    if (!term) return new Map();
    const exact = term.big ? term.top : term.postings;
    for (const p of exact) known.set(p.doc, p.facets);
    if (!term.big) return new Map(term.postings.map((p) => [p.doc, p.impact]));
    const file = term.file;
    const all = await this.once(this.bigFiles, file, () => this.load.bytes(`big/${file}.bin`).then(readBigFile));
    const floor = term.top.length < term.df ? Math.min(...term.top.map((p) => p.impact)) : Infinity;
    const out = new Map<number, number>();
    for (const [doc, impact] of all) out.set(doc, Math.min(impact, floor));
    for (const p of term.top) out.set(p.doc, p.impact);
    return out;
  }

  private async wordShard(key: string): Promise<WordShard> {
    const m = await this.info();
    const n = shardOf(key, m.wordShards);
    return this.once(this.wordShards, n, () =>
      this.load.bytes(`words/${n}.bin`).then((bytes) => readWordShard(bytes, m.syllables)),
    );
  }

  /** The two-character words of the index that read as a pinyin pair, commonest first. */
  private async wordsSounding(pair: string): Promise<Array<[string, number]>> {
    return (await this.wordShard(pair)).sounds.get(pair) ?? [];
  }

  private async readings(char: string): Promise<string[]> {
    return (await this.wordShard(char)).readings.get(char) ?? [];
  }

  private filterFile(name: string): Promise<Uint8Array> {
    return this.once(this.filterFiles, name, () => this.load.bytes(`filters/${name}.bin`));
  }

  private days(): Promise<Uint16Array> {
    this.daysFile ??= this.load.bytes('days.bin').then(readDays);
    return this.daysFile;
  }

  private sample(): Promise<Facets[]> {
    this.sampleFile ??= this.load.bytes('sample.bin').then(readFacets);
    return this.sampleFile;
  }

  private doc(n: number): Promise<DocFile> {
    return this.once(this.docs, n, () => this.load.json<DocFile>(`docs/${n}.json`));
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
    known: Map<number, Facets>,
  ): Promise<{ scores: Map<number, number>; relaxed: boolean; partial: boolean }> {
    const lists = await Promise.all(
      groups.map(async (alternatives) => {
        const union = new Map<number, number>();
        for (const list of await Promise.all(alternatives.map((t) => this.postings(t, known))))
          for (const [doc, w] of list) union.set(doc, Math.max(union.get(doc) ?? 0, w));
        return union;
      }),
    );
    const idf = lists.map((l) => Math.log(1 + docs / Math.max(1, l.size)));
    const counted = new Map<number, { hits: number; score: number }>();
    lists.forEach((list, i) => {
      for (const [doc, w] of list) {
        const c = counted.get(doc);
        if (c) {
          c.hits++;
          c.score += w * (idf[i] ?? 1);
        } else counted.set(doc, { hits: 1, score: w * (idf[i] ?? 1) });
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
    this.syllables ??= this.info().then((m) => new Set(m.syllables));
    return readPinyin(parseQuery(query), await this.syllables);
  }

  /**
   * One word that is one term of many stories, by relevance, on a page its
   * best stories cover: the shard entry answers it all (best stories,
   * total, counts), and the term's big file is never fetched.
   */
  private async single(words: Word[], filtered: boolean, sort: string, page: number): Promise<BigTerm | null> {
    const [word] = words;
    if (!word || words.length > 1 || word.syllables || filtered || sort !== 'relevance') return null;
    const terms = word.single ? [`1:${word.single}`] : word.terms;
    if (terms.length !== 1) return null;
    const term = await this.term(terms[0] ?? '');
    return term?.big && Math.max(this.rerankDepth, (page + 1) * PAGE) <= term.top.length ? term : null;
  }

  /**
   * One word's documents and scores: by its terms, and by its sound when it
   * is pinyin, or Han that finds nothing or only relaxed (a same-sound
   * typo). `heardWords` are the index's words a sound stood for (to mark),
   * `heard` the word written as the commonest of them.
   */
  private async matchWord(word: Word, m: Manifest, known: Map<number, Facets>) {
    const groups = word.single ? [[`1:${word.single}`]] : word.terms.map((t) => [t]);
    let { scores, relaxed, partial } = await this.matchGroups(groups, m.docs, known);
    let heard: string | null = null;
    let byPinyin = false;
    const heardWords: string[] = [];
    // Latin letters may be pinyin (zhoucheng → 轴承); Han that finds nothing, or only relaxed, may be a same-sound
    // typo. A long word found only in part (a sentence typed as one word) is not a typo: its sound is not looked up.
    const sentence = partial && word.terms.length > SOUND_LONGEST - 1;
    if (word.syllables || ((scores.size === 0 || relaxed) && word.single === null && !sentence)) {
      const sound = await this.soundGroups(word);
      const bySound = sound
        ? await this.matchGroups(
            sound.map((g) => g.map(([w]) => w)),
            m.docs,
            known,
          )
        : null;
      if (sound && bySound && bySound.scores.size > 0 && !bySound.relaxed) {
        for (const g of sound) for (const [w] of g) heardWords.push(w);
        heard = stitch(sound);
        if (scores.size === 0 || relaxed) {
          scores = bySound.scores;
          relaxed = false;
          partial = false;
          byPinyin = true;
        } else {
          for (const [d, s] of bySound.scores) scores.set(d, Math.max(scores.get(d) ?? 0, s));
        }
      }
    }
    return { scores, relaxed, partial, heard, heardWords, byPinyin };
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
      estimated: false,
      match: 'none',
      suggestion: null,
    };
    const filtered = Object.values(filters).some(Boolean);
    if (words.length === 0 && !filtered) return empty;
    const needles: Array<Pick<QueryWord, 'text' | 'single'>> = words.filter((w) => !w.syllables);

    const common = await this.single(words, filtered, sort, page);
    if (common) {
      const idf = Math.log(1 + m.docs / common.df);
      const ranked = common.top.map((p): [number, number] => [p.doc, p.impact * idf]);
      const hits = await this.show(ranked, page, true, query, words, needles);
      return { ...empty, total: common.df, hits, facets: this.named(common.counts, m), match: 'exact' };
    }

    // The facets of every story a posting was read for.
    const known = new Map<number, Facets>();
    let match: SearchResult['match'] = words.length === 0 ? 'filters' : 'exact';
    const perWord: Array<Map<number, number>> = [];
    // What to mark in results: the words as typed, and the words a sound stood for.
    const corrected: string[] = [];
    let corrections = 0;
    // Every word's files are fetched at once.
    for (const [word, found] of await Promise.all(
      words.map(async (w) => [w, await this.matchWord(w, m, known)] as const),
    )) {
      needles.push(...found.heardWords.map((text) => ({ text, single: null })));
      if (found.heard && found.heard !== word.text) corrections++;
      corrected.push(found.heard ?? word.text);
      if (found.byPinyin) match = 'pinyin';
      else if (found.relaxed && match === 'exact') match = 'relaxed';
      if (found.partial) match = 'partial';
      perWord.push(found.scores);
    }
    let combined: Map<number, number> | null = null;
    for (const scores of perWord) combined = combined === null ? scores : intersect(combined, scores);
    // No story has every word: the stories with the most of them, as partial matches.
    if (combined !== null && combined.size === 0) {
      combined = mostWords(perWord);
      match = 'partial';
    }
    if (combined !== null && combined.size === 0) return empty;

    // Facets read with the postings serve every candidate when the query's terms are of few stories; otherwise
    // filters read their bitmaps (and the days), and counts are estimated on the sample.
    const candidates = combined ?? new Map(Array.from({ length: m.docs }, (_, n) => [n, 0] as const));
    const allKnown = combined !== null && [...candidates.keys()].every((d) => known.has(d));
    const byDate = sort === 'date' || words.length === 0;
    const days = allKnown ? null : byDate || filters.from || filters.to ? await this.days() : null;
    const dayOfDoc = (doc: number) => (days ? (days[doc] ?? 0) : (known.get(doc)?.day ?? 0));
    const tests = allKnown ? this.knownTests(filters, m, known) : await this.fileTests(filters, m, dayOfDoc);
    const passes = (doc: number, skip?: keyof typeof tests) =>
      (Object.keys(tests) as Array<keyof typeof tests>).every((k) => k === skip || tests[k](doc));

    const kept: Array<[number, number]> = [];
    for (const [doc, score] of candidates) {
      // A hole (a number no story has now) has no facets and passes no filter; without filters it is not in
      // the postings either.
      if (allKnown && known.get(doc)?.kind === NONE) continue;
      if (passes(doc)) kept.push([doc, score]);
    }
    // The sample (for counts) and the documents (for the page) are fetched at once.
    const counting = allKnown
      ? Promise.resolve(
          this.count(
            [...candidates.keys()].map((doc) => [doc, known.get(doc) as Facets]),
            passes,
            m,
            1,
          ),
        )
      : this.countOnSample(candidates, passes, m);
    // Without words there is no relevance: newest first, by the story's day, then the later number (a later
    // page, or a story added later). Ties of relevance go the same way.
    const newer = (a: number, b: number) => dayOfDoc(b) - dayOfDoc(a) || b - a;
    kept.sort(byDate ? (a, b) => newer(a[0], b[0]) : (a, b) => b[1] - a[1] || newer(a[0], b[0]));

    const [counts, hits] = await Promise.all([counting, this.show(kept, page, !byDate, query, words, needles)]);
    const suggestion = corrections > 0 ? corrected.join(' ') : null;
    return {
      query,
      total: kept.length,
      hits,
      facets: counts.facets,
      estimated: counts.estimated,
      match,
      suggestion,
    };
  }

  /**
   * A page of results, as hits. By relevance, the best few (rerankDepth)
   * are ordered by Fuse and adjacency, and every page they reach is cut
   * from that order, so no story is shown twice or skipped between pages;
   * later pages, and date order, keep the index's order.
   */
  private async show(
    kept: Array<[number, number]>,
    page: number,
    byRelevance: boolean,
    query: string,
    words: Word[],
    needles: Array<Pick<QueryWord, 'text' | 'single'>>,
  ): Promise<Hit[]> {
    const start = page * PAGE;
    const reranked = byRelevance && start < this.rerankDepth;
    const window = reranked ? kept.slice(0, this.rerankDepth) : kept.slice(start, start + PAGE);
    const docs = await Promise.all(window.map(([n]) => this.doc(n)));
    let ordered = docs.map((d, i) => ({ d, score: window[i]?.[1] ?? 0 }));
    if (reranked) ordered = rerank(ordered, query, words).slice(start, start + PAGE);
    return ordered.map(({ d, score }) => toHit(d, score, needles));
  }

  /** Filters on facets read with the postings. */
  private knownTests(filters: Filters, m: Manifest, known: Map<number, Facets>): Record<FilterName, Test> {
    const { county, topic, kind, from, to } = chosen(filters, m);
    const f = (doc: number) => known.get(doc);
    return {
      county: (doc) => county < 0 || f(doc)?.county === county,
      topic: (doc) => topic < 0 || ((f(doc)?.topics ?? 0) & (1 << topic)) !== 0,
      kind: (doc) => kind < 0 || f(doc)?.kind === kind,
      date: (doc) => inRange(f(doc)?.day ?? 0, from, to),
    };
  }

  /** Filters on the index's bitmaps of each county, kind and topic, and its days: fetched only for a filter chosen. */
  private async fileTests(filters: Filters, m: Manifest, dayOfDoc: (doc: number) => number) {
    const { county, topic, kind, from, to } = chosen(filters, m);
    const bitmap = async (name: string, value: number): Promise<Test> => {
      if (value < 0) return () => true;
      const bits = await this.filterFile(`${name}${value}`);
      return (doc) => hasBit(bits, doc);
    };
    const [c, t, k] = await Promise.all([bitmap('c', county), bitmap('t', topic), bitmap('k', kind)]);
    const tests: Record<FilterName, Test> = {
      county: c,
      topic: t,
      kind: k,
      date: (doc) => inRange(dayOfDoc(doc), from, to),
    };
    return tests;
  }

  /** Counts on the index's sample of slots, scaled by its step; exact when the sample is every slot. */
  private async countOnSample(candidates: Map<number, number>, passes: Passes, m: Manifest) {
    const sample = await this.sample();
    const step = m.sampleStep;
    const inSample: Array<[number, Facets]> = [];
    sample.forEach((f, i) => (candidates.has(i * step) ? inSample.push([i * step, f]) : undefined));
    return this.count(inSample, passes, m, step);
  }

  /**
   * Each filter's counts assume the other filters, so a reader sees what
   * choosing it would give.
   */
  private count(docs: Array<[number, Facets]>, passes: Passes, m: Manifest, step: number) {
    const tally: FacetCounts = { county: new Map(), kind: new Map(), topic: new Map() };
    const bump = (map: Map<number, number>, v: number) => map.set(v, (map.get(v) ?? 0) + step);
    for (const [doc, f] of docs) {
      if (f.kind === NONE) continue;
      if (f.county !== NONE && passes(doc, 'county')) bump(tally.county, f.county);
      if (passes(doc, 'topic')) m.topics.forEach((_, i) => (f.topics & (1 << i) ? bump(tally.topic, i) : undefined));
      if (passes(doc, 'kind')) bump(tally.kind, f.kind);
    }
    return { facets: this.named(tally, m), estimated: step > 1 };
  }

  /** Counts by facet number, as the page names them (slugs). */
  private named(counts: FacetCounts, m: Manifest): SearchResult['facets'] {
    const by = (map: Map<number, number>, name: (i: number) => string | undefined) =>
      Object.fromEntries([...map].flatMap(([i, n]) => (name(i) ? [[name(i), n]] : [])));
    return {
      county: by(counts.county, (i) => m.counties[i]?.slug),
      topic: by(counts.topic, (i) => m.topics[i]?.slug),
      kind: by(counts.kind, (i) => m.kinds[i]),
    };
  }
}

type FilterName = 'county' | 'topic' | 'kind' | 'date';
type Passes = (doc: number, skip?: FilterName) => boolean;

/** The chosen filters as facet numbers (-1: not chosen) and a day range. */
function chosen(filters: Filters, m: Manifest) {
  return {
    county: filters.county ? m.counties.findIndex((c) => c.slug === filters.county) : -1,
    topic: filters.topic ? m.topics.findIndex((t) => t.slug === filters.topic) : -1,
    kind: filters.kind ? m.kinds.indexOf(filters.kind) : -1,
    from: filters.from ? dayOf(filters.from) : -Infinity,
    to: filters.to ? dayOf(filters.to) : Infinity,
  };
}

/** An undated story is in no date range. */
const inRange = (day: number, from: number, to: number) =>
  (from === -Infinity && to === Infinity) || (day > 0 && day >= from && day <= to);

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

/**
 * Fuse.js orders the best candidates by how well headline and lead match the
 * query, and a story where each word of three characters or more stands
 * whole (its bigrams next to each other, not scattered) goes before one
 * where it does not: bigram postings carry no positions, so the documents
 * fetched for this page are where adjacency is checked.
 */
function rerank(items: Array<{ d: DocFile; score: number }>, query: string, words: Word[]) {
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
  const long = words.filter((w) => !w.syllables && w.terms.length >= 2).map((w) => w.text);
  const whole = (d: DocFile) => {
    if (long.length === 0) return 1;
    const text = fold(`${d.title}\n${d.text}`);
    return long.filter((w) => text.includes(w)).length / long.length;
  };
  return items
    .map((x, i) => ({
      x,
      rank: ((x.score / maxIndex) * 0.6 + (1 - (fuseScore.get(i) ?? 1)) * 0.4) * (0.5 + 0.5 * whole(x.d)),
    }))
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
