import type { APIRoute, GetStaticPaths } from 'astro';
import type { Page } from '../../../lib/schema.ts';
import { loadArchive } from '../../../lib/site/archive.ts';
import { cacheKeyOf } from '../../../lib/site/cache-key.ts';

const yearOf = (issueDate: string | null) => issueDate?.slice(0, 4) ?? 'undated';

/**
 * The file of one year: the page records (issue date, layout, furniture, leftovers) dated in it.
 * Warnings are for editors (npm run check:seeds, the build log), not the public.
 */
function yearFile(pages: readonly Page[], year: string) {
  const ofYear = pages.filter((p) => yearOf(p.issueDate) === year).map((page) => ({ ...page, warnings: undefined }));
  return { year, count: ofYear.length, pages: ofYear };
}

export const getStaticPaths = (async () => {
  const { pages } = await loadArchive();
  return [...new Set(pages.map((p) => yearOf(p.issueDate)))].map((year) => ({
    params: { year },
    cacheKey: cacheKeyOf(yearFile(pages, year)),
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const { pages } = await loadArchive();
  return new Response(JSON.stringify(yearFile(pages, params.year ?? '')), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
