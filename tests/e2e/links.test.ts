/** Every internal link in the built site resolves (fragments included). */
import { LinkChecker } from 'linkinator';
import { describe, expect, it } from 'vitest';
import { baseUrl } from './browser.ts';

describe('links', () => {
  it('every internal link in dist/ resolves', async () => {
    const base = baseUrl();
    const checker = new LinkChecker();
    const result = await checker.check({
      path: `${base}/`,
      recurse: true,
      checkFragments: true,
      concurrency: 8,
      // No network here: only the site's own pages are checked.
      linksToSkip: async (link) => !link.startsWith(base),
    });
    const broken = result.links
      .filter((l) => l.state === 'BROKEN')
      .map((l) => `${l.status} ${l.url} (from ${l.parent})`);
    expect(broken).toEqual([]);
    // A real crawl: the archive's pages were reached, not just the home page.
    expect(result.links.filter((l) => l.url.includes('/articles/')).length).toBeGreaterThan(40);
  });
});
