import type { APIRoute } from 'astro';
import { loadArchive } from '../../lib/site/archive.ts';

/** Every article record, newest first. */
export const GET: APIRoute = async () => {
  const { articles } = await loadArchive();
  return new Response(JSON.stringify({ count: articles.length, articles }), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
