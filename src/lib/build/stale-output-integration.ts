/**
 * Keeps dist/ between builds and deletes, when a build is done, the files
 * it did not produce (stale-output.ts). Astro would otherwise empty dist/
 * first and copy every unchanged page back from the incremental cache,
 * which at 30,000 pages is most of a rebuild; with dist/ kept, an unchanged
 * page is simply left where it is.
 *
 * A build that stops half way leaves dist/ holding pages newer than the
 * cache's record of them, which the next build would then trust; so a
 * marker in the cache folder says a build is under way, and a build that
 * finds one left behind empties dist/ first, as Astro would have.
 */
import { existsSync, mkdirSync, readdirSync, rmSync, rmdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { emptiedFolders, staleFiles } from './stale-output.ts';

const MARKER = 'build-under-way';
/** Astro's record of the last build's pages (core/build/incremental.js), in the same folder. */
const INCREMENTAL_MANIFEST = 'incremental-build.json';

/** Every file under a folder, as paths relative to it with forward slashes ([] when there is no such folder). */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => !entry.isDirectory())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
}

export function staleOutputIntegration(): AstroIntegration {
  let outDir = '';
  let publicDir = '';
  let cacheDir = '';
  let marker = '';
  /** What Vite wrote this build, in every environment, relative to its output folder (`_astro/…`). */
  const bundleFiles = new Set<string>();
  return {
    name: 'stale-output',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        if (command !== 'build') return;
        updateConfig({
          vite: {
            build: { emptyOutDir: false },
            plugins: [
              {
                name: 'stale-output:bundle-files',
                writeBundle: (_options, bundle) => {
                  for (const fileName of Object.keys(bundle)) bundleFiles.add(fileName);
                },
              },
            ],
          },
        });
      },
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
        publicDir = fileURLToPath(config.publicDir);
        cacheDir = fileURLToPath(config.cacheDir);
        marker = path.join(cacheDir, MARKER);
      },
      'astro:build:start': ({ logger }) => {
        if (existsSync(marker)) {
          // Its pages in dist/ and in the cache may be newer than the record of them: build everything afresh.
          logger.warn('the last build did not finish: this one renders every page again');
          rmSync(outDir, { recursive: true, force: true });
          rmSync(path.join(cacheDir, INCREMENTAL_MANIFEST), { force: true });
        }
        mkdirSync(cacheDir, { recursive: true });
        writeFileSync(marker, '');
      },
      'astro:build:done': ({ dir, assets, logger }) => {
        const root = fileURLToPath(dir);
        const routeFiles = [...assets.values()]
          .flat()
          .map((url) => path.relative(root, fileURLToPath(url)).split(path.sep).join('/'));
        const present = filesUnder(root);
        const stale = staleFiles(present, { routeFiles, bundleFiles, publicFiles: filesUnder(publicDir) });
        for (const file of stale) rmSync(path.join(root, file));
        for (const folder of emptiedFolders(present, stale)) rmdirSync(path.join(root, folder));
        if (stale.length > 0) logger.info(`deleted ${stale.length} file(s) this build did not produce`);
        rmSync(marker, { force: true });
      },
    },
  };
}
