import type { APIRoute, GetStaticPaths } from 'astro';
import type { Article } from '../../../lib/schema.ts';
import { loadArchive } from '../../../lib/site/archive.ts';
import { cacheKeyOf, recordKey } from '../../../lib/site/cache-key.ts';

/** The file of one month: its article records (by the story's date), newest first. */
const monthFile = (month: string, articles: Article[]) => ({ month, count: articles.length, articles });

// The file is its month and its records (monthFile): keyed on those.
export const getStaticPaths = (async () => {
  const { months } = await loadArchive();
  return months.map((m) => ({
    params: { month: m.month },
    cacheKey: cacheKeyOf({ month: m.month, records: m.articles.map(recordKey) }),
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const { months } = await loadArchive();
  const month = params.month ?? '';
  const articles = months.find((m) => m.month === month)?.articles ?? [];
  return new Response(JSON.stringify(monthFile(month, articles)), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
