/**
 * The archive from the content collections, built once per build (and fresh
 * on every request in `astro dev`, where the collections change under it).
 */
import { getCollection } from 'astro:content';
import { indexArchive, type Archive } from './archive-index.ts';
import { oncePerBuild } from './once-per-build.ts';

export { relatedTo, PAGE_SIZE, type Archive, type Issue } from './archive-index.ts';

/** The archive's indexes, built once per build. */
export const loadArchive = oncePerBuild(build);

async function build(): Promise<Archive> {
  return indexArchive(
    (await getCollection('articles')).map((e) => e.data),
    (await getCollection('pages')).map((e) => e.data),
  );
}
