// @ts-check
import path from 'node:path';
import { fileURLToPath, URL } from 'node:url';
import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';
import { withoutMovedStories } from './src/lib/site/sitemap-filter.ts';
import { idLedgerIntegration } from './src/lib/content/id-ledger-integration.ts';

// The seeds folder, as src/content.config.ts reads it (SEEDS_DIR, relative to the project).
const seedsDir = path.resolve(fileURLToPath(new URL('.', import.meta.url)), process.env.SEEDS_DIR ?? 'seeds');

export default defineConfig({
  // The address the archive is published at; canonical links, Open Graph and the sitemap use it.
  site: process.env.SITE_URL ?? 'https://liaocheng-archive.example',
  trailingSlash: 'always',
  integrations: [
    // Writes the id ledger (seeds/ids.json) the content loader staged, when a build is done (never in astro check, sync or dev).
    // First: hooks run in this order, and the sitemap's filter reads the ledger just written.
    idLedgerIntegration(),
    // Redirect pages at the old addresses of stories whose id changed are not listed.
    sitemap({ filter: withoutMovedStories(seedsDir) }),
  ],
  vite: {
    // Pre-bundled when `astro dev` starts, so opening search does not make Vite reload the page mid-load.
    optimizeDeps: { include: ['fuse.js'] },
  },
});
