import type { APIRoute } from 'astro';
import { apiPagesYearUrl } from '../../lib/site/routes.ts';
import { loadArchive } from '../../lib/site/archive.ts';

/** The index of the page records: one file a year of issue dates (/api/pages/<yyyy>.json). */
export const GET: APIRoute = async () => {
  const { pages } = await loadArchive();
  const years = new Map<string, number>();
  for (const p of pages) {
    const y = p.issueDate?.slice(0, 4) ?? 'undated';
    years.set(y, (years.get(y) ?? 0) + 1);
  }
  return new Response(
    JSON.stringify({
      count: pages.length,
      years: [...years].map(([year, count]) => ({ year, count, url: apiPagesYearUrl(year) })),
    }),
    { headers: { 'Content-Type': 'application/json; charset=utf-8' } },
  );
};
