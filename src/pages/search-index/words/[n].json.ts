import type { APIRoute, GetStaticPaths } from 'astro';
import { json, loadSearchIndex } from '../../../lib/site/search-index.ts';

export const getStaticPaths = (async () => {
  const { words } = await loadSearchIndex();
  return words.map((_, n) => ({ params: { n: String(n) } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => json((await loadSearchIndex()).words[Number(params.n)] ?? null);
