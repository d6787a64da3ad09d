/**
 * Stories whose id changed, for the redirect pages and the search numbers:
 * the old ids the id ledger (seeds/ids.json) still maps to a live story.
 */
import { getCollection } from 'astro:content';

type Moves = Array<{ from: string; to: string }>;

let cached: Promise<Moves> | null = null;

/** Read once per build (Astro warns each time it reads an empty collection); fresh on every request in `astro dev`. */
export function movedArticles(): Promise<Moves> {
  if (import.meta.env.DEV) return read();
  cached ??= read();
  return cached;
}

async function read(): Promise<Moves> {
  return (await getCollection('movedArticles')).map((e) => ({ from: e.id, to: e.data.to }));
}
