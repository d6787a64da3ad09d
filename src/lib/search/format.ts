/**
 * The search index's files, shared by the builder and the reader.
 *
 * - manifest.json: counts, dictionaries (counties, topics, kinds), version
 * - shards/<n>.bin: postings for the terms that hash to n:
 *     repeated { varint termLength, term (UTF-8), varint count,
 *                count × { varint docDelta, u8 weight } }
 * - facets.bin: 8 bytes a document, in document order (newest first):
 *     u8 county, u8 kind, u32 topics bitmask, u16 days since 1970-01-01
 * - docs/<n>.json: what a result shows: headline, kicker, date, county,
 *   credits, text
 * - words/<n>.json: the index's own vocabulary by sound, for the keys that
 *   hash to n: a pinyin pair ("zhou cheng") → the two-character words that
 *   read so, with how many stories hold each; a Han character → its
 *   readings. A query in pinyin, or with a character of the wrong sound,
 *   is turned into words the index holds.
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
  /** Every pinyin syllable the index knows, to split a pinyin query. */
  syllables: string[];
  /** How many words/<n>.json files the vocabulary is split into. */
  wordShards: number;
}

/** One words/<n>.json file. */
export interface WordShard {
  /**
   * "zhou cheng" → "轴承4周成1": the two-character words of that sound, each
   * followed by how many stories hold it, most stories first (compact: most
   * of a vocabulary are words of one story).
   */
  sounds: Record<string, string>;
  /** "乘" → ["cheng", "sheng"]: every reading of a character the index holds. */
  readings: Record<string, string[]>;
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

/** "轴承4周成1" → [["轴承", 4], ["周成", 1]]. */
export function readSoundWords(packed: string | undefined): Array<[string, number]> {
  return [...(packed ?? '').matchAll(/(\D{2})(\d+)/gu)].map((m) => [m[1] ?? '', Number(m[2])]);
}

export const packSoundWords = (words: Array<[string, number]>): string => words.map(([w, n]) => `${w}${n}`).join('');

export function writeVarint(out: number[], value: number) {
  let v = value >>> 0;
  while (v >= 0x80) {
    out.push((v & 0x7f) | 0x80);
    v >>>= 7;
  }
  out.push(v);
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

/** Postings of one shard, term → (document → weight). */
export function readShard(bytes: Uint8Array): Map<string, Map<number, number>> {
  const terms = new Map<string, Map<number, number>>();
  const decoder = new TextDecoder();
  const at = { i: 0 };
  while (at.i < bytes.length) {
    const len = readVarint(bytes, at);
    const term = decoder.decode(bytes.subarray(at.i, at.i + len));
    at.i += len;
    const count = readVarint(bytes, at);
    const postings = new Map<number, number>();
    let doc = 0;
    for (let k = 0; k < count; k++) {
      doc += readVarint(bytes, at);
      postings.set(doc, bytes[at.i++] ?? 0);
    }
    terms.set(term, postings);
  }
  return terms;
}

export function readFacets(bytes: Uint8Array, docs: number): Facets[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out: Facets[] = [];
  for (let n = 0; n < docs; n++) {
    const o = n * FACET_BYTES;
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
