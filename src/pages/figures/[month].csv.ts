import type { APIRoute, GetStaticPaths } from 'astro';
import { loadArchive } from '../../lib/site/archive.ts';
import { figureMonths, figureRows } from '../../lib/site/figure-rows.ts';
import { CSV_CONTENT_TYPE, figureCsv } from '../../lib/site/figure-csv.ts';
import { cacheKeyOf } from '../../lib/site/cache-key.ts';

// Beside each month's table (/figures/<month>/), the same rows as CSV.
export const getStaticPaths = (async () => {
  const archive = await loadArchive();
  return figureMonths(archive.months).map((m) => ({
    params: { month: m.month },
    cacheKey: cacheKeyOf(figureRows(m.articles)),
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) => {
  const archive = await loadArchive();
  const stories = archive.months.find((m) => m.month === params.month)?.articles ?? [];
  return new Response(figureCsv(figureRows(stories), site ?? 'http://localhost/'), {
    headers: { 'Content-Type': CSV_CONTENT_TYPE },
  });
};
