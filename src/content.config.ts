import { defineCollection } from 'astro:content';
import { seedLoader } from './lib/content/seed-loader.ts';
import { movedArticlesLoader } from './lib/content/moved-loader.ts';

// SEEDS_DIR points the site at another folder of pages (a corpus, a test's fixtures).
const base = process.env.SEEDS_DIR ?? 'seeds';

export const collections = {
  articles: defineCollection({ loader: seedLoader({ base, kind: 'articles' }) }),
  pages: defineCollection({ loader: seedLoader({ base, kind: 'pages' }) }),
  // Old ids of stories whose id changed (the id ledger, seeds/ids.json): each becomes a redirect page.
  movedArticles: defineCollection({ loader: movedArticlesLoader({ base }) }),
};
