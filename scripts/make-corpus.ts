/**
 * npm run make-corpus -- N DIR [--seed S] [--seeds DIR]
 * Writes N synthetic pages recombined from the seeds' stories into DIR, and
 * DIR/corpus.json describing what each page holds. Same seed, same pages.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { makeCorpus } from '../src/lib/corpus.ts';
import { parseSeedDir } from '../src/lib/seeds.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { seed: { type: 'string', default: '1' }, seeds: { type: 'string', default: 'seeds' } },
});
const [count, dir] = positionals;
if (!count || !dir || !/^\d+$/u.test(count)) {
  console.error('usage: npm run make-corpus -- N DIR [--seed S]');
  process.exit(2);
}
const sources = parseSeedDir(values.seeds).flatMap((r) => (r.ok ? r.parsed.articles : []));
const pages = makeCorpus(sources, { pages: Number(count), seed: Number(values.seed) });
mkdirSync(dir, { recursive: true });
let bytes = 0;
for (const p of pages) {
  writeFileSync(path.join(dir, p.file), p.bytes);
  bytes += p.bytes.length;
}
const manifest = pages.map((p) => ({
  file: p.file,
  encoding: p.encoding,
  date: p.date,
  layout: p.layout,
  wrapped: p.wrapped,
  stories: p.stories,
}));
writeFileSync(
  path.join(dir, 'corpus.json'),
  JSON.stringify({ seed: Number(values.seed), pages: manifest }, null, 1) + '\n',
);
const stories = pages.reduce((n, p) => n + p.stories.length, 0);
console.log(`wrote ${pages.length} pages, ${stories} stories, ${(bytes / 1e6).toFixed(2)} MB to ${dir}`);
