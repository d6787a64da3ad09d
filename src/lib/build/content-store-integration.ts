/**
 * Lets `astro build` read the content store from its file when the pages
 * are prerendered, instead of bundling it into the server build.
 *
 * Astro turns the whole content store (.astro-cache/data-store.json: every
 * story of the archive, 184 MB at 10,000 pages) into one module of the
 * server bundle, `export default JSON.parse("…")`: the file is quoted into a
 * string, the bundler reads and writes it, and Node then parses a JavaScript
 * file of that size and keeps its source for as long as the build runs. At
 * 10,000 pages that step alone took the main heap to 3.1 GB, the peak of the
 * whole build (docs/benchmarks.md). Here the module reads and parses the file
 * itself: the records are built once, from a string that is dropped straight
 * after.
 *
 * Only for a static build, which prerenders on the machine that synced the
 * content (the file is there); `astro dev` keeps Astro's own module. The
 * module's code names the file, not its contents, so a changed story does
 * not change the server bundle: the incremental build's page keys carry the
 * data (cache-key.ts).
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** The virtual module Astro serves the content store from (astro/dist/content/consts.js). */
const CONTENT_STORE_MODULE = '\0astro:data-layer-content';
/** The file Astro's content sync writes the store to, in its cacheDir (astro/dist/content/paths.js). */
const CONTENT_STORE_FILE = 'data-store.json';

/** The module's code: the store as Astro's runtime expects it (devalue's flattened array), read when first imported. */
export function contentStoreModule(file: string): string {
  return [
    `import { existsSync, readFileSync } from 'node:fs';`,
    `const file = ${JSON.stringify(file)};`,
    `export default existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : new Map();`,
  ].join('\n');
}

export function contentStoreIntegration(): AstroIntegration {
  let file = '';
  return {
    name: 'content-store-from-file',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        // A chunked store (experimental.collectionStorage) is other files, read Astro's way.
        const singleFile = (config.experimental.collectionStorage ?? 'single-file') === 'single-file';
        if (command !== 'build' || config.output !== 'static' || !singleFile) return;
        file = fileURLToPath(new URL(CONTENT_STORE_FILE, config.cacheDir));
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'content-store-from-file',
                load: {
                  // Before Astro's own loader of the module, which would otherwise answer first.
                  order: 'pre',
                  filter: { id: new RegExp(`^${CONTENT_STORE_MODULE}$`, 'u') },
                  handler: (id: string) => (id === CONTENT_STORE_MODULE ? contentStoreModule(file) : null),
                },
              },
            ],
          },
        });
      },
    },
  };
}
