import type { APIRoute, GetStaticPaths } from 'astro';
import { binary, loadSearchIndex } from '../../../lib/site/search-index.ts';
import { cacheKeyOf } from '../../../lib/site/cache-key.ts';

export const getStaticPaths = (async () => {
  const { shards } = await loadSearchIndex();
  return shards.map((bytes, n) => ({ params: { n: String(n) }, cacheKey: cacheKeyOf(bytes) }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const { shards } = await loadSearchIndex();
  return binary(shards[Number(params.n)] ?? new Uint8Array());
};
