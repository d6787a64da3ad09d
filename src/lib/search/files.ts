/**
 * Every file of a built search index with its path under search-index/, as
 * the site serves them: for tools that write an index outside Astro (the
 * search benchmark).
 */
import type { BuiltIndex } from './build.ts';

export function indexFiles(index: BuiltIndex): Array<[path: string, contents: Uint8Array | string]> {
  return [
    ['manifest.json', JSON.stringify(index.manifest)],
    ['days.bin', index.days],
    ['sample.bin', index.sample],
    ...index.shards.map((s, n): [string, Uint8Array] => [`shards/${n}.bin`, s]),
    ...[...index.big].map(([n, b]): [string, Uint8Array] => [`big/${n}.bin`, b]),
    ...[...index.filters].map(([name, bitmap]): [string, Uint8Array] => [`filters/${name}.bin`, bitmap]),
    ...index.words.map((w, n): [string, Uint8Array] => [`words/${n}.bin`, w]),
    ...index.docs.map((d): [string, string] => [`docs/${d.n}.json`, JSON.stringify(d)]),
  ];
}
