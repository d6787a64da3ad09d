/**
 * Stories whose id changed, for the redirect pages and the search numbers:
 * the old ids the id ledger (seeds/ids.json) still maps to a live story.
 * Read once per build: Astro warns each time it reads an empty collection.
 */
import { getCollection } from 'astro:content';
import { oncePerBuild } from './once-per-build.ts';

export const movedArticles = oncePerBuild(async (): Promise<Array<{ from: string; to: string }>> =>
  (await getCollection('movedArticles')).map((e) => ({ from: e.id, to: e.data.to })),
);
