/**
 * Every URL the site builds by hand, in one place: templates, scripts, the
 * feed and the benchmarks ask here, so a route changes in one line.
 * All page URLs end in a slash (the build writes directories).
 */

export const SECTION_URLS = {
  home: '/',
  counties: '/counties/',
  topics: '/topics/',
  issues: '/issues/',
  pages: '/pages/',
  reporters: '/reporters/',
  figures: '/figures/',
  search: '/search/',
} as const;

export const homeUrl = () => SECTION_URLS.home;
export const articleUrl = (id: string) => `/articles/${id}/`;
export const articleJsonUrl = (id: string) => `/articles/${id}.json`;
/** A story's figures (文中数据) as CSV. */
export const articleCsvUrl = (id: string) => `/articles/${id}.csv`;
/** A story opened from search results, with the words to mark. */
export const articleHitUrl = (id: string, words: string) => `${articleUrl(id)}?hl=${encodeURIComponent(words)}`;
export const countyUrl = (slug: string) => `/counties/${slug}/`;
export const topicUrl = (slug: string) => `/topics/${slug}/`;
export const issueUrl = (date: string) => `/issues/${date}/`;
export const pageUrl = (id: string) => `/pages/${id}/`;
/** The element id of a story on its page view. */
export const storyAnchor = (articleId: string) => `a-${articleId}`;
/** A story in place on its printed page. */
export const storyOnPageUrl = (pageId: string, articleId: string) => `${pageUrl(pageId)}#${storyAnchor(articleId)}`;
export const reporterUrl = (slug: string) => `/reporters/${slug}/`;
export const figuresMonthUrl = (month: string) => `/figures/${month}/`;
/** A month's figures as CSV, beside the month's table. */
export const figuresMonthCsvUrl = (month: string) => `/figures/${month}.csv`;
export const searchUrl = (params: Record<string, string> = {}) => {
  const query = new URLSearchParams(params).toString();
  return query ? `${SECTION_URLS.search}?${query}` : SECTION_URLS.search;
};

/** The records of one month's stories, and of one year's pages. */
export const apiArticlesMonthUrl = (month: string) => `/api/articles/${month}.json`;
export const apiPagesYearUrl = (year: string) => `/api/pages/${year}.json`;

export const API_URLS = {
  articles: '/api/articles.json',
  pages: '/api/pages.json',
  feed: '/rss.xml',
  searchIndex: '/search-index/',
} as const;
