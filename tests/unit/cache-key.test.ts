/**
 * The keys an incremental build reuses pages by (src/lib/site/cache-key.ts
 * and the views' key functions), on the five seeds: the same data gives the
 * same key, a record read back from the content store the same as before it
 * went in, and a key moves with what its page shows and only with that.
 */
import * as devalue from 'devalue';
import { describe, expect, it } from 'vitest';
import { Article } from '../../src/lib/schema.ts';
import { indexArchive } from '../../src/lib/site/archive-index.ts';
import { articlePageKey, articleView } from '../../src/lib/site/article-view.ts';
import { cacheKeyOf, recordKey } from '../../src/lib/site/cache-key.ts';
import { issueKey, issueView } from '../../src/lib/site/issue-view.ts';
import { listPages, listingKey, storyDates } from '../../src/lib/site/listing.ts';
import { countyUrl } from '../../src/lib/site/routes.ts';
import { parsedSeed } from '../helpers/seeds.ts';

const SITE = new URL('https://liaocheng-archive.example');
const parsed = ['000', '001', '002', '003', '004'].map((n) => parsedSeed(n));
const articles = parsed.flatMap((p) => p.articles);
const pages = parsed.map((p) => p.page);
const archiveOf = (records: Article[]) => indexArchive(records, pages);
const archive = archiveOf(articles);

/** The archive with one story's record replaced. */
const withStory = (id: string, change: (a: Article) => Article) =>
  archiveOf(articles.map((a) => (a.id === id ? change(a) : a)));

describe('cacheKeyOf', () => {
  it('gives the same key for the same data, and another for other data', () => {
    expect(cacheKeyOf({ a: 1, b: { c: [1, 2], d: null } })).toBe(cacheKeyOf({ a: 1, b: { c: [1, 2], d: null } }));
    expect(cacheKeyOf({ a: 1, b: [1, 2] })).not.toBe(cacheKeyOf({ a: 1, b: [2, 1] }));
    expect(cacheKeyOf({ a: 1, b: null })).not.toBe(cacheKeyOf({ a: 1, b: 0 }));
    expect(cacheKeyOf('x')).toMatch(/^[\w-]{22}$/u);
  });

  it('gives a story the same key before and after the content store: its keys keep the schema’s order', () => {
    // What the loader stores (the schema's parse of the parser's record), and what a later build reads back (devalue).
    for (const a of articles) {
      const stored = Article.parse(a);
      const readBack = devalue.parse(devalue.stringify(stored)) as Article;
      expect(cacheKeyOf(readBack)).toBe(cacheKeyOf(stored));
      expect(cacheKeyOf(Article.parse(readBack))).toBe(cacheKeyOf(stored));
    }
  });

  it('keys a binary file on its bytes', () => {
    expect(cacheKeyOf(new Uint8Array([1, 2, 3]))).toBe(cacheKeyOf(new Uint8Array([1, 2, 3])));
    expect(cacheKeyOf(new Uint8Array([1, 2, 3]))).not.toBe(cacheKeyOf(new Uint8Array([1, 2, 4])));
  });

  it('keys a record once, however many files show it, on the record’s own key', () => {
    const [a] = articles;
    if (!a) throw new Error('no story');
    expect(recordKey(a)).toBe(cacheKeyOf(a));
    expect(recordKey({ ...a, headline: '另一个标题' })).not.toBe(recordKey(a));
  });

  it('refuses a Map or a Set, whose JSON ({}) would hide what a page shows', () => {
    expect(() => cacheKeyOf({ people: new Map([['王五', 1]]) })).toThrow(/Map or Set/u);
  });
});

describe('a story page’s key', () => {
  const page000 = parsed[0]?.articles ?? [];
  const [first, second, third] = page000;
  if (!first || !second || !third) throw new Error('seed 000 has fewer than three stories');
  const keyOf = (a: Article, from = archive) => articlePageKey(from.article(a.id) ?? a, from, SITE);

  it('is the same for the same archive built twice', () => {
    expect(keyOf(second, archiveOf(structuredClone(articles)))).toBe(keyOf(second));
  });

  it('moves with its own text', () => {
    const edited = withStory(second.id, (a) => ({ ...a, paragraphs: [...a.paragraphs, '补充一段。'] }));
    expect(keyOf(second, edited)).not.toBe(keyOf(second));
  });

  it('moves when the story before it on the page is retitled (下一篇/上一篇 show the title), not when its text changes', () => {
    const retitled = withStory(first.id, (a) => ({ ...a, headline: '新的标题' }));
    expect(keyOf(second, retitled)).not.toBe(keyOf(second));
    const rewritten = withStory(first.id, (a) => ({ ...a, paragraphs: [...a.paragraphs, '补充一段。'] }));
    expect(keyOf(second, rewritten)).toBe(keyOf(second));
  });

  it('does not move when a story it does not show is retitled', () => {
    const shown = new Set(articleView(first, archive, SITE).related.map((a) => a.id));
    const unseen = articles.find((a) => a.source.file !== first.source.file && !shown.has(a.id));
    if (!unseen) throw new Error('every story is related to the first');
    expect(
      keyOf(
        first,
        withStory(unseen.id, (a) => ({ ...a, headline: '新的标题' })),
      ),
    ).toBe(keyOf(first));
    const shownStory = articles.find((a) => shown.has(a.id));
    if (!shownStory) throw new Error('the first story has no related stories');
    expect(
      keyOf(
        first,
        withStory(shownStory.id, (a) => ({ ...a, headline: '新的标题' })),
      ),
    ).not.toBe(keyOf(first));
  });
});

describe('list and issue keys', () => {
  const county = archive.counties.find((c) => c.articles.length > 1);
  if (!county) throw new Error('no county with two stories');
  const pageOf = (stories: Article[]) => {
    const [first] = listPages(countyUrl(county.slug), stories, 20, storyDates);
    if (!first) throw new Error('a list has a first page');
    return first;
  };
  const heading = { title: county.name, intro: `${county.articles.length} 篇稿件，最新的在前。` };

  it('a list page moves with a listed story’s summary, not with text past it', () => {
    const listed = county.articles[0];
    if (!listed) throw new Error('empty county');
    const key = listingKey(heading, pageOf(county.articles));
    const longer = { ...listed, paragraphs: [...listed.paragraphs, '补充一段。'] };
    expect(listingKey(heading, pageOf([longer, ...county.articles.slice(1)]))).toBe(key);
    const resummarised = { ...listed, standfirst: '新的导语，说明这篇稿件的要点。' };
    expect(listingKey(heading, pageOf([resummarised, ...county.articles.slice(1)]))).not.toBe(key);
  });

  it('an issue page moves with a story title on it, not with a story’s text', () => {
    const issue = archive.issues[0];
    const onIt = issue?.pages[0] && archive.storiesOn(issue.pages[0])[0];
    if (!issue || !onIt) throw new Error('no issue');
    const keyIn = (from: ReturnType<typeof archiveOf>) => {
      const same = from.issues.find((i) => i.date === issue.date);
      if (!same) throw new Error('the issue is gone');
      return issueKey(issueView(from, same));
    };
    const key = keyIn(archive);
    expect(keyIn(withStory(onIt.id, (a) => ({ ...a, headline: '新的标题' })))).not.toBe(key);
    expect(keyIn(withStory(onIt.id, (a) => ({ ...a, paragraphs: [...a.paragraphs, '补充一段。'] })))).toBe(key);
  });
});
