/** The search index for the archive the site is built from, built once per build. */
import { createHash } from 'node:crypto';
import { loadArchive, type Archive } from './archive.ts';
import { buildSearchIndex, type BuiltIndex } from '../search/build.ts';
import type { DocFile } from '../search/format.ts';
import { searchNumbers, storiesInOrder } from '../id-ledger.ts';
import { readIdLedger } from '../id-ledger-file.ts';
import { seedsFolderIn } from '../seeds-folder.ts';
import { movedArticles } from './moved.ts';

interface Built {
  index: BuiltIndex;
  byNumber: Map<number, DocFile>;
}

/** The index being built or built, with the archive it is for: every route that asks at once shares one. */
let cached: { key: string; built: Promise<Built> } | null = null;

/**
 * Every story's search number, as the build that is running writes them to
 * the id ledger (moved-loader.ts): the ledger on disk is the last build's
 * until this one is done, and the moves are this build's.
 */
async function numbersOf(archive: Archive): Promise<Map<string, number>> {
  const moves = new Map((await movedArticles()).map((m) => [m.from, m.to]));
  const pages = archive.pages.map((p) => ({ file: p.file, stories: p.articleIds.map((id) => ({ id })) }));
  return searchNumbers(readIdLedger(seedsFolderIn()).ledger, storiesInOrder(pages), moves);
}

async function current(): Promise<Built> {
  const archive = await loadArchive();
  // In a build the archive never changes; in `astro dev` it may, between any two requests.
  const key = import.meta.env.DEV ? createHash('sha1').update(JSON.stringify(archive.articles)).digest('hex') : 'build';
  if (cached?.key !== key) cached = { key, built: build(archive) };
  return cached.built;
}

async function build(archive: Archive): Promise<Built> {
  const index = buildSearchIndex(archive.articles, archive.people, await numbersOf(archive));
  return { index, byNumber: new Map(index.docs.map((d) => [d.n, d])) };
}

export async function loadSearchIndex(): Promise<BuiltIndex> {
  return (await current()).index;
}

/** The search document at a number, or undefined for a number no story has. */
export async function searchDoc(n: number): Promise<DocFile | undefined> {
  return (await current()).byNumber.get(n);
}

export const binary = (bytes: Uint8Array) =>
  new Response(new Uint8Array(bytes), { headers: { 'Content-Type': 'application/octet-stream' } });

export const json = (value: unknown) =>
  new Response(JSON.stringify(value), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
