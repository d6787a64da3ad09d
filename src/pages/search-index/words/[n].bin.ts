import type { APIRoute, GetStaticPaths } from 'astro';
import { binary, loadSearchIndex } from '../../../lib/site/search-index.ts';

export const getStaticPaths = (async () => {
  const { words } = await loadSearchIndex();
  return words.map((_, n) => ({ params: { n: String(n) } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) =>
  binary((await loadSearchIndex()).words[Number(params.n)] ?? new Uint8Array());
