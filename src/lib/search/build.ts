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
import { FACET_BYTES, NONE, dayOf, writeVarint, type DocFile, type Manifest } from './format.ts';
import { creditsOf } from '../site/people.ts';
import { titleOf } from '../site/format.ts';

/** How much a term found in each part of a story counts. */
const WEIGHT = { title: 4, names: 3, lead: 2, body: 1 } as const;
/** Target size of a shard before compression. */
const SHARD_BYTES = 3000;
const TEXT_LIMIT = 3000;

export interface BuiltIndex {
  manifest: Manifest;
  shards: Uint8Array[];
  facets: Uint8Array;
  docs: DocFile[];
  /** Han character → pinyin syllable, for the characters in headlines. */
  pinyin: Record<string, string>;
}

function syllablesOf(text: string): string[] {
  return pinyin(text, { toneType: 'none', type: 'array', nonZh: 'removed', v: true }).filter((s) =>
    /^[a-z]+$/u.test(s),
  );
}

export function buildSearchIndex(articlesNewestFirst: Article[]): BuiltIndex {
  const postings = new Map<string, Map<number, number>>();
  const add = (term: string, doc: number, weight: number) => {
    let list = postings.get(term);
    if (!list) postings.set(term, (list = new Map()));
    list.set(doc, Math.min(255, (list.get(doc) ?? 0) + weight));
  };
  const counties = allCountyRefs();
  const topics = [...taxonomy.topics, taxonomy.fallback].map((t) => ({ slug: t.slug, name: t.name }));
  const kinds = [...ARTICLE_KINDS];
  const facets = new Uint8Array(articlesNewestFirst.length * FACET_BYTES);
  const view = new DataView(facets.buffer);
  const docs: DocFile[] = [];
  const charPinyin: Record<string, string> = {};
  const syllables = new Set<string>();

  articlesNewestFirst.forEach((a, n) => {
    const title = [a.kicker, a.headline ?? titleOf(a), a.subheadline].filter(Boolean).join(' ');
    const names = creditsOf(a).map((c) => c.name);
    const [lead = '', ...rest] = [...a.paragraphs, ...a.captions];
    const parts: Array<[string, number]> = [
      [title, WEIGHT.title],
      [names.join(' '), WEIGHT.names],
      [a.standfirst ?? '', WEIGHT.lead],
      [lead, WEIGHT.lead],
      [rest.join('\n'), WEIGHT.body],
    ];
    for (const [text, weight] of parts) for (const term of bigrams(text)) add(term, n, weight);
    // One-character queries look among headline characters only.
    for (const unit of segments(title).flat()) if (isHan(unit)) add(`1:${unit}`, n, WEIGHT.title);
    // Pinyin of headlines and names: a query typed in pinyin still finds them.
    for (const text of [title, ...names]) {
      for (const run of segments(text)) {
        const han = run.filter(isHan).join('');
        if (han.length < 2) continue;
        const ps = syllablesOf(han);
        [...han].forEach((ch, i) => {
          if (ps[i]) charPinyin[ch] = ps[i];
        });
        for (const s of ps) syllables.add(s);
        for (let i = 0; i + 1 < ps.length; i++) add(`py:${ps[i]} ${ps[i + 1]}`, n, WEIGHT.names);
      }
    }
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
      text: [a.standfirst, ...a.paragraphs, ...a.captions].filter(Boolean).join('\n').slice(0, TEXT_LIMIT),
    });
  });

  // Encode each term's postings once, then deal them into shards by hash.
  const encoded = new Map<string, number[]>();
  let total = 0;
  const encoder = new TextEncoder();
  for (const [term, list] of postings) {
    const bytes: number[] = [];
    const t = encoder.encode(term);
    writeVarint(bytes, t.length);
    bytes.push(...t);
    writeVarint(bytes, list.size);
    let prev = 0;
    for (const doc of [...list.keys()].sort((x, y) => x - y)) {
      writeVarint(bytes, doc - prev);
      bytes.push(list.get(doc) ?? 0);
      prev = doc;
    }
    encoded.set(term, bytes);
    total += bytes.length;
  }
  let shardCount = 16;
  while (total / shardCount > SHARD_BYTES) shardCount *= 2;
  const buckets: number[][] = Array.from({ length: shardCount }, () => []);
  for (const [term, bytes] of encoded) {
    const bucket = buckets[shardOf(term, shardCount)];
    for (const b of bytes) bucket?.push(b);
  }
  const shards = buckets.map((b) => Uint8Array.from(b));

  const version = createHash('sha256')
    .update(facets)
    .update(String(total))
    .update(articlesNewestFirst.map((a) => a.id).join(','))
    .digest('hex')
    .slice(0, 10);
  return {
    manifest: {
      version,
      docs: docs.length,
      shards: shardCount,
      counties,
      topics,
      kinds,
      syllables: [...syllables].sort(),
    },
    shards,
    facets,
    docs,
    pinyin: charPinyin,
  };
}
