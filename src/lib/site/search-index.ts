/** The search index for the archive the site is built from, built once per build. */
import { createHash } from 'node:crypto';
import { loadArchive } from './archive.ts';
import { buildSearchIndex, type BuiltIndex } from '../search/build.ts';

let cached: { key: string; index: BuiltIndex } | null = null;

export async function loadSearchIndex(): Promise<BuiltIndex> {
  const { articles, people } = await loadArchive();
  // In a build the archive never changes; in `astro dev` it may, between any two requests.
  const key = import.meta.env.DEV ? createHash('sha1').update(JSON.stringify(articles)).digest('hex') : 'build';
  if (cached?.key !== key) cached = { key, index: buildSearchIndex(articles, people) };
  return cached.index;
}

export const binary = (bytes: Uint8Array) =>
  new Response(new Uint8Array(bytes), { headers: { 'Content-Type': 'application/octet-stream' } });

export const json = (value: unknown) =>
  new Response(JSON.stringify(value), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
