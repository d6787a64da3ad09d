import type { APIRoute, GetStaticPaths } from 'astro';
import { loadArchive } from '../../lib/site/archive.ts';
import { figureRows } from '../../lib/site/figure-rows.ts';
import { CSV_CONTENT_TYPE, figureCsv } from '../../lib/site/figure-csv.ts';
import { recordKey } from '../../lib/site/cache-key.ts';

// A story's 文中数据 as CSV, for the stories that have figures. The rows come from the record alone (figureRows), so the file is keyed on it.
export const getStaticPaths = (async () => {
  const archive = await loadArchive();
  return archive.articles
    .filter((a) => a.figures.length > 0)
    .map((a) => ({ params: { id: a.id }, cacheKey: recordKey(a) }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) => {
  const archive = await loadArchive();
  const article = archive.article(params.id ?? '');
  return new Response(figureCsv(figureRows(article ? [article] : []), site ?? 'http://localhost/'), {
    headers: { 'Content-Type': CSV_CONTENT_TYPE },
  });
};
