import type { APIRoute, GetStaticPaths } from 'astro';
import { loadArchive } from '../../../lib/site/archive.ts';

const yearOf = (issueDate: string | null) => issueDate?.slice(0, 4) ?? 'undated';

export const getStaticPaths = (async () => {
  const { pages } = await loadArchive();
  return [...new Set(pages.map((p) => yearOf(p.issueDate)))].map((year) => ({ params: { year } }));
}) satisfies GetStaticPaths;

/**
 * The page records (issue date, layout, furniture, leftovers) of one year.
 * Warnings are for editors (npm run check:seeds, the build log), not the public.
 */
export const GET: APIRoute = async ({ params }) => {
  const pages = (await loadArchive()).pages
    .filter((p) => yearOf(p.issueDate) === params.year)
    .map((page) => ({ ...page, warnings: undefined }));
  return new Response(JSON.stringify({ year: params.year, count: pages.length, pages }), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
