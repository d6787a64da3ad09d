import type { APIRoute, GetStaticPaths } from 'astro';
import { binary, loadSearchIndex } from '../../../lib/site/search-index.ts';
import { cacheKeyOf } from '../../../lib/site/cache-key.ts';

export const getStaticPaths = (async () => {
  const { big } = await loadSearchIndex();
  return [...big].map(([n, bytes]) => ({ params: { n: String(n) }, cacheKey: cacheKeyOf(bytes) }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const { big } = await loadSearchIndex();
  return binary(big.get(Number(params.n)) ?? new Uint8Array());
};
