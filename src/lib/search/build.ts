/**
 * Builds the search index from the archive's articles (see format.ts). A
 * character-bigram inverted index split into small hashed shards, so a query
 * fetches only the shards of its own terms, whatever the archive's size.
 */
import { createHash } from 'node:crypto';
import { pinyin } from 'pinyin-pro';
import type { Article } from '../schema.ts';
import { allCountyRefs } from '../parser/gazetteer.ts';
import { taxonomy } from '../parser/topics.ts';
import { ARTICLE_KINDS } from '../schema.ts';
import { bigramsOf, isHan, segments, shardOf } from './normalize.ts';
import {
  ByteWriter,
  NONE,
  dayOf,
  readVarint,
  writeFacets,
  writeWordShard,
  type DocFile,
  type Facets,
  type Manifest,
  type WordShard,
} from './format.ts';
import {
  byImpact,
  writeBigFile,
  writeBitmap,
  writeDays,
  writeTerm,
  type FacetCounts,
  type Posting,
  type Term,
} from './postings.ts';
import { ROLE_NAMES, collectPeople, creditsOf, type Person } from '../site/people.ts';
import { titleOf } from '../site/titles.ts';

/** How much a term found in each part of a story counts (once, however often it is repeated there). */
const WEIGHT = { title: 4, names: 3, lead: 2 } as const;
/** BM25's saturation and length normalisation, for the rest of the body: the tenth mention adds little, and a long story's mention counts less than a short one's. */
const K1 = 1.2;
const B = 0.75;
/**
 * The body length a story's is measured against, in characters: a constant
 * (the seeds' bodies average 575), not the archive's average, so a story
 * added changes no other story's impacts, and no shard it is not in.
 */
const TYPICAL_BODY = 800;
/** Impacts are stored as bytes: the score times this (at most 20 × (4 + 3 + 2 + 2.2) = 224). */
const IMPACT_SCALE = 20;
/** Impact bands of a big file's levels: body only, lead, headline, headline and more. */
const LEVEL_BOUNDS = [40, 80, 120] as const;
/** How many of a big term's best stories its shard entry carries: two pages of results and more. */
const TOP = 32;
/** The sample behind estimated counts (sample.bin) holds about this many slots. */
const SAMPLE = 4096;
/** Target size of a shard before compression. */
const SHARD_BYTES = 4000;
const TEXT_LIMIT = 3000;
/** Target size of a words/<n>.bin file before compression. */
const WORD_SHARD_BYTES = 3000;

export interface BuiltIndex {
  manifest: Manifest;
  shards: Uint8Array[];
  /** Every story of each term of many stories (postings.ts big/<n>.bin), by file number. */
  big: Map<number, Uint8Array>;
  /** Each county's, kind's and topic's stories as a bitmap, by file name (c3, k0, t12). */
  filters: Map<string, Uint8Array>;
  /** Each slot's day (postings.ts days.bin). */
  days: Uint8Array;
  /** The facets of every manifest.sampleStep-th slot, for counts over many stories. */
  sample: Uint8Array;
  docs: DocFile[];
  /** The vocabulary by sound (format.ts words/<n>.bin), split like the postings. */
  words: Uint8Array[];
}

export interface IndexOptions {
  /**
   * A term in more stories than this is a big term (postings.ts); by default
   * the least power of two from 128 up that is 1/64 of the slots, so it
   * changes as seldom as the shard count does.
   */
  bigAt?: number;
  /** About how many slots the sample behind estimated counts holds (4,096). */
  sample?: number;
}

const SYLLABLE = /^[a-z]+$/u;
const TWO_HAN = /^\p{Script=Han}{2}$/u;

/** A two-character word's reading in pinyin without tones ("zhou cheng"), or null for a character pinyin-pro cannot read. */
function soundOf(word: string): string | null {
  const syllables = pinyin(word, { toneType: 'none', type: 'array', v: true });
  return syllables.length === 2 && syllables.every((s) => SYLLABLE.test(s)) ? syllables.join(' ') : null;
}

/** Every reading of one character (乘 → cheng, sheng). */
function readingsOf(char: string): string[] {
  return pinyin(char, { toneType: 'none', type: 'array', multiple: true, v: true }).filter((s) => SYLLABLE.test(s));
}

/**
 * The vocabulary by sound: every two-character Han word the postings hold,
 * grouped by its pinyin, and every character's readings. It grows with the
 * number of distinct words, not with the number of stories, so a pinyin
 * query reaches every word of every story without a second set of postings.
 */
function buildWords(postings: Map<string, PostingList>): { files: Uint8Array[]; syllables: string[] } {
  const sounds = new Map<string, Array<[string, number]>>();
  const readings = new Map<string, string[]>();
  for (const [word, docs] of postings) {
    // Two Han characters (a Latin word or a 1: term is not a word of the vocabulary).
    if (!TWO_HAN.test(word)) continue;
    const sound = soundOf(word);
    if (!sound) continue;
    let list = sounds.get(sound);
    if (!list) sounds.set(sound, (list = []));
    list.push([word, docs.count]);
    for (const ch of word) if (!readings.has(ch)) readings.set(ch, readingsOf(ch));
  }
  const known = new Set<string>();
  for (const sound of sounds.keys()) for (const s of sound.split(' ')) known.add(s);
  for (const rs of readings.values()) for (const r of rs) known.add(r);
  const syllables = [...known].sort();
  // About 8 bytes a word and 6 a character once encoded.
  let words = 0;
  for (const list of sounds.values()) words += list.length + 1;
  let count = 16;
  while ((words * 8 + readings.size * 6) / count > WORD_SHARD_BYTES) count *= 2;
  const shards: WordShard[] = Array.from({ length: count }, () => ({ sounds: new Map(), readings: new Map() }));
  const byKey = (a: [string, unknown], b: [string, unknown]) => (a[0] < b[0] ? -1 : 1);
  for (const [sound, list] of [...sounds].sort(byKey))
    shards[shardOf(sound, count)]?.sounds.set(
      sound,
      list.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)),
    );
  for (const [ch, rs] of [...readings].sort(byKey)) shards[shardOf(ch, count)]?.readings.set(ch, rs);
  return { files: shards.map((shard) => writeWordShard(shard, syllables)), syllables };
}

/**
 * The stories with their numbers, in number order (postings are written in
 * it): the given numbers, and after the largest, in the order given (oldest
 * first), any story without one.
 */
function numberStories(articlesOldestFirst: Article[], numbers?: ReadonlyMap<string, number>) {
  if (!numbers) return articlesOldestFirst.map((a, n) => ({ a, n }));
  let next = 0;
  for (const n of numbers.values()) next = Math.max(next, n + 1);
  return articlesOldestFirst.map((a) => ({ a, n: numbers.get(a.id) ?? next++ })).sort((x, y) => x.n - y.n);
}

/**
 * One term's postings as they will be written (format.ts): the gap from the
 * previous document as a varint, then the impact byte. Kept encoded from the
 * start, about 3 bytes a posting, where a list of numbers took 16 or more: a
 * decade's archive has tens of millions of postings.
 */
class PostingList extends ByteWriter {
  count = 0;
  private last = 0;

  constructor() {
    super(8);
  }

  add(doc: number, impact: number) {
    this.varint(doc - this.last);
    this.byte(Math.min(255, impact));
    this.last = doc;
    this.count++;
  }
}

/**
 * Where a term stands in one story, packed in a number (a story marks a
 * thousand terms; objects would keep the collector busy): which parts hold
 * it, and how often the rest of the body does.
 */
const PART = { title: 1, names: 2, lead: 4 } as const;
const BODY = 8;
export interface Hits {
  title: boolean;
  names: boolean;
  lead: boolean;
  body: number;
}
const unpack = (v: number): Hits => ({
  title: (v & PART.title) !== 0,
  names: (v & PART.names) !== 0,
  lead: (v & PART.lead) !== 0,
  body: Math.floor(v / BODY),
});

/**
 * A story's score for a term, as a byte: each part that holds it counts once
 * (headline 4, names 3, standfirst and lead 2), and the rest of the body by
 * BM25 (saturating in the number of mentions, normalised by the body's length).
 */
export function impactOf(hits: Hits, bodyLength: number): number {
  const norm = 1 - B + (B * bodyLength) / TYPICAL_BODY;
  const body = hits.body === 0 ? 0 : (hits.body * (K1 + 1)) / (hits.body + K1 * norm);
  const score =
    (hits.title ? WEIGHT.title : 0) + (hits.names ? WEIGHT.names : 0) + (hits.lead ? WEIGHT.lead : 0) + body;
  return Math.max(1, Math.min(255, Math.round(score * IMPACT_SCALE)));
}

/** A posting list's (document, impact) pairs, in document order. */
function decode(list: PostingList, facets: Facets[]): Posting[] {
  const out: Posting[] = new Array<Posting>(list.count);
  const at = { i: 0 };
  let doc = 0;
  for (let k = 0; k < list.count; k++) {
    doc += readVarint(list.bytes, at);
    out[k] = { doc, impact: list.bytes[at.i++] ?? 0, facets: facets[doc] as Facets };
  }
  return out;
}

function countsOf(postings: Posting[]): FacetCounts {
  const counts: FacetCounts = { county: new Map(), kind: new Map(), topic: new Map() };
  const bump = (m: Map<number, number>, v: number) => m.set(v, (m.get(v) ?? 0) + 1);
  for (const { facets: f } of postings) {
    if (f.county !== NONE) bump(counts.county, f.county);
    bump(counts.kind, f.kind);
    for (let t = 0; t < 32; t++) if (f.topics & (1 << t)) bump(counts.topic, t);
  }
  return counts;
}

/**
 * Every term as written (postings.ts): a term of few stories with all its
 * postings; a term of many with its counts and best stories, the rest in a
 * big file. Then the terms laid into shards by hash.
 */
function encodeTerms(postings: Map<string, PostingList>, facets: Facets[], bigAt: number) {
  const encoder = new TextEncoder();
  const entries: Array<{ name: string; bytes: Uint8Array }> = [];
  // A big file is named by its term's hash (the next free number on a collision), so a term that becomes big
  // renames no other term's file.
  const big = new Map<number, Uint8Array>();
  let total = 0;
  const out = new ByteWriter();
  for (const [name, list] of postings) {
    const all = decode(list, facets);
    let term: Term;
    if (all.length <= bigAt) term = { big: false, df: all.length, postings: all };
    else {
      let file = shardOf(name, 2 ** 32);
      while (big.has(file)) file = (file + 1) >>> 0;
      big.set(file, writeBigFile(facets.length, all, LEVEL_BOUNDS));
      const top = [...all].sort(byImpact).slice(0, TOP);
      term = { big: true, df: all.length, file, counts: countsOf(all), top };
    }
    out.length = 0;
    writeTerm(out, encoder.encode(name), term);
    const bytes = out.done();
    entries.push({ name, bytes });
    total += bytes.length;
  }
  let count = 16;
  while (total / count > SHARD_BYTES) count *= 2;
  const shards = Array.from({ length: count }, () => new ByteWriter());
  for (const { name, bytes } of entries) shards[shardOf(name, count)]?.append(bytes);
  return { shards: shards.map((w) => w.done()), big };
}

/** Each county's, kind's and topic's stories, as bitmaps named c<i>, k<i>, t<i>. */
function filterBitmaps(facets: Facets[], counties: number, kinds: number, topics: number): Map<string, Uint8Array> {
  const groups: Array<[prefix: string, values: number, holds: (f: Facets, value: number) => boolean]> = [
    ['c', counties, (f, i) => f.county === i],
    ['k', kinds, (f, i) => f.kind === i],
    ['t', topics, (f, i) => (f.topics & (1 << i)) !== 0],
  ];
  const out = new Map<string, Uint8Array>();
  for (const [prefix, values, holds] of groups) {
    for (let i = 0; i < values; i++) {
      const members = facets.flatMap((f, n) => (f.kind !== NONE && holds(f, i) ? [n] : []));
      out.set(`${prefix}${i}`, writeBitmap(members));
    }
  }
  return out;
}

/**
 * `people` are the archive's people (their slugs are unique across it);
 * without them they are collected from the same articles. `numbers` are the
 * stories' search numbers (the id ledger's: id-ledger.ts searchNumbers);
 * without them the stories are numbered oldest first. A number no story has
 * (a story deleted since it was given) is a hole: no document, and facets
 * that match nothing.
 */
export function buildSearchIndex(
  articlesNewestFirst: Article[],
  people?: Person[],
  numbers?: ReadonlyMap<string, number>,
  options: IndexOptions = {},
): BuiltIndex {
  // term → its postings, docs ascending (documents are added in order).
  const postings = new Map<string, PostingList>();
  const counties = allCountyRefs();
  const topics = [...taxonomy.topics, taxonomy.fallback].map((t) => ({ slug: t.slug, name: t.name }));
  const kinds = [...ARTICLE_KINDS];
  // A story keeps its number whatever is added or removed elsewhere, so its doc file, and the shards it is
  // not in, stay as they were; a new day's stories take the next numbers.
  const numbered = numberStories([...articlesNewestFirst].reverse(), numbers);
  const slots = numbered.length === 0 ? 0 : (numbered.at(-1)?.n ?? 0) + 1;
  // Every slot a hole until a story fills it.
  const facets: Facets[] = Array.from({ length: slots }, () => ({ county: NONE, kind: NONE, topics: 0, day: 0 }));
  const docs: DocFile[] = [];
  const slugOf = new Map((people ?? collectPeople(articlesNewestFirst)).map((p) => [p.name, p.slug]));
  const stories = numbered.map(({ a, n }) => {
    const [lead = '', ...rest] = [...a.paragraphs, ...a.captions];
    return { a, n, lead, body: rest.join('\n') };
  });

  for (const { a, n, lead, body } of stories) {
    const title = [a.kicker, a.headline ?? titleOf(a), a.subheadline].filter(Boolean).join(' ');
    const credits = creditsOf(a);
    const names = [...new Set(credits.map((c) => c.name))];
    const hits = new Map<string, number>();
    const parts: Array<[string, number]> = [
      [title, PART.title],
      [names.join(' '), PART.names],
      [a.standfirst ?? '', PART.lead],
      [lead, PART.lead],
      [body, BODY],
    ];
    for (const [text, part] of parts) {
      const mark = (term: string) => {
        const was = hits.get(term) ?? 0;
        hits.set(term, part === BODY ? was + BODY : was | part);
      };
      const runs = segments(text);
      for (const term of bigramsOf(runs)) mark(term);
      // One character on its own (a one-character query): every Han character of the story.
      for (const units of runs) for (const unit of units) if (isHan(unit)) mark(`1:${unit}`);
    }
    for (const [term, h] of hits) {
      let list = postings.get(term);
      if (!list) postings.set(term, (list = new PostingList()));
      list.add(n, impactOf(unpack(h), body.length));
    }
    const county = a.county ? counties.findIndex((c) => c.slug === a.county?.slug) : -1;
    facets[n] = {
      county: county < 0 ? NONE : county,
      kind: kinds.indexOf(a.kind),
      topics:
        a.topics.reduce(
          (m, t) =>
            m |
            (1 <<
              Math.max(
                0,
                topics.findIndex((x) => x.slug === t),
              )),
          0,
        ) >>> 0,
      day: a.date ? Math.max(0, Math.min(0xffff, dayOf(a.date))) : 0,
    };
    docs.push({
      n,
      id: a.id,
      title: titleOf(a),
      kicker: a.kicker,
      date: a.date,
      county: a.county?.name ?? null,
      kind: a.kind,
      credits: credits.map((c) => ({ name: c.name, slug: slugOf.get(c.name) ?? '', role: ROLE_NAMES[c.role] })),
      text: [a.standfirst, ...a.paragraphs, ...a.captions].filter(Boolean).join('\n').slice(0, TEXT_LIMIT),
    });
  }

  let bigAt = options.bigAt ?? 128;
  while (options.bigAt === undefined && bigAt * 64 < slots) bigAt *= 2;
  const { shards, big } = encodeTerms(postings, facets, bigAt);
  const words = buildWords(postings);
  const filters = filterBitmaps(facets, counties.length, kinds.length, topics.length);
  const days = writeDays(facets.map((f) => f.day));
  const sampleStep = Math.max(1, Math.ceil(slots / (options.sample ?? SAMPLE)));
  const sample = writeFacets(facets.filter((_, n) => n % sampleStep === 0));

  const hash = createHash('sha256');
  for (const file of [...shards, ...big.values(), ...filters.values(), days, sample]) hash.update(file);
  hash.update(numbered.map(({ a, n }) => `${n}:${a.id}`).join(','));
  return {
    manifest: {
      version: hash.digest('hex').slice(0, 10),
      docs: slots,
      shards: shards.length,
      counties,
      topics,
      kinds,
      syllables: words.syllables,
      wordShards: words.files.length,
      sampleStep,
    },
    shards,
    big,
    filters,
    days,
    sample,
    docs,
    words: words.files,
  };
}
