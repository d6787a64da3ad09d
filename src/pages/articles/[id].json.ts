import type { APIRoute, GetStaticPaths } from 'astro';
import { loadArchive } from '../../lib/site/archive.ts';
import { recordKey } from '../../lib/site/cache-key.ts';

export const getStaticPaths = (async () => {
  const archive = await loadArchive();
  return archive.articles.map((a) => ({ params: { id: a.id }, cacheKey: recordKey(a) }));
}) satisfies GetStaticPaths;

/** One article's record, as the parser wrote it. */
export const GET: APIRoute = async ({ params }) => {
  const archive = await loadArchive();
  return new Response(JSON.stringify(archive.article(params.id ?? ''), null, 2), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
