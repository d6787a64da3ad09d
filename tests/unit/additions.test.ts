/**
 * A story added on top of the archive (the next day's paper) changes only
 * the newest end of what the build writes (issue 11): the first pages of
 * its lists, and the search files that hold its words, so an incremental
 * build renders those and keeps every other page and file.
 */
import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/lib/schema.ts';
import { buildSearchIndex } from '../../src/lib/search/build.ts';
import { readShard } from '../../src/lib/search/format.ts';
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
      // Take the added story's postings out, and the shard is what it was.
      const withoutAdded = new Map(
        [...readShard(after)]
          .map(([term, postings]) => [term, new Map([...postings].filter(([doc]) => doc !== newDoc))] as const)
          .filter(([, postings]) => postings.size > 0),
      );
      expect(withoutAdded).toEqual(readShard(bytes));
    });
    expect(changedShards).toBeGreaterThan(0);
  });
});
