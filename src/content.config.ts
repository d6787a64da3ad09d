import { defineCollection } from 'astro:content';
import { seedLoader } from './lib/content/seed-loader.ts';

export const collections = {
  articles: defineCollection({ loader: seedLoader({ base: 'seeds', kind: 'articles' }) }),
  pages: defineCollection({ loader: seedLoader({ base: 'seeds', kind: 'pages' }) }),
};
