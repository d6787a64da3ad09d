// @ts-check
import { defineConfig } from 'astro/config';

export default defineConfig({
  site: 'https://liaocheng-archive.example',
  trailingSlash: 'always',
});
