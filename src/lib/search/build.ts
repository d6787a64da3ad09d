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
import { bigrams, isHan, segments, shardOf } from './normalize.ts';
import { FACET_BYTES, NONE, dayOf, writeWordShard, type DocFile, type Manifest, type WordShard } from './format.ts';
import { ROLE_NAMES, collectPeople, creditsOf, type Person } from '../site/people.ts';
import { titleOf } from '../site/titles.ts';

/** How much a term found in each part of a story counts. */
const WEIGHT = { title: 4, names: 3, lead: 2, body: 1 } as const;
/** Target size of a shard before compression. */
const SHARD_BYTES = 3000;
const TEXT_LIMIT = 3000;
/** Target size of a words/<n>.bin file before compression. */
const WORD_SHARD_BYTES = 3000;

export interface BuiltIndex {
  manifest: Manifest;
  shards: Uint8Array[];
  facets: Uint8Array;
  docs: DocFile[];
  /** The vocabulary by sound (format.ts words/<n>.bin), split like the postings. */
  words: Uint8Array[];
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

const varintLength = (v: number) => (v < 0x80 ? 1 : v < 0x4000 ? 2 : v < 0x200000 ? 3 : 4);

/**
 * One term's postings as they will be written (format.ts): the gap from the
 * previous document as a varint, then the weight byte. Kept encoded from the
 * start, about 3 bytes a posting, where a list of numbers took 16 or more: a
 * decade's archive has tens of millions of postings.
 */
class PostingList {
  bytes = new Uint8Array(8);
  length = 0;
  count = 0;
  private last = 0;

  add(doc: number, weight: number) {
    if (this.length + 6 > this.bytes.length) {
      const grown = new Uint8Array(this.bytes.length * 2);
      grown.set(this.bytes);
      this.bytes = grown;
    }
    let v = (doc - this.last) >>> 0;
    while (v >= 0x80) {
      this.bytes[this.length++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    this.bytes[this.length++] = v;
    this.bytes[this.length++] = Math.min(255, weight);
    this.last = doc;
    this.count++;
  }
}

/** Lays every term's postings into shards: sizes first, then one typed array a shard. */
function encodeShards(postings: Map<string, PostingList>): { shards: Uint8Array[]; total: number } {
  const encoder = new TextEncoder();
  const entries: Array<{ name: string; term: Uint8Array; list: PostingList; size: number }> = [];
  let total = 0;
  for (const [name, list] of postings) {
    const term = encoder.encode(name);
    const size = varintLength(term.length) + term.length + varintLength(list.count) + list.length;
    entries.push({ name, term, list, size });
    total += size;
  }
  let count = 16;
  while (total / count > SHARD_BYTES) count *= 2;
  const termsOf: Array<typeof entries> = Array.from({ length: count }, () => []);
  const sizes = new Array<number>(count).fill(0);
  for (const e of entries) {
    const n = shardOf(e.name, count);
    termsOf[n]?.push(e);
    sizes[n] = (sizes[n] ?? 0) + e.size;
  }
  const shards = termsOf.map((list, n) => {
    const out = new Uint8Array(sizes[n] ?? 0);
    let at = 0;
    const varint = (value: number) => {
      let v = value >>> 0;
      while (v >= 0x80) {
        out[at++] = (v & 0x7f) | 0x80;
        v >>>= 7;
      }
      out[at++] = v;
    };
    for (const { term, list: postingList } of list) {
      varint(term.length);
      out.set(term, at);
      at += term.length;
      varint(postingList.count);
      out.set(postingList.bytes.subarray(0, postingList.length), at);
      at += postingList.length;
    }
    return out;
  });
  return { shards, total };
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
): BuiltIndex {
  // term → its postings, docs ascending (documents are added in order).
  const postings = new Map<string, PostingList>();
  let current = new Map<string, number>();
  const add = (term: string, weight: number) => current.set(term, (current.get(term) ?? 0) + weight);
  const flush = (doc: number) => {
    for (const [term, weight] of current) {
      let list = postings.get(term);
      if (!list) postings.set(term, (list = new PostingList()));
      list.add(doc, weight);
    }
    current = new Map();
  };
  const counties = allCountyRefs();
  const topics = [...taxonomy.topics, taxonomy.fallback].map((t) => ({ slug: t.slug, name: t.name }));
  const kinds = [...ARTICLE_KINDS];
  // A story keeps its number whatever is added or removed elsewhere, so its doc file, and the shards it is
  // not in, stay as they were; a new day's stories take the next numbers.
  const numbered = numberStories([...articlesNewestFirst].reverse(), numbers);
  const slots = numbered.length === 0 ? 0 : (numbered.at(-1)?.n ?? 0) + 1;
  // Every slot a hole until a story fills it.
  const facets = new Uint8Array(slots * FACET_BYTES);
  for (let o = 0; o < facets.length; o += FACET_BYTES) facets.fill(NONE, o, o + 2);
  const view = new DataView(facets.buffer);
  const docs: DocFile[] = [];
  const slugOf = new Map((people ?? collectPeople(articlesNewestFirst)).map((p) => [p.name, p.slug]));

  for (const { a, n } of numbered) {
    const title = [a.kicker, a.headline ?? titleOf(a), a.subheadline].filter(Boolean).join(' ');
    const credits = creditsOf(a);
    const names = [...new Set(credits.map((c) => c.name))];
    const [lead = '', ...rest] = [...a.paragraphs, ...a.captions];
    const parts: Array<[string, number]> = [
      [title, WEIGHT.title],
      [names.join(' '), WEIGHT.names],
      [a.standfirst ?? '', WEIGHT.lead],
      [lead, WEIGHT.lead],
      [rest.join('\n'), WEIGHT.body],
    ];
    for (const [text, weight] of parts) for (const term of bigrams(text)) add(term, weight);
    // One-character queries look among headline characters only.
    for (const unit of segments(title).flat()) if (isHan(unit)) add(`1:${unit}`, WEIGHT.title);
    const o = n * FACET_BYTES;
    const county = a.county ? counties.findIndex((c) => c.slug === a.county?.slug) : -1;
    view.setUint8(o, county < 0 ? NONE : county);
    view.setUint8(o + 1, kinds.indexOf(a.kind));
    view.setUint32(
      o + 2,
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
    );
    view.setUint16(o + 6, a.date ? Math.max(0, Math.min(0xffff, dayOf(a.date))) : 0);
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
    flush(n);
  }

  const { shards, total } = encodeShards(postings);
  const shardCount = shards.length;
  const words = buildWords(postings);

  const version = createHash('sha256')
    .update(facets)
    .update(String(total))
    .update(numbered.map(({ a, n }) => `${n}:${a.id}`).join(','))
    .digest('hex')
    .slice(0, 10);
  return {
    manifest: {
      version,
      docs: slots,
      shards: shardCount,
      counties,
      topics,
      kinds,
      syllables: words.syllables,
      wordShards: words.files.length,
    },
    shards,
    facets,
    docs,
    words: words.files,
  };
}
