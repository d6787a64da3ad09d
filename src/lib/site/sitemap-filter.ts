/**
 * The sitemap lists only pages worth indexing: not the redirect pages left at
 * the old addresses of stories whose id changed. Which those are, the build
 * has just written to the id ledger (every id with a movedTo).
 */
import { readIdLedger } from '../id-ledger-file.ts';
import { articleUrl } from './routes.ts';

export function withoutMovedStories(seedsDir: string): (url: string) => boolean {
  let moved: Set<string> | null = null;
  return (url) => {
    // Read when the sitemap is written, after the build has updated the ledger.
    moved ??= new Set(
      Object.values(readIdLedger(seedsDir).ledger.pages).flatMap((ids) =>
        Object.entries(ids).flatMap(([id, entry]) => (entry.movedTo ? [articleUrl(id)] : [])),
      ),
    );
    return !moved.has(new URL(url).pathname);
  };
}
