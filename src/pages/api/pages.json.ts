import type { APIRoute } from 'astro';
import { loadArchive } from '../../lib/site/archive.ts';

/** Every page record (issue date, layout, leftovers, warnings). */
export const GET: APIRoute = async () => {
  const { pages } = await loadArchive();
  return new Response(JSON.stringify({ count: pages.length, pages }), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
