// @ts-check
import { fileURLToPath, URL } from 'node:url';
import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';
import { withoutMovedStories } from './src/lib/site/sitemap-filter.ts';
import { idLedgerIntegration } from './src/lib/content/id-ledger-integration.ts';
import { staleOutputIntegration } from './src/lib/build/stale-output-integration.ts';
import { contentStoreIntegration } from './src/lib/build/content-store-integration.ts';
import { seedsFolderIn } from './src/lib/seeds-folder.ts';

// The seeds folder, as src/content.config.ts reads it (SEEDS_DIR, relative to the project).
const seedsDir = seedsFolderIn(fileURLToPath(new URL('.', import.meta.url)));

export default defineConfig({
  // The address the archive is published at; canonical links, Open Graph and the sitemap use it.
  site: process.env.SITE_URL ?? 'https://liaocheng-archive.example',
  trailingSlash: 'always',
  // The build's own cache — the content data store and, for incremental builds, the last build's pages —
  // kept inside the project: the default (node_modules/.astro) is shared by every copy of the project
  // that links node_modules (the test and benchmark projects), which would then reuse each other's pages.
  cacheDir: './.astro-cache',
  experimental: {
    // A page whose getStaticPaths() cacheKey (a digest of what it shows: src/lib/site/cache-key.ts) and
    // module graph are unchanged is copied from the last build instead of rendered (README: Incremental builds).
    incrementalBuild: true,
  },
  integrations: [
    // Writes the id ledger (seeds/ids.json) the content loader staged, when a build is done (never in astro check, sync or dev).
    // First: hooks run in this order, and the sitemap's filter reads the ledger just written.
    idLedgerIntegration(),
    // Keeps dist/ between builds (unchanged pages stay put) and, when a build is done, deletes what it did not
    // produce. Before the sitemap, which then writes its files afresh.
    staleOutputIntegration(),
    // The prerendered pages read the content store from its file, not from a copy bundled into the server build.
    contentStoreIntegration(),
    // Redirect pages at the old addresses of stories whose id changed are not listed.
    sitemap({ filter: withoutMovedStories(seedsDir) }),
  ],
  vite: {
    // Pre-bundled when `astro dev` starts, so opening search does not make Vite reload the page mid-load.
    optimizeDeps: { include: ['fuse.js'] },
  },
});
