/**
 * The search index's files, shared by the builder and the reader.
 *
 * - manifest.json: counts, dictionaries (counties, topics, kinds), version,
 *   the sample's step
 * - shards/<n>.bin, big/<n>.bin, filters/*.bin, days.bin: the postings,
 *   the common words' stories, the filter bitmaps and the days
 *   (postings.ts)
 * A story's document number is the id ledger's (seeds/ids.json): kept for
 * as long as the story is published, new stories after every number given
 * so far, a deleted story's never given again (id-ledger.ts searchNumbers).
 * So an added or deleted story renumbers no other, and a number may be a
 * hole: no docs/<n>.json, no postings, in no filter. Numbers are not
 * dates: newest first sorts on the day.
 *
 * - manifest.json's `docs`: the number of document slots (the highest
 *   number + 1), holes included
 * - sample.bin: 8 bytes for every sampleStep-th document slot, in number
 *   order: u8 county, u8 kind, u32 topics bitmask, u16 days since
 *   1970-01-01 (county and kind NONE for a hole)
 * - docs/<n>.json: what a result shows: headline, kicker, date, county,
 *   credits, text
 * - words/<n>.bin: the index's own vocabulary by sound, for the keys that
 *   hash to n (a pinyin pair "zhou cheng", a Han character "乘"); syllables
 *   are numbers in the manifest's `syllables`:
 *     varint soundCount, soundCount × { varint syllable, varint syllable,
 *       varint wordCount, wordCount × { varint length, word (UTF-8),
 *       varint stories } }   (most stories first)
 *     varint charCount, charCount × { varint length, char (UTF-8),
 *       varint readingCount, readingCount × varint syllable }
 *   A query in pinyin, or with a character of the wrong sound, is turned
 *   into words the index holds.
 */

export const NONE = 255;
export const FACET_BYTES = 8;

export interface Manifest {
  version: string;
  docs: number;
  shards: number;
  counties: Array<{ slug: string; name: string }>;
  topics: Array<{ slug: string; name: string }>;
  kinds: string[];
  /** Every pinyin syllable the index knows, sorted: splits a pinyin query, and numbers syllables in words/<n>.bin. */
  syllables: string[];
  /** How many words/<n>.bin files the vocabulary is split into. */
  wordShards: number;
  /** sample.bin holds the facets of every sampleStep-th document slot (1: all of them). */
  sampleStep: number;
}
/** One words/<n>.bin file, read. */
export interface WordShard {
  /** "zhou cheng" → [["轴承", 4], ["周成", 1]]: the two-character words of that sound and how many stories hold each, most first. */
  sounds: Map<string, Array<[string, number]>>;
  /** "乘" → ["cheng", "sheng"]: every reading of a character the index holds. */
  readings: Map<string, string[]>;
}

/** Someone a story credits, as a result shows them: 记者 张浩, linked to their page. */
export interface DocCredit {
  name: string;
  /** The reporter page's slug (routes.ts reporterUrl). */
  slug: string;
  /** The role as printed: 记者, 通讯员, 摄影, 作者. */
  role: string;
}

export interface DocFile {
  n: number;
  id: string;
  title: string;
  kicker: string | null;
  date: string | null;
  county: string | null;
  kind: string;
  credits: DocCredit[];
  /** Lead, body and captions, for snippets and ranking (cut to a few thousand characters). */
  text: string;
}

export interface Facets {
  county: number;
  kind: number;
  topics: number;
  /** Days since 1970-01-01, 0 when undated. */
  day: number;
}

export function writeWordShard(shard: WordShard, syllables: string[]): Uint8Array {
  const id = new Map(syllables.map((s, i) => [s, i]));
  const encoder = new TextEncoder();
  const out = new ByteWriter();
  const text = (t: string) => {
    const bytes = encoder.encode(t);
    out.varint(bytes.length);
    out.append(bytes);
  };
  const syllable = (s: string) => out.varint(id.get(s) ?? 0);
  out.varint(shard.sounds.size);
  for (const [sound, words] of shard.sounds) {
    const [a = '', b = ''] = sound.split(' ');
    syllable(a);
    syllable(b);
    out.varint(words.length);
    for (const [word, stories] of words) {
      text(word);
      out.varint(stories);
    }
  }
  out.varint(shard.readings.size);
  for (const [char, readings] of shard.readings) {
    text(char);
    out.varint(readings.length);
    readings.forEach(syllable);
  }
  return out.done();
}

export function readWordShard(bytes: Uint8Array, syllables: string[]): WordShard {
  const decoder = new TextDecoder();
  const at = { i: 0 };
  const text = () => {
    const length = readVarint(bytes, at);
    const t = decoder.decode(bytes.subarray(at.i, at.i + length));
    at.i += length;
    return t;
  };
  const syllable = () => syllables[readVarint(bytes, at)] ?? '';
  const sounds = new Map<string, Array<[string, number]>>();
  for (let n = readVarint(bytes, at); n > 0; n--) {
    const sound = `${syllable()} ${syllable()}`;
    const words: Array<[string, number]> = [];
    for (let k = readVarint(bytes, at); k > 0; k--) words.push([text(), readVarint(bytes, at)]);
    sounds.set(sound, words);
  }
  const readings = new Map<string, string[]>();
  for (let n = readVarint(bytes, at); n > 0; n--) {
    const char = text();
    const list: string[] = [];
    for (let k = readVarint(bytes, at); k > 0; k--) list.push(syllable());
    readings.set(char, list);
  }
  return { sounds, readings };
}

/** A growable byte buffer with varint writing. */
export class ByteWriter {
  bytes: Uint8Array;
  length = 0;

  constructor(capacity = 256) {
    this.bytes = new Uint8Array(capacity);
  }

  private room(n: number) {
    if (this.length + n <= this.bytes.length) return;
    let size = this.bytes.length * 2;
    while (size < this.length + n) size *= 2;
    const grown = new Uint8Array(size);
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }

  byte(b: number) {
    this.room(1);
    this.bytes[this.length++] = b;
  }

  varint(value: number) {
    this.room(5);
    let v = value >>> 0;
    while (v >= 0x80) {
      this.bytes[this.length++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    this.bytes[this.length++] = v;
  }

  append(bytes: Uint8Array) {
    this.room(bytes.length);
    this.bytes.set(bytes, this.length);
    this.length += bytes.length;
  }

  done(): Uint8Array {
    return this.bytes.slice(0, this.length);
  }
}

export function readVarint(bytes: Uint8Array, at: { i: number }): number {
  let value = 0;
  let shift = 0;
  for (;;) {
    const b = bytes[at.i++] ?? 0;
    value |= (b & 0x7f) << shift;
    if (b < 0x80) return value >>> 0;
    shift += 7;
  }
}

/** Facets of consecutive document slots, FACET_BYTES each (sample.bin). */
export function writeFacets(facets: Facets[]): Uint8Array {
  const out = new Uint8Array(facets.length * FACET_BYTES);
  const view = new DataView(out.buffer);
  facets.forEach((f, i) => {
    const o = i * FACET_BYTES;
    view.setUint8(o, f.county);
    view.setUint8(o + 1, f.kind);
    view.setUint32(o + 2, f.topics >>> 0);
    view.setUint16(o + 6, f.day);
  });
  return out;
}

export function readFacets(bytes: Uint8Array): Facets[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out: Facets[] = [];
  for (let o = 0; o + FACET_BYTES <= bytes.length; o += FACET_BYTES) {
    out.push({
      county: view.getUint8(o),
      kind: view.getUint8(o + 1),
      topics: view.getUint32(o + 2),
      day: view.getUint16(o + 6),
    });
  }
  return out;
}

export const dayOf = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);
