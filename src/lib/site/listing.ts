/**
 * A paginated list (a county, a topic, a person, the pages), cut so that a
 * story added on top of the archive changes only the newest end of it.
 *
 * Pages are counted from the oldest end: page k (its URL `<list>/k/`) always
 * holds the k-th 20 stories counted from the oldest, and the list's own URL
 * holds the newest 20 plus the ones that do not yet fill a page of their own
 * (20 to 39 stories; all of a list shorter than 40). An added story joins the
 * first page; once those fill two pages, the older 20 move to a page of
 * their own, and only that page, the first and the one after them change.
 * So a page's URL keeps showing the same stories, and a link to it stays
 * good. A page says which dates it covers, not "page 3 of 9", which every
 * addition would change. The build holds ids, not records, per list page;
 * the template looks the records up in the archive.
 */
import type { Article } from '../schema.ts';
import type { Archive } from './archive-index.ts';
import { cacheKeyOf } from './cache-key.ts';
import { formatDate } from './format.ts';
import { listedStories } from './story-list.ts';

export interface Pager {
  /** The next newer page's URL, none on the first page. */
  newer: string | undefined;
  /** The next older page's URL, none on the oldest. */
  older: string | undefined;
  /** What the page covers (its dates), shown between the links. */
  label: string;
}

/** One page of a list: its URL's page parameter (none for the list's first page), its items, its pager. */
export interface ListPage<T> {
  param: string | undefined;
  items: T[];
  pager: Pager;
}

/**
 * A newest-first list cut into pages counted from the oldest end: the items
 * of each page with its number (undefined for the first page, the list's
 * own URL). Every page but the first holds `size` items; the first between
 * `size` and `2 × size − 1`, or the whole list when it is shorter.
 */
export function bucketsOf<T>(
  newestFirst: readonly T[],
  size: number,
): Array<{ bucket: number | undefined; items: T[] }> {
  const full = Math.floor(newestFirst.length / size);
  if (full <= 1) return [{ bucket: undefined, items: [...newestFirst] }];
  const firstEnd = newestFirst.length - (full - 1) * size;
  const pages: Array<{ bucket: number | undefined; items: T[] }> = [
    { bucket: undefined, items: newestFirst.slice(0, firstEnd) },
  ];
  for (let bucket = full - 1; bucket >= 1; bucket--) {
    const end = newestFirst.length - (bucket - 1) * size;
    pages.push({ bucket, items: newestFirst.slice(end - size, end) });
  }
  return pages;
}

/** The URL of a list page: the list's own for the first, `<list>/<bucket>/` for the others. */
export const listPageUrl = (listUrl: string, bucket: number | undefined) =>
  bucket === undefined ? listUrl : `${listUrl}${bucket}/`;

/**
 * A list's pages with their pagers. `listUrl` ends in a slash; `label` says
 * what a page covers, from its items (newest first).
 */
export function listPages<T>(
  listUrl: string,
  newestFirst: readonly T[],
  size: number,
  label: (items: T[]) => string,
): Array<ListPage<T>> {
  const buckets = bucketsOf(newestFirst, size);
  return buckets.map(({ bucket, items }, i) => {
    const newer = buckets[i - 1];
    const older = buckets[i + 1];
    return {
      param: bucket === undefined ? undefined : String(bucket),
      items,
      pager: {
        newer: newer ? listPageUrl(listUrl, newer.bucket) : undefined,
        older: older ? listPageUrl(listUrl, older.bucket) : undefined,
        label: label(items),
      },
    };
  });
}

/** The dates a page of stories (newest first) covers: 2024年3月2日—2024年5月1日, or one date. */
export function storyDates(newestFirst: readonly Article[]): string {
  const newest = formatDate(newestFirst[0]?.date ?? null);
  const oldest = formatDate(newestFirst.at(-1)?.date ?? null);
  return newest === oldest ? newest : `${oldest}—${newest}`;
}

/** A list page's title: the list's, with the dates it covers after the first page. */
export const listingTitle = (title: string, page: Pick<ListPage<unknown>, 'param' | 'pager'>) =>
  page.param === undefined ? title : `${title}（${page.pager.label}）`;

/** A list page's stories, from the ids it holds. */
export const storiesByIds = (archive: Archive, ids: readonly string[]): Article[] =>
  ids.map((id) => archive.article(id)).filter((a) => a !== undefined);

/** What a story list's heading says: its title, and an introduction (with counts) shown on its first page only. */
export interface ListHeading {
  title: string;
  intro?: string;
}

/** A story list page's cacheKey: its heading, its stories as listed (with summaries), its pager. */
export function listingKey(heading: ListHeading, page: ListPage<Article>): string {
  return cacheKeyOf({
    heading: { title: heading.title, intro: page.param === undefined ? heading.intro : undefined },
    title: listingTitle(heading.title, page),
    stories: listedStories(page.items, true),
    pager: page.pager,
  });
}

/**
 * getStaticPaths entries for a story list (a county, a topic, a person):
 * each page's `page` parameter, its ids and what Listing.astro shows besides
 * its stories, keyed on all of it.
 */
export function storyListPaths<P extends Record<string, string>, H extends ListHeading>(
  listUrl: string,
  params: P,
  heading: H,
  newestFirst: readonly Article[],
  size: number,
) {
  return listPages(listUrl, newestFirst, size, storyDates).map((page) => ({
    params: { ...params, page: page.param },
    props: {
      ...heading,
      pageTitle: listingTitle(heading.title, page),
      intro: page.param === undefined ? heading.intro : undefined,
      ids: page.items.map((a) => a.id),
      pager: page.pager,
    },
    cacheKey: listingKey(heading, page),
  }));
}
