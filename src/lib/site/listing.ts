/**
 * A paginated list page (a county, a topic, a person, the pages): what it
 * shows besides its rows — the heading and the pager — and its cacheKey.
 * The pages are paginated over ids, so the build holds ids, not records,
 * per list page; the template looks the records up in the archive.
 */
import type { Page as AstroPage } from 'astro';
import type { Article } from '../schema.ts';
import type { Archive } from './archive-index.ts';
import { cacheKeyOf } from './cache-key.ts';
import { listedStories } from './story-list.ts';

export interface Pager {
  prev: string | undefined;
  next: string | undefined;
  current: number;
  last: number;
}

/** What of Astro's paginated page these need (its url only for the pager's links). */
type PageOf = Pick<AstroPage, 'currentPage' | 'lastPage' | 'start' | 'end'> & {
  url: Pick<AstroPage['url'], 'prev' | 'next'>;
};

export const pagerOf = (page: PageOf): Pager => ({
  prev: page.url.prev,
  next: page.url.next,
  current: page.currentPage,
  last: page.lastPage,
});

/** The items on one list page, out of the whole list it was paginated from. */
export const onListPage = <T>(all: readonly T[], page: PageOf): T[] => all.slice(page.start, page.end + 1);

/** A list page's stories, from the ids it was paginated over. */
export const storiesByIds = (archive: Archive, ids: readonly string[]): Article[] =>
  ids.map((id) => archive.article(id)).filter((a) => a !== undefined);

/** The page title: the list's, with the page number after the first page. */
export const listingTitle = (title: string, page: PageOf) =>
  page.currentPage > 1 ? `${title}（第${page.currentPage}页）` : title;

/** A story list page's cacheKey: its heading, its stories as listed (with summaries), its pager. */
export function listingKey(heading: Record<string, string>, all: readonly Article[], page: PageOf): string {
  return cacheKeyOf({
    heading,
    title: listingTitle(heading.title ?? '', page),
    stories: listedStories(onListPage(all, page), true),
    pager: pagerOf(page),
  });
}
