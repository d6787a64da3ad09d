/**
 * A story added on top of the archive (the next day's paper) changes only
 * the newest end of what the build writes (issue 11): the first pages of
 * its lists, and the search files that hold its words, so an incremental
 * build renders those and keeps every other page and file.
 */
import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/lib/schema.ts';
import { searchNumbers, storiesInOrder, type IdLedger } from '../../src/lib/id-ledger.ts';
import { buildSearchIndex } from '../../src/lib/search/build.ts';
import { hasBit, readBigFile, readShard } from '../../src/lib/search/postings.ts';
import { indexArchive } from '../../src/lib/site/archive-index.ts';
import { bucketsOf, listPages, listingKey, storyDates } from '../../src/lib/site/listing.ts';
import { countyUrl } from '../../src/lib/site/routes.ts';
import { parsedSeed } from '../helpers/seeds.ts';

const parsed = ['000', '001', '002', '003', '004'].map((n) => parsedSeed(n));
const seedStories = parsed.flatMap((p) => p.articles);
const pages = parsed.map((p) => p.page);

/** A long archive from the seeds' real stories: each printed again on later days, with its own id. */
function longArchive(days: number): Article[] {
  const out: Article[] = [];
  for (let day = 0; day < days; day++) {
    const date = new Date(Date.UTC(2021, 0, 1 + day)).toISOString().slice(0, 10);
    seedStories.forEach((a, i) => {
      if ((day + i) % 7 === 0) out.push({ ...a, id: `${a.id}-d${day}`, date });
    });
  }
  return out;
}

const before = longArchive(120);
/** The next day's story: a real one, in the county with the longest list. */
const archiveBefore = indexArchive(before, pages);
const county = [...archiveBefore.counties].sort((a, b) => b.articles.length - a.articles.length)[0];
const template = county?.articles[0];
if (!county || !template) throw new Error('no county with stories');
const added: Article = { ...template, id: `${template.id}-added`, date: '2021-06-01' };

const heading = (n: number) => ({ title: county.name, intro: `${n} 篇稿件，最新的在前。` });
const keysOf = (stories: Article[]) =>
  new Map(
    listPages(countyUrl(county.slug), stories, 20, storyDates).map((p) => [
      p.param ?? 'first',
      listingKey(heading(stories.length), p),
    ]),
  );

describe('bucketsOf', () => {
  it('holds every item once, newest first; every page but the first 20 items, the first 20 to 39 (or the whole of a shorter list)', () => {
    for (let n = 0; n <= 130; n++) {
      const items = Array.from({ length: n }, (_, i) => n - i);
      const buckets = bucketsOf(items, 20);
      expect(buckets.flatMap((b) => b.items)).toEqual(items);
      const [first, ...rest] = buckets;
      expect(first?.bucket).toBeUndefined();
      expect(first?.items.length).toBe(n < 40 ? n : 20 + (n % 20));
      for (const b of rest) expect(b.items.length).toBe(20);
      // Page k holds the k-th 20 counted from the oldest, whatever the list's length.
      for (const b of rest) expect(b.items.at(-1)).toBe(((b.bucket ?? 0) - 1) * 20 + 1);
    }
  });

  it('links each page to its neighbours, and only to pages that exist', () => {
    const list = countyUrl('x');
    const all = listPages(
      list,
      Array.from({ length: 87 }, (_, i) => i),
      20,
      () => '',
    );
    const urls = new Set(all.map((p) => (p.param ? `${list}${p.param}/` : list)));
    expect([...urls]).toEqual([list, `${list}3/`, `${list}2/`, `${list}1/`]);
    for (const p of all) for (const link of [p.pager.newer, p.pager.older]) if (link) expect(urls.has(link)).toBe(true);
    expect(all[0]?.pager).toMatchObject({ newer: undefined, older: `${list}3/` });
    expect(all.at(-1)?.pager).toMatchObject({ newer: `${list}2/`, older: undefined });
  });
});

describe('a story added on top of the archive', () => {
  it('changes at most the newest pages of a list (its first page, and the page it leaves when the first fills up)', () => {
    let stories = [...county.articles];
    for (let step = 0; step < 45; step++) {
      const next: Article = { ...template, id: `${template.id}-n${step}`, date: '2022-01-01' };
      const old = keysOf(stories);
      const now = keysOf([next, ...stories]);
      const changed = [...now].filter(([param, key]) => old.get(param) !== key).map(([param]) => param);
      const full = Math.floor((stories.length + 1) / 20);
      const newest = new Set(['first', String(full - 1), String(full - 2)]);
      for (const param of changed) expect(newest.has(param), `${param} after ${stories.length} stories`).toBe(true);
      // The pages that went away: none, bar the first page's own.
      expect([...old.keys()].filter((p) => !now.has(p))).toEqual([]);
      stories = [next, ...stories];
    }
  });

  it('keeps every other story’s search document and number; changes only the shards its words are in, by its postings alone', () => {
    const newestFirst = indexArchive(before, pages).articles;
    const old = buildSearchIndex(newestFirst);
    const now = buildSearchIndex([added, ...newestFirst]);
    expect(now.shards.length).toBe(old.shards.length);
    const newDoc = old.docs.length;
    expect(now.docs[newDoc]?.id).toBe(added.id);
    old.docs.forEach((d, n) => expect(JSON.stringify(now.docs[n])).toBe(JSON.stringify(d)));
    let changedShards = 0;
    old.shards.forEach((bytes, n) => {
      const after = now.shards[n] ?? new Uint8Array();
      if (Buffer.from(after).equals(Buffer.from(bytes))) return;
      changedShards++;
      // Take the added story's postings out, and the shard is what it was (a term of many stories counts it).
      const withoutAdded = new Map(
        [...readShard(after)]
          .map(([name, term]) => [name, term.big ? term.file : term.postings.filter((p) => p.doc !== newDoc)] as const)
          .filter(([, postings]) => !Array.isArray(postings) || postings.length > 0),
      );
      const was = new Map([...readShard(bytes)].map(([name, term]) => [name, term.big ? term.file : term.postings]));
      expect(withoutAdded).toEqual(was);
    });
    expect(changedShards).toBeGreaterThan(0);
  });

  it('changes only the common words’ files and the filter bitmaps that hold the added story', () => {
    const newestFirst = indexArchive(before, pages).articles;
    // Every term in more than 8 stories is big, so there are common words' files to compare.
    const old = buildSearchIndex(newestFirst, undefined, undefined, { bigAt: 8 });
    const now = buildSearchIndex([added, ...newestFirst], undefined, undefined, { bigAt: 8 });
    const newDoc = old.docs.length;
    let changed = 0;
    for (const [file, bytes] of old.big) {
      const after = now.big.get(file);
      if (after && Buffer.from(after).equals(Buffer.from(bytes))) continue;
      changed++;
      // A term that became big or has the story; otherwise its file is the same.
      if (after) expect(readBigFile(after).has(newDoc)).toBe(true);
    }
    expect(changed).toBeGreaterThan(0);
    expect(changed).toBeLessThan(old.big.size / 2);
    for (const [name, bytes] of old.filters) {
      const after = now.filters.get(name) ?? new Uint8Array();
      if (!Buffer.from(after).equals(Buffer.from(bytes))) expect(hasBit(after, newDoc), name).toBe(true);
    }
  });
});

/** A ledger that gave these stories these search numbers (only what searchNumbers reads). */
const ledgerOf = (numbers: ReadonlyMap<string, number>): IdLedger => ({
  pages: { 'p.txt': Object.fromEntries([...numbers].map(([id, search]) => [id, { title: '', sketch: '', search }])) },
});

describe('search numbers (id-ledger.ts searchNumbers)', () => {
  const none = new Map<string, string>();
  it('numbers a first build in page order, and keeps every number after', () => {
    const first = searchNumbers({ pages: {} }, ['a', 'b', 'c'], none);
    expect([...first]).toEqual([
      ['a', 0],
      ['b', 1],
      ['c', 2],
    ]);
    // A story inserted before b: a new number, after every other.
    expect([...searchNumbers(ledgerOf(first), ['a', 'x', 'b', 'c'], none)]).toEqual([
      ['a', 0],
      ['b', 1],
      ['c', 2],
      ['x', 3],
    ]);
  });

  it('never gives a deleted story’s number to another, and passes a number on to a story whose id moved', () => {
    const ledger = ledgerOf(
      new Map([
        ['a', 0],
        ['b', 1],
        ['c', 2],
      ]),
    );
    expect([...searchNumbers(ledger, ['a', 'c', 'd'], none)]).toEqual([
      ['a', 0],
      ['c', 2],
      ['d', 3],
    ]);
    expect(searchNumbers(ledger, ['a', 'b2', 'c'], new Map([['b', 'b2']])).get('b2')).toBe(1);
  });

  it('lists pages by file name and stories in page order', () => {
    const order = storiesInOrder([
      { file: '2025-07-09_A1.txt', stories: [{ id: 'y1' }, { id: 'y2' }] },
      { file: '2025-07-08_A1.txt', stories: [{ id: 'x1' }] },
    ]);
    expect(order).toEqual(['x1', 'y1', 'y2']);
  });
});

describe('a story added to or deleted from an older page', () => {
  const newestFirst = indexArchive(before, pages).articles;
  const oldestFirst = [...newestFirst].reverse().map((a) => a.id);
  const numbers = searchNumbers({ pages: {} }, oldestFirst, new Map());
  const old = buildSearchIndex(newestFirst, undefined, numbers);
  const docsOf = (index: typeof old) => new Map(index.docs.map((d) => [d.n, JSON.stringify(d)]));

  it('keeps every other story’s search document at its number', () => {
    // Inserted among the oldest stories: numbered oldest first, every later story would have moved up one.
    const inserted: Article = { ...template, id: `${template.id}-inserted`, date: before.at(-1)?.date ?? null };
    const withIt = [...newestFirst, inserted];
    const order = [...oldestFirst.slice(0, 1), inserted.id, ...oldestFirst.slice(1)];
    const now = buildSearchIndex(withIt, undefined, searchNumbers(ledgerOf(numbers), order, new Map()));
    const after = docsOf(now);
    for (const [n, doc] of docsOf(old)) expect(after.get(n)).toBe(doc);
    expect(now.docs.find((d) => d.id === inserted.id)?.n).toBe(old.docs.length);
  });

  it('leaves a hole where a deleted story was: no document, no postings, and in no filter', () => {
    const gone = newestFirst.at(-2);
    if (!gone) throw new Error('no story');
    const rest = newestFirst.filter((a) => a !== gone);
    const now = buildSearchIndex(
      rest,
      undefined,
      searchNumbers(
        ledgerOf(numbers),
        oldestFirst.filter((id) => id !== gone.id),
        new Map(),
      ),
    );
    const hole = numbers.get(gone.id) ?? -1;
    expect(now.manifest.docs).toBe(old.manifest.docs);
    expect(now.docs.some((d) => d.n === hole)).toBe(false);
    for (const shard of now.shards)
      for (const term of readShard(shard).values())
        if (!term.big) expect(term.postings.some((p) => p.doc === hole)).toBe(false);
    for (const bitmap of now.filters.values()) expect(hasBit(bitmap, hole)).toBe(false);
    const after = docsOf(now);
    for (const [n, doc] of docsOf(old)) if (n !== hole) expect(after.get(n)).toBe(doc);
  });
});
