import type { APIRoute, GetStaticPaths } from 'astro';
import { json, loadSearchIndex, searchDoc } from '../../../lib/site/search-index.ts';
import { cacheKeyOf } from '../../../lib/site/cache-key.ts';

// One file a story, at its search number (a deleted story's number has none).
export const getStaticPaths = (async () => {
  const { docs } = await loadSearchIndex();
  return docs.map((d) => ({ params: { n: String(d.n) }, cacheKey: cacheKeyOf(d) }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => json((await searchDoc(Number(params.n))) ?? null);
