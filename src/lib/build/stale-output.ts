/**
 * Which files in dist/ a build did not produce. Astro normally empties
 * dist/ before a build and, with incremental builds, copies every unchanged
 * page back from its cache: at a decade of pages that copy is most of a
 * rebuild. So dist/ is kept (astro.config.mjs: vite.build.emptyOutDir off)
 * and, once the build is done, the files it did not produce this time — the
 * pages of a deleted story, a list page that no longer exists, last build's
 * scripts and styles — are deleted, leaving the tree a clean build gives.
 */

/** What one build produced, as paths relative to dist/ with forward slashes. */
export interface BuildOutput {
  /** Every file the routes wrote or kept (rendered, restored or left in place as unchanged). */
  routeFiles: Iterable<string>;
  /** Every file Vite wrote this build (the scripts, styles and assets under `_astro/`). */
  bundleFiles: Iterable<string>;
  /** Every file in public/, which Astro copies to dist/ as it is. */
  publicFiles: Iterable<string>;
}

/**
 * The files present in dist/ that this build did not produce, sorted. The
 * sitemap is not in the output: its integration writes it after this check
 * runs (astro.config.mjs orders them so), so an old sitemap file is deleted
 * and the current ones written afresh.
 */
export function staleFiles(present: Iterable<string>, output: BuildOutput): string[] {
  const produced = new Set<string>([...output.routeFiles, ...output.bundleFiles, ...output.publicFiles]);
  return [...present].filter((file) => !produced.has(file)).sort();
}

/** The folders left empty once the given files are deleted, deepest first, so each can be removed in turn. */
export function emptiedFolders(present: Iterable<string>, deleted: Iterable<string>): string[] {
  const gone = new Set(deleted);
  const ancestors = (file: string) => {
    const parts = file.split('/');
    return parts.slice(0, -1).map((_, i) => parts.slice(0, i + 1).join('/'));
  };
  const kept = new Set<string>();
  const touched = new Set<string>();
  for (const file of present) {
    for (const folder of ancestors(file)) (gone.has(file) ? touched : kept).add(folder);
  }
  return [...touched]
    .filter((folder) => !kept.has(folder))
    .sort((a, b) => b.split('/').length - a.split('/').length || (a < b ? -1 : 1));
}
