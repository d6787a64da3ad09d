import { defineCollection } from 'astro:content';
import { seedLoader } from './lib/content/seed-loader.ts';
import { movedArticlesLoader } from './lib/content/moved-loader.ts';
import { SEEDS_FOLDER as base } from './lib/seeds-folder.ts';

export const collections = {
  articles: defineCollection({ loader: seedLoader({ base, kind: 'articles' }) }),
  pages: defineCollection({ loader: seedLoader({ base, kind: 'pages' }) }),
  // Old ids of stories whose id changed (the id ledger, seeds/ids.json): each becomes a redirect page.
  movedArticles: defineCollection({ loader: movedArticlesLoader({ base }) }),
};
