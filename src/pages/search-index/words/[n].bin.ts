import type { APIRoute, GetStaticPaths } from 'astro';
import { binary, loadSearchIndex } from '../../../lib/site/search-index.ts';
import { cacheKeyOf } from '../../../lib/site/cache-key.ts';

export const getStaticPaths = (async () => {
  const { words } = await loadSearchIndex();
  return words.map((bytes, n) => ({ params: { n: String(n) }, cacheKey: cacheKeyOf(bytes) }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) =>
  binary((await loadSearchIndex()).words[Number(params.n)] ?? new Uint8Array());
