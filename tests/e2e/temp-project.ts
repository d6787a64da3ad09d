/**
 * A copy of the site in a temporary folder with a seeds/ folder of its own,
 * so a test can run Astro on other pages without touching the real seeds/,
 * dist/ or data store (and an editor's own `npm run dev` keeps running).
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export function tempProject(prefix: string): { root: string; seeds: string } {
  const root = mkdtempSync(path.join(tmpdir(), prefix));
  // Sources are copied (Astro's compile cache keys on real paths); dependencies are linked.
  for (const entry of ['src', 'public', 'package.json', 'astro.config.mjs', 'tsconfig.json']) {
    if (existsSync(entry)) cpSync(path.resolve(entry), path.join(root, entry), { recursive: true });
  }
  symlinkSync(path.resolve('node_modules'), path.join(root, 'node_modules'));
  const seeds = path.join(root, 'seeds');
  mkdirSync(seeds);
  return { root, seeds };
}

/** The environment to run Astro in, without the test runner's variables (under VITEST, Vite behaves differently). */
export const astroEnv = (extra: Record<string, string> = {}) => ({
  ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST') && k !== 'TEST')),
  ...extra,
});
