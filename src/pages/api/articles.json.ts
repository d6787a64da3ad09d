import type { APIRoute } from 'astro';
import { apiArticlesMonthUrl } from '../../lib/site/routes.ts';
import { loadArchive } from '../../lib/site/archive.ts';

/**
 * The index of the article records: one file a month (/api/articles/<yyyy-mm>.json),
 * so no single file grows with the archive.
 */
export const GET: APIRoute = async () => {
  const { articles, months } = await loadArchive();
  return new Response(
    JSON.stringify({
      count: articles.length,
      months: months.map((m) => ({ month: m.month, count: m.articles.length, url: apiArticlesMonthUrl(m.month) })),
    }),
    { headers: { 'Content-Type': 'application/json; charset=utf-8' } },
  );
};
