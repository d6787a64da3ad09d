import type { APIRoute, GetStaticPaths } from 'astro';
import { binary, loadSearchIndex } from '../../../lib/site/search-index.ts';
import { cacheKeyOf } from '../../../lib/site/cache-key.ts';

export const getStaticPaths = (async () => {
  const { filters } = await loadSearchIndex();
  return [...filters].map(([name, bytes]) => ({ params: { name }, cacheKey: cacheKeyOf(bytes) }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const { filters } = await loadSearchIndex();
  return binary(filters.get(params.name ?? '') ?? new Uint8Array());
};
