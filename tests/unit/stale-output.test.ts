import { describe, expect, it } from 'vitest';
import { emptiedFolders, staleFiles } from '../../src/lib/build/stale-output.ts';

// dist/ after a rebuild that kept the last build's tree: story b was deleted, the list lost its second
// page, the styles changed hash, and the sitemap is about to be written again.
const present = [
  '404.html',
  '_astro/Base.NEW.css',
  '_astro/Base.OLD.css',
  '_astro/search-worker-1.js',
  'articles/a/index.html',
  'articles/b/index.html',
  'articles/b.json',
  'counties/x/1/index.html',
  'counties/x/2/index.html',
  'favicon.svg',
  'robots.txt',
  'sitemap-0.xml',
  'sitemap-index.xml',
];
const output = {
  routeFiles: ['404.html', 'articles/a/index.html', 'counties/x/1/index.html'],
  bundleFiles: new Set(['_astro/Base.NEW.css', '_astro/search-worker-1.js', 'chunks/prerender.mjs']),
  publicFiles: ['favicon.svg', 'robots.txt'],
};

describe('staleFiles', () => {
  it('is every file the build did not produce: a deleted story’s, a vanished list page, last build’s styles, the old sitemap', () => {
    expect(staleFiles(present, output)).toEqual([
      '_astro/Base.OLD.css',
      'articles/b.json',
      'articles/b/index.html',
      'counties/x/2/index.html',
      'sitemap-0.xml',
      'sitemap-index.xml',
    ]);
  });

  it('keeps public/ files, this build’s bundle and every route file, and deletes nothing from a tree the build wrote itself', () => {
    const fresh = [...output.routeFiles, ...output.bundleFiles, ...output.publicFiles];
    expect(staleFiles(fresh, output)).toEqual([]);
  });
});

describe('emptiedFolders', () => {
  it('is the folders left with nothing, deepest first, and not a folder that keeps a file', () => {
    const stale = staleFiles(present, output);
    expect(emptiedFolders(present, stale)).toEqual(['counties/x/2', 'articles/b']);
    expect(emptiedFolders(['a/b/c/d.html', 'a/e.html'], ['a/b/c/d.html'])).toEqual(['a/b/c', 'a/b']);
  });
});
