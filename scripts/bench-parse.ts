/**
 * npm run bench:parse [-- --pages N --seed S]
 * Parse throughput on a generated corpus (by default 3,000 pages, a year of
 * the paper) page by page, and on one 10 MB page, which must parse in linear
 * time; then the hostile shapes (src/lib/hostile-pages.ts) at 1 MB each and
 * a 2 MB sidecar, each of which must stay within a few seconds. Prints a
 * table; no pass/fail.
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import { makeCorpus } from '../src/lib/corpus.ts';
import { decodeBytes } from '../src/lib/parser/decode.ts';
import { parsePage } from '../src/lib/parser/index.ts';
import { parseSeedDir } from '../src/lib/seeds.ts';
import { parseInParallel } from '../src/lib/parse-pool.ts';
import { HOSTILE_SHAPES, hugeSidecar } from '../src/lib/hostile-pages.ts';
import { parseSidecarText } from '../src/lib/sidecar.ts';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const { values } = parseArgs({
  options: { pages: { type: 'string', default: '3000' }, seed: { type: 'string', default: '1' } },
});
const sources = parseSeedDir('seeds').flatMap((r) => (r.ok ? r.parsed.articles : []));
const corpus = makeCorpus(sources, { pages: Number(values.pages), seed: Number(values.seed) });
const texts = corpus.map((p) => {
  const d = decodeBytes(p.bytes);
  return { file: p.file, text: d.ok ? d.text : '' };
});
const mb = (s: string) => Buffer.byteLength(s, 'utf8') / 1e6;

function time(label: string, inputs: Array<{ file: string; text: string }>) {
  const size = inputs.reduce((n, x) => n + mb(x.text), 0);
  const t0 = performance.now();
  let articles = 0;
  for (const x of inputs) articles += parsePage(x).articles.length;
  const s = (performance.now() - t0) / 1000;
  return {
    label,
    MB: size.toFixed(2),
    seconds: s.toFixed(2),
    'MB/s': (size / s).toFixed(2),
    articles,
    'articles/s': Math.round(articles / s),
  };
}

// A first pass pays for the JIT warming up, as a one-off build does; the
// second shows the rate a long build settles at.
const rows = [
  time(`${corpus.length} generated pages, one thread, first pass`, texts),
  time(`${corpus.length} generated pages, one thread, second pass`, texts),
];

// The same pages as files, parsed on every core (as a full build does).
const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-parse-'));
const files = corpus.map((p) => {
  const file = path.join(dir, p.file);
  writeFileSync(file, p.bytes);
  return file;
});
const size = texts.reduce((n, x) => n + mb(x.text), 0);
const tp = performance.now();
const parsed = await parseInParallel(files);
const sp = (performance.now() - tp) / 1000;
const storiesParallel = [...parsed.values()].reduce((n, r) => n + (r.ok ? r.parsed.articles.length : 0), 0);
rows.push({
  label: `${corpus.length} generated pages, ${os.availableParallelism()} threads (start-up included)`,
  MB: size.toFixed(2),
  seconds: sp.toFixed(2),
  'MB/s': (size / sp).toFixed(2),
  articles: storiesParallel,
  'articles/s': Math.round(storiesParallel / sp),
});
rmSync(dir, { recursive: true, force: true });
let big = '';
for (let i = 0; mb(big) < 10; i++) big += (texts[i % texts.length]?.text ?? '') + '\n\n';
rows.push(time('one 10 MB page', [{ file: 'big.txt', text: big }]));
let half = '';
for (let i = 0; mb(half) < 5; i++) half += (texts[i % texts.length]?.text ?? '') + '\n\n';
rows.push(time('one 5 MB page', [{ file: 'half.txt', text: half }]));

// Pages built to cost more than their size: each must stay linear.
for (const [shape, make] of Object.entries(HOSTILE_SHAPES)) {
  rows.push(time(`hostile: ${shape}, 1 MB`, [{ file: 'hostile.txt', text: make(1_000_000) }]));
}
const sidecar = hugeSidecar(40_000);
const ts = performance.now();
const fixes = parseSidecarText('big.meta.json', sidecar).fixes.length;
const ss = (performance.now() - ts) / 1000;
rows.push({
  label: `hostile: a ${mb(sidecar).toFixed(1)} MB sidecar (${fixes} corrections)`,
  MB: mb(sidecar).toFixed(2),
  seconds: ss.toFixed(2),
  'MB/s': (mb(sidecar) / ss).toFixed(2),
  articles: 0,
  'articles/s': 0,
});

console.log(
  `parse throughput · ${os.cpus().length} cores · ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB · Node ${process.version}`,
);
console.log(
  `load: ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
console.table(rows);
