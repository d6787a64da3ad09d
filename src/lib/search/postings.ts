/**
 * The postings files of the search index, written by build.ts and read by
 * the engine. Every query's cost follows its own terms, not the archive:
 *
 * - shards/<n>.bin: the terms that hash to n, each
 *     varint termLength, term (UTF-8), varint df, u8 form, then
 *     form 0 (a term of few stories): df × posting
 *     form 1 (a term of many stories): varint bigFile, counts, varint K,
 *       K × posting (the K best: highest impact, then newest)
 *   posting = varint docDelta, u8 impact, u8 county, u8 kind, varint topics,
 *     varint zigzag(dayDelta)   (documents ascending; the facets travel
 *     with the posting, so a query's counts and filters cost what its
 *     postings cost)
 *   counts = for county, kind, topic: varint n, n × (varint value, varint stories)
 * - big/<n>.bin: every story of one term of many stories:
 *     varint span (the last story's number + 1), bitmap (ceil(span / 8)
 *     bytes, bit d of byte d >> 3 from the low end), u8 levels (4, or 1 for a term in more than an
 *     eighth of the stories), u8 × levels impact of each level, then (4
 *     levels) a 2-bit level a story holding the term, in document order,
 *     four to a byte
 * - filters/<c|k|t><value>.bin: the stories of one county, kind or topic,
 *     as a bitmap up to the last of them (a document past its end is not
 *     in it)
 * - days.bin: each slot's day (days since 1970, 0 undated) as varint
 *   zigzag(day - previous day)
 */
import { ByteWriter, readVarint, type Facets } from './format.ts';

/** An impact is a story's score for a term, 0–255 (build.ts impactOf). */
export interface Posting {
  doc: number;
  impact: number;
  facets: Facets;
}

export interface FacetCounts {
  county: Map<number, number>;
  kind: Map<number, number>;
  topic: Map<number, number>;
}

/** A term of few stories: every posting, with its facets. */
export interface SmallTerm {
  big: false;
  df: number;
  postings: Posting[];
}

/** A term of many stories: how many, their counts by facet, the best K, and where the rest are. */
export interface BigTerm {
  big: true;
  df: number;
  file: number;
  counts: FacetCounts;
  /** The K best postings, by impact, then newest. */
  top: Posting[];
}

export type Term = SmallTerm | BigTerm;

const zigzag = (v: number) => (v >= 0 ? v * 2 : -v * 2 - 1);
const unzigzag = (v: number) => (v & 1 ? -(v + 1) / 2 : v / 2);

/** Postings in document order, their facets with them. */
function writePostings(out: ByteWriter, postings: Posting[]) {
  let doc = 0;
  let day = 0;
  for (const p of postings) {
    out.varint(p.doc - doc);
    out.byte(Math.max(0, Math.min(255, Math.round(p.impact))));
    out.byte(p.facets.county);
    out.byte(p.facets.kind);
    out.varint(p.facets.topics);
    out.varint(zigzag(p.facets.day - day));
    doc = p.doc;
    day = p.facets.day;
  }
}

function readPostings(bytes: Uint8Array, at: { i: number }, count: number): Posting[] {
  const out: Posting[] = [];
  let doc = 0;
  let day = 0;
  for (let k = 0; k < count; k++) {
    doc += readVarint(bytes, at);
    const impact = bytes[at.i++] ?? 0;
    const county = bytes[at.i++] ?? 0;
    const kind = bytes[at.i++] ?? 0;
    const topics = readVarint(bytes, at);
    day += unzigzag(readVarint(bytes, at));
    out.push({ doc, impact, facets: { county, kind, topics, day } });
  }
  return out;
}

function writeCounts(out: ByteWriter, counts: FacetCounts) {
  for (const m of [counts.county, counts.kind, counts.topic]) {
    out.varint(m.size);
    for (const [value, n] of [...m].sort((a, b) => a[0] - b[0])) {
      out.varint(value);
      out.varint(n);
    }
  }
}

function readCounts(bytes: Uint8Array, at: { i: number }): FacetCounts {
  const [county, kind, topic] = [0, 1, 2].map(() => {
    const m = new Map<number, number>();
    for (let n = readVarint(bytes, at); n > 0; n--) m.set(readVarint(bytes, at), readVarint(bytes, at));
    return m;
  }) as [Map<number, number>, Map<number, number>, Map<number, number>];
  return { county, kind, topic };
}

/** One term's entry in its shard. `top` is written in document order; the reader sorts it back. */
export function writeTerm(out: ByteWriter, name: Uint8Array, term: Term) {
  out.varint(name.length);
  out.append(name);
  out.varint(term.df);
  out.byte(term.big ? 1 : 0);
  if (!term.big) {
    writePostings(out, term.postings);
    return;
  }
  out.varint(term.file);
  writeCounts(out, term.counts);
  out.varint(term.top.length);
  writePostings(
    out,
    [...term.top].sort((a, b) => a.doc - b.doc),
  );
}

/** The best first: highest impact, then the newer day, then the later number. */
export const byImpact = (a: Posting, b: Posting) => b.impact - a.impact || b.facets.day - a.facets.day || b.doc - a.doc;

export function readShard(bytes: Uint8Array): Map<string, Term> {
  const terms = new Map<string, Term>();
  const decoder = new TextDecoder();
  const at = { i: 0 };
  while (at.i < bytes.length) {
    const length = readVarint(bytes, at);
    const name = decoder.decode(bytes.subarray(at.i, at.i + length));
    at.i += length;
    const df = readVarint(bytes, at);
    const big = bytes[at.i++] === 1;
    if (!big) {
      terms.set(name, { big, df, postings: readPostings(bytes, at, df) });
      continue;
    }
    const file = readVarint(bytes, at);
    const counts = readCounts(bytes, at);
    const top = readPostings(bytes, at, readVarint(bytes, at)).sort(byImpact);
    terms.set(name, { big, df, file, counts, top });
  }
  return terms;
}

/** The impact band a posting falls in, in a big file. */
export const LEVELS = 4;
export function levelOf(impact: number, bounds: readonly number[]): number {
  let level = 0;
  while (level < LEVELS - 1 && impact >= (bounds[level] ?? Infinity)) level++;
  return level;
}

/**
 * Every story of a big term, with its impact as one of four levels (each
 * level's mean impact). A term in more than an eighth of the stories gets
 * one level: its impact beyond its best stories is its mean, and the query's
 * other words rank its stories (its inverse document frequency is small
 * anyway), which saves a quarter of a byte a story of the term.
 */
export function writeBigFile(slots: number, postings: Posting[], bounds: readonly number[]): Uint8Array {
  const out = new ByteWriter();
  // The bitmap ends at the term's last story, so a story added without the term leaves the file as it was.
  const span = (postings.at(-1)?.doc ?? -1) + 1;
  out.varint(span);
  const levelCount = postings.length * 8 > slots ? 1 : LEVELS;
  const bitmap = new Uint8Array(Math.ceil(span / 8));
  const sums = new Array<number>(LEVELS).fill(0);
  const counts = new Array<number>(LEVELS).fill(0);
  const levels = new Uint8Array(levelCount === 1 ? 0 : Math.ceil(postings.length / 4));
  postings.forEach((p, i) => {
    bitmap[p.doc >> 3] = (bitmap[p.doc >> 3] ?? 0) | (1 << (p.doc & 7));
    const level = levelCount === 1 ? 0 : levelOf(p.impact, bounds);
    sums[level] = (sums[level] ?? 0) + p.impact;
    counts[level] = (counts[level] ?? 0) + 1;
    if (levelCount > 1) levels[i >> 2] = (levels[i >> 2] ?? 0) | (level << ((i & 3) * 2));
  });
  out.append(bitmap);
  out.byte(levelCount);
  for (let l = 0; l < levelCount; l++) out.byte(Math.round((sums[l] ?? 0) / Math.max(1, counts[l] ?? 0)));
  out.append(levels);
  return out.done();
}

/** A big file read: document → impact (its level's). */
export function readBigFile(bytes: Uint8Array): Map<number, number> {
  const at = { i: 0 };
  const span = readVarint(bytes, at);
  const bitmap = bytes.subarray(at.i, at.i + Math.ceil(span / 8));
  at.i += bitmap.length;
  const levelCount = bytes[at.i++] ?? 1;
  const impacts = [...bytes.subarray(at.i, at.i + levelCount)];
  at.i += levelCount;
  const out = new Map<number, number>();
  let i = 0;
  for (let byte = 0; byte < bitmap.length; byte++) {
    const bits = bitmap[byte] ?? 0;
    if (bits === 0) continue;
    for (let bit = 0; bit < 8; bit++) {
      if ((bits & (1 << bit)) === 0) continue;
      const level = levelCount === 1 ? 0 : ((bytes[at.i + (i >> 2)] ?? 0) >> ((i & 3) * 2)) & 3;
      out.set(byte * 8 + bit, impacts[level] ?? 0);
      i++;
    }
  }
  return out;
}

/** Documents (ascending) as a bitmap that ends at the last, so a story added elsewhere leaves it as it was. */
export function writeBitmap(docs: readonly number[]): Uint8Array {
  const bitmap = new Uint8Array(Math.ceil(((docs.at(-1) ?? -1) + 1) / 8));
  for (const d of docs) bitmap[d >> 3] = (bitmap[d >> 3] ?? 0) | (1 << (d & 7));
  return bitmap;
}

export const hasBit = (bitmap: Uint8Array, doc: number) => ((bitmap[doc >> 3] ?? 0) & (1 << (doc & 7))) !== 0;

export function writeDays(days: ArrayLike<number>): Uint8Array {
  const out = new ByteWriter();
  let last = 0;
  for (let n = 0; n < days.length; n++) {
    const day = days[n] ?? 0;
    out.varint(zigzag(day - last));
    last = day;
  }
  return out.done();
}

export function readDays(bytes: Uint8Array): Uint16Array {
  const at = { i: 0 };
  const out: number[] = [];
  let day = 0;
  while (at.i < bytes.length) {
    day += unzigzag(readVarint(bytes, at));
    out.push(day);
  }
  return Uint16Array.from(out);
}
