import type { APIRoute, GetStaticPaths } from 'astro';
import { loadArchive } from '../../../lib/site/archive.ts';

export const getStaticPaths = (async () => {
  const { months } = await loadArchive();
  return months.map((m) => ({ params: { month: m.month } }));
}) satisfies GetStaticPaths;

/** The article records of one month (by the story's date), newest first. */
export const GET: APIRoute = async ({ params }) => {
  const { months } = await loadArchive();
  const articles = months.find((m) => m.month === params.month)?.articles ?? [];
  return new Response(JSON.stringify({ month: params.month, count: articles.length, articles }), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
