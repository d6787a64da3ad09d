// @ts-check
import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';

export default defineConfig({
  // The address the archive is published at; canonical links, Open Graph and the sitemap use it.
  site: process.env.SITE_URL ?? 'https://liaocheng-archive.example',
  trailingSlash: 'always',
  integrations: [sitemap()],
  vite: {
    // Pre-bundled when `astro dev` starts, so opening search does not make Vite reload the page mid-load.
    optimizeDeps: { include: ['fuse.js'] },
  },
});
