/**
 * npm run bench:build [-- --pages 100,1000,10000]
 *
 * The archive at scale, on corpora from make-corpus: parse throughput, a full
 * `astro build` (time, time per built HTML page, peak memory, size of dist/),
 * a rebuild after one changed seed, the search index's size and what the
 * first query downloads. Prints a table and writes docs/benchmarks.md.
 */
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { makeCorpus } from '../src/lib/corpus.ts';
import { decodeBytes } from '../src/lib/parser/decode.ts';
import { parsePage } from '../src/lib/parser/index.ts';
import { parseSeedDir } from '../src/lib/seeds.ts';
import { SearchEngine } from '../src/lib/search/engine.ts';

const { values } = parseArgs({
  options: {
    pages: { type: 'string', default: '100,1000,10000' },
    out: { type: 'string', default: 'docs/benchmarks.md' },
  },
});
const root = process.cwd();
const sources = parseSeedDir('seeds').flatMap((r) => (r.ok ? r.parsed.articles : []));

/** A project of its own (sources copied, dependencies linked), so its build cache is its own. */
function project(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-build-'));
  for (const entry of ['src', 'public', 'package.json', 'astro.config.mjs', 'tsconfig.json']) {
    if (existsSync(path.join(root, entry))) cpSync(path.join(root, entry), path.join(dir, entry), { recursive: true });
  }
  symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'));
  mkdirSync(path.join(dir, 'seeds'));
  return dir;
}

function build(dir: string): { seconds: number; peakBytes: number } {
  const rssFile = path.join(dir, 'max-rss');
  const t0 = performance.now();
  const r = spawnSync(
    process.execPath,
    [
      '--max-old-space-size=16384',
      '-r',
      path.join(root, 'scripts/report-max-rss.cjs'),
      'node_modules/astro/bin/astro.mjs',
      'build',
      '--silent',
    ],
    {
      cwd: dir,
      env: { ...process.env, MAX_RSS_FILE: rssFile },
      stdio: ['ignore', 'ignore', 'pipe'],
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  if (r.status !== 0) throw new Error(`astro build failed: ${r.stderr.toString().slice(-2000)}`);
  return { seconds: (performance.now() - t0) / 1000, peakBytes: Number(readFileSync(rssFile, 'utf8')) };
}

function walk(dir: string, visit: (file: string, size: number) => void) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, visit);
    else visit(p, statSync(p).size);
  }
}

const rows: Array<Record<string, string | number>> = [];
for (const n of values.pages.split(',').map(Number)) {
  const dir = project();
  const pages = makeCorpus(sources, { pages: n, seed: 11 });
  let bytes = 0;
  for (const p of pages) {
    writeFileSync(path.join(dir, 'seeds', p.file), p.bytes);
    bytes += p.bytes.length;
  }
  // Parse throughput, in this process.
  const texts = pages.map((p) => {
    const d = decodeBytes(p.bytes);
    return { file: p.file, text: d.ok ? d.text : '' };
  });
  const tp = performance.now();
  let stories = 0;
  for (const t of texts) stories += parsePage(t).articles.length;
  const parseSeconds = (performance.now() - tp) / 1000;

  const full = build(dir);
  let htmlPages = 0;
  let distBytes = 0;
  let indexBytes = 0;
  let indexGzip = 0;
  walk(path.join(dir, 'dist'), (file, size) => {
    distBytes += size;
    if (file.endsWith('.html')) htmlPages++;
    if (file.includes(`${path.sep}search-index${path.sep}`)) {
      indexBytes += size;
      if (file.endsWith('.bin') && file.includes('shards') && Math.random() > 0.1) return; // gzip a sample of the shards
      indexGzip += gzipSync(readFileSync(file)).length * (file.includes('shards') ? 10 : 1);
    }
  });

  // What the first query downloads: the worker (with Fuse.js) and the index files it fetches.
  const fetched: number[] = [];
  const index = path.join(dir, 'dist', 'search-index');
  const engine = new SearchEngine({
    json: async (p) => {
      const b = readFileSync(path.join(index, p));
      fetched.push(gzipSync(b).length);
      return JSON.parse(b.toString('utf8'));
    },
    bytes: async (p) => {
      const b = readFileSync(path.join(index, p));
      fetched.push(gzipSync(b).length);
      return new Uint8Array(b);
    },
  });
  const worker = readdirSync(path.join(dir, 'dist', '_astro')).find((f) => f.startsWith('search-worker'));
  const workerGzip = worker ? gzipSync(readFileSync(path.join(dir, 'dist', '_astro', worker))).length : 0;
  const tq = performance.now();
  await engine.search('轴承');
  const firstQueryMs = performance.now() - tq;
  const firstQueryKb = (workerGzip + fetched.reduce((a, b) => a + b, 0)) / 1024;
  const later: number[] = [];
  for (const q of ['脱贫攻坚', '研发投入', '温陈街道', '冠县 消费', '应急物资', '小麦单产', '防汛', '技改项目']) {
    const t = performance.now();
    await engine.search(q);
    later.push(performance.now() - t);
  }
  later.sort((a, b) => a - b);

  // A rebuild after one changed seed.
  const changed = path.join(dir, 'seeds', pages[0]?.file ?? '');
  const text = decodeBytes(readFileSync(changed));
  writeFileSync(changed, (text.ok ? text.text : '') + '\n本报讯(记者 张浩)记者1月1日获悉,新增一条消息。\n');
  const again = build(dir);

  rows.push({
    pages: n,
    stories,
    'seed MB': (bytes / 1e6).toFixed(1),
    'parse MB/s': (bytes / 1e6 / parseSeconds).toFixed(2),
    'build s': full.seconds.toFixed(1),
    'HTML pages': htmlPages,
    'ms / HTML page': ((full.seconds * 1000) / htmlPages).toFixed(2),
    'peak memory GB': (full.peakBytes / 2 ** 30).toFixed(2),
    'dist MB': (distBytes / 1e6).toFixed(1),
    'search index MB': (indexBytes / 1e6).toFixed(1),
    'index MB gz (est.)': (indexGzip / 1e6).toFixed(1),
    'first query KB gz': firstQueryKb.toFixed(1),
    'first query ms (Node)': firstQueryMs.toFixed(1),
    'query ms (Node, median)': (later[Math.floor(later.length / 2)] ?? 0).toFixed(1),
    'rebuild after 1 change s': again.seconds.toFixed(1),
  });
  console.table(rows.slice(-1));
  rmSync(dir, { recursive: true, force: true });
}

const machine = `${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown'}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
console.log(`build benchmark · ${new Date().toISOString().slice(0, 10)} · ${machine}`);
console.table(rows);
const cols = Object.keys(rows[0] ?? {});
const table = [
  `| ${cols.join(' | ')} |`,
  `|${cols.map(() => ' --- ').join('|')}|`,
  ...rows.map((r) => `| ${cols.map((c) => String(r[c])).join(' | ')} |`),
].join('\n');
writeFileSync(
  values.out,
  readFileSync(values.out, 'utf8').replace(
    /<!-- bench:build -->[\s\S]*<!-- \/bench:build -->/u,
    `<!-- bench:build -->\n\nMeasured ${new Date().toISOString().slice(0, 10)} on ${machine} with \`npm run bench:build\`:\n\n${table}\n\n<!-- /bench:build -->`,
  ),
);
