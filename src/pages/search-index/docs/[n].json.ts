import type { APIRoute, GetStaticPaths } from 'astro';
import { json, loadSearchIndex } from '../../../lib/site/search-index.ts';
import { cacheKeyOf } from '../../../lib/site/cache-key.ts';

export const getStaticPaths = (async () => {
  const { docs } = await loadSearchIndex();
  return docs.map((d) => ({ params: { n: String(d.n) }, cacheKey: cacheKeyOf(d) }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => json((await loadSearchIndex()).docs[Number(params.n)] ?? null);
