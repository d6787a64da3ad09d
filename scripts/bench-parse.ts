/**
 * npm run bench:parse [-- --pages N --seed S]
 * Parse throughput on a generated corpus (page by page) and on one 10 MB page,
 * which must parse in linear time. Prints a table; no pass/fail.
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import { makeCorpus } from '../src/lib/corpus.ts';
import { decodeBytes } from '../src/lib/parser/decode.ts';
import { parsePage } from '../src/lib/parser/index.ts';
import { parseSeedDir } from '../src/lib/seeds.ts';

const { values } = parseArgs({
  options: { pages: { type: 'string', default: '800' }, seed: { type: 'string', default: '1' } },
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

// Warm up the JIT on the seeds' worth of text first.
time('warm-up', texts.slice(0, 20));
const rows = [time(`${corpus.length} generated pages`, texts)];
let big = '';
for (let i = 0; mb(big) < 10; i++) big += (texts[i % texts.length]?.text ?? '') + '\n\n';
rows.push(time('one 10 MB page', [{ file: 'big.txt', text: big }]));
let half = '';
for (let i = 0; mb(half) < 5; i++) half += (texts[i % texts.length]?.text ?? '') + '\n\n';
rows.push(time('one 5 MB page', [{ file: 'half.txt', text: half }]));

console.log(
  `parse throughput · ${os.cpus().length} cores · ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB · Node ${process.version}`,
);
console.table(rows);
