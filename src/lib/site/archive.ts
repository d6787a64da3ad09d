/**
 * The archive from the content collections, built once per build (and fresh
 * on every request in `astro dev`, where the collections change under it).
 */
import { getCollection } from 'astro:content';
import { indexArchive, type Archive } from './archive-index.ts';

export { relatedTo, PAGE_SIZE, type Archive, type Issue } from './archive-index.ts';

let cached: Promise<Archive> | null = null;

export function loadArchive(): Promise<Archive> {
  // In `astro dev` the collections change under a running server: never serve a stale index.
  if (import.meta.env.DEV) return build();
  cached ??= build();
  return cached;
}

async function build(): Promise<Archive> {
  return indexArchive(
    (await getCollection('articles')).map((e) => e.data),
    (await getCollection('pages')).map((e) => e.data),
  );
}
