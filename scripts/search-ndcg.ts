/**
 * npm run search:ndcg [-- --sizes seeds,10000 --rerank 10,20]
 *
 * The engine's ranking against the hand judgments (tests/search-judgments.json),
 * in Node, without a browser: nDCG@10 per corpus and per re-ranking depth
 * (how many of the best candidates Fuse re-ranks), side by side, and the
 * queries where the depths disagree. What bench:search measures in Chromium
 * against Pagefind, for the engine alone and in seconds: the way to try a
 * ranking change.
 */
import { parseArgs } from 'node:util';
import { buildSearchIndex } from '../src/lib/search/build.ts';
import { SearchEngine } from '../src/lib/search/engine.ts';
import { indexFiles } from '../src/lib/search/files.ts';
import { meanOf, ndcgOfIds } from './lib/bench-search-stats.ts';
import { gradesFor, storiesFor } from './lib/search-corpus.ts';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: 'seeds,10000' },
    rerank: { type: 'string', default: '10,20' },
  },
});
const depths = values.rerank.split(',').map(Number);

const rows: Array<Record<string, string>> = [];
for (const size of values.sizes.split(',')) {
  const stories = storiesFor(size);
  const files = new Map(indexFiles(buildSearchIndex(stories)));
  const load = {
    json: async <T>(p: string) => JSON.parse(files.get(p) as string) as T,
    bytes: async (p: string) => files.get(p) as Uint8Array,
  };
  const grades = gradesFor(stories);
  const perDepth = new Map<number, Map<string, number | null>>();
  for (const rerank of depths) {
    const engine = new SearchEngine(load, { rerank });
    const perQuery = new Map<string, number | null>();
    for (const [q, g] of grades) {
      const ids = (await engine.search(q)).hits.map((h) => h.id);
      perQuery.set(q, ndcgOfIds(10, ids, g.byId, g.ideal));
    }
    perDepth.set(rerank, perQuery);
    const scores = [...perQuery.values()];
    rows.push({
      corpus: size === 'seeds' ? 'seeds' : `${stories.length} stories`,
      'Fuse re-ranks': String(rerank),
      'nDCG@10': meanOf(scores)?.toFixed(3) ?? '—',
      'judged queries': String(scores.filter((x) => x !== null).length),
    });
  }
  const [first, ...rest] = depths.map((d) => perDepth.get(d) ?? new Map<string, number | null>());
  for (const [q, v] of first ?? []) {
    const others = rest.map((m) => m.get(q));
    if (others.some((o) => o !== v))
      console.log(
        `${size}: ${q}: ${[v, ...others].map((x) => x?.toFixed(3) ?? '—').join(' / ')} (${depths.join(' / ')})`,
      );
  }
}
console.table(rows);
