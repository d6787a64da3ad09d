/**
 * Stories whose id changed, for the redirect pages and the sitemap: the old
 * ids the id ledger (seeds/ids.json) still maps to a live story.
 */
import { getCollection } from 'astro:content';

export async function movedArticles(): Promise<Array<{ from: string; to: string }>> {
  return (await getCollection('movedArticles')).map((e) => ({ from: e.id, to: e.data.to }));
}
