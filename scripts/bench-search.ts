/**
 * npm run bench:search [-- --sizes seeds,10000,100000 --pagefind seeds,10000]
 *
 * Search measured in Debian's Chromium, as a reader meets it: the built search
 * page with an index for each corpus (the seeds, then stories from
 * `make-corpus`), queries typed into the box. Per corpus: index size, bytes
 * fetched (gzip) for the first query and each later one, keystroke-to-results
 * time, the longest main-thread task, and — against Pagefind indexing the same
 * stories — recall and precision. Prints a table; no pass/fail.
 */
import { articleUrl } from '../src/lib/site/routes.ts';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from 'playwright-core';
import * as pagefind from 'pagefind';
import { makeCorpus } from '../src/lib/corpus.ts';
import { parseSeedBytes, parseSeedDir } from '../src/lib/seeds.ts';
import { buildSearchIndex } from '../src/lib/search/build.ts';
import { indexFiles } from '../src/lib/search/files.ts';
import { fold, parseQuery } from '../src/lib/search/normalize.ts';
import type { Article } from '../src/lib/schema.ts';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: 'seeds,10000,100000' },
    pagefind: { type: 'string', default: 'seeds,10000' },
    out: { type: 'string' },
  },
});

interface Query {
  q: string;
  kind: string;
  expect: string[];
}
const { queries } = JSON.parse(readFileSync('tests/search-queries.json', 'utf8')) as { queries: Query[] };

if (!existsSync('dist/search/index.html'))
  execFileSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], { stdio: 'inherit' });

function storiesFor(size: string): Article[] {
  const seeds = parseSeedDir('seeds').flatMap((r) => (r.ok ? r.parsed.articles : []));
  if (size === 'seeds') return seeds;
  const n = Number(size);
  const pages = makeCorpus(seeds, { pages: Math.ceil(n / 6), seed: 7 });
  const out: Article[] = [];
  for (const p of pages) {
    const r = parseSeedBytes(p.file, p.bytes);
    if (r.ok) out.push(...r.parsed.articles);
    if (out.length >= n) break;
  }
  return out.slice(0, n).sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''));
}

/** The built search page and its scripts, with an index for the given stories. */
function siteFor(stories: Article[]): { dir: string; indexBytes: number } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-search-'));
  cpSync('dist/search', path.join(dir, 'search'), { recursive: true });
  cpSync('dist/_astro', path.join(dir, '_astro'), { recursive: true });
  const out = path.join(dir, 'search-index');
  let indexBytes = 0;
  for (const [file, contents] of indexFiles(buildSearchIndex(stories))) {
    mkdirSync(path.dirname(path.join(out, file)), { recursive: true });
    writeFileSync(path.join(out, file), contents);
    if (!file.startsWith('docs/') && file !== 'manifest.json') indexBytes += contents.length;
  }
  return { dir, indexBytes };
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.bin': 'application/octet-stream',
  '.pf_meta': 'application/octet-stream',
};

function serve(dir: string): Promise<{ server: Server; base: string }> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    let file = path.join(dir, decodeURIComponent(url.pathname));
    if (file.endsWith('/')) file = path.join(file, 'index.html');
    if (!file.startsWith(dir) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ server, base: `http://127.0.0.1:${(server.address() as { port: number }).port}` }),
    ),
  );
}

/** Gzip bytes of everything the page fetches while `work` runs. */
async function measureBytes<T>(page: Page, work: () => Promise<T>): Promise<{ value: T; bytes: number }> {
  let bytes = 0;
  const pending: Array<Promise<void>> = [];
  const onResponse = (r: import('playwright-core').Response) => {
    pending.push(
      r
        .body()
        .then((b) => {
          bytes += gzipSync(b).length;
        })
        .catch(() => undefined),
    );
  };
  page.on('response', onResponse);
  const value = await work();
  await Promise.all(pending);
  page.off('response', onResponse);
  return { value, bytes };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)] ?? 0;

interface Run {
  ids: string[][];
  ms: number[];
  firstBytes: number;
  laterBytes: number[];
  longTask: number;
}

async function runOurs(browser: Browser, base: string, qs: string[]): Promise<Run> {
  const page = await browser.newPage();
  await page.goto(`${base}/search/`);
  await page.evaluate(() => {
    (window as unknown as { longest: number }).longest = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        const w = window as unknown as { longest: number };
        w.longest = Math.max(w.longest, e.duration);
      }
    }).observe({ type: 'longtask', buffered: true });
  });
  const run: Run = { ids: [], ms: [], firstBytes: 0, laterBytes: [], longTask: 0 };
  for (const [i, q] of qs.entries()) {
    const { value, bytes } = await measureBytes(page, () =>
      page.evaluate(async (query) => {
        const input = document.querySelector<HTMLInputElement>('#q') as HTMLInputElement;
        const done = new Promise<void>((resolve) =>
          document.addEventListener('search:results', function on(e) {
            if ((e as CustomEvent<{ query: string }>).detail.query === query) {
              document.removeEventListener('search:results', on);
              resolve();
            }
          }),
        );
        const t0 = performance.now();
        input.value = query;
        input.dispatchEvent(new Event('input', { bubbles: true }));
        await done;
        const ms = performance.now() - t0;
        const ids = [...document.querySelectorAll<HTMLAnchorElement>('#search-results a.headline')].map(
          (a) => new URL(a.href).pathname.split('/')[2] ?? '',
        );
        return { ms, ids };
      }, q),
    );
    run.ms.push(value.ms);
    run.ids.push(value.ids);
    if (i === 0) run.firstBytes = bytes;
    else run.laterBytes.push(bytes);
  }
  run.longTask = await page.evaluate(() => (window as unknown as { longest: number }).longest);
  await page.close();
  return run;
}

async function pagefindSite(dir: string, stories: Article[]) {
  const { index } = await pagefind.createIndex({});
  if (!index) throw new Error('pagefind did not start');
  for (const a of stories) {
    await index.addCustomRecord({
      url: articleUrl(a.id),
      content: [a.kicker, a.headline, a.subheadline, a.byline.raw, ...a.paragraphs, ...a.captions]
        .filter(Boolean)
        .join('\n'),
      language: 'zh',
      meta: { title: a.headline ?? a.paragraphs[0]?.slice(0, 20) ?? '' },
    });
  }
  await index.writeFiles({ outputPath: path.join(dir, 'pagefind') });
  await pagefind.close();
}

async function runPagefind(browser: Browser, base: string, qs: string[]): Promise<Run> {
  const page = await browser.newPage();
  await page.goto(`${base}/search/`);
  const run: Run = { ids: [], ms: [], firstBytes: 0, laterBytes: [], longTask: 0 };
  for (const [i, q] of qs.entries()) {
    const { value, bytes } = await measureBytes(page, () =>
      page.evaluate(async (query) => {
        const w = window as unknown as {
          pf?: { search: (q: string) => Promise<{ results: Array<{ data: () => Promise<{ url: string }> }> }> };
        };
        const t0 = performance.now();
        const pf = (w.pf ??= await import(/* @vite-ignore */ `${location.origin}/pagefind/pagefind.js`));
        const r = await pf.search(query);
        const data = await Promise.all(r.results.slice(0, 10).map((x) => x.data()));
        return { ms: performance.now() - t0, ids: data.map((d) => d.url.split('/')[2] ?? '') };
      }, q),
    );
    run.ms.push(value.ms);
    run.ids.push(value.ids);
    if (i === 0) run.firstBytes = bytes;
    else run.laterBytes.push(bytes);
  }
  await page.close();
  return run;
}

/** Stories that contain every word of the query, as printed: the truth for recall and precision. */
function literalTruth(stories: Article[], q: string): Set<string> | null {
  const words = parseQuery(q);
  if (words.length === 0 || !/^[\p{Script=Han}\s]+$/u.test(q)) return null;
  const truth = new Set<string>();
  for (const a of stories) {
    const text = fold([a.kicker, a.headline, a.subheadline, a.byline.raw, ...a.paragraphs, ...a.captions].join('\n'));
    if (words.every((w) => text.includes(w.single ?? w.text))) truth.add(a.id);
  }
  return truth;
}

function quality(stories: Article[], qs: string[], run: Run) {
  let found = 0;
  let wanted = 0;
  let precise = 0;
  let shown = 0;
  qs.forEach((q, i) => {
    const truth = literalTruth(stories, q);
    if (!truth || truth.size === 0) return;
    const top = (run.ids[i] ?? []).slice(0, 10);
    wanted += Math.min(10, truth.size);
    found += top.filter((id) => truth.has(id)).length;
    shown += top.length;
    precise += top.filter((id) => truth.has(id)).length;
  });
  return { recall: wanted ? found / wanted : 0, precision: shown ? precise / shown : 0 };
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--headless',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
  ],
});
const rows: Array<Record<string, string | number>> = [];
const pagefindSizes = new Set(values.pagefind.split(','));
for (const size of values.sizes.split(',')) {
  const stories = storiesFor(size);
  const qs = queries.map((q) => q.q);
  const { dir, indexBytes } = siteFor(stories);
  if (pagefindSizes.has(size)) await pagefindSite(dir, stories);
  const { server, base } = await serve(dir);
  const engines: Array<[string, (b: Browser, base: string, qs: string[]) => Promise<Run>]> = [
    ['bigram shards + Fuse', runOurs],
  ];
  if (pagefindSizes.has(size)) engines.push(['Pagefind', runPagefind]);
  for (const [engine, run] of engines) {
    const r = await run(browser, base, qs);
    const { recall, precision } = quality(stories, qs, r);
    rows.push({
      corpus: size === 'seeds' ? 'seeds' : `${stories.length} stories`,
      engine,
      'index MB': engine === 'Pagefind' ? '—' : (indexBytes / 1e6).toFixed(1),
      'first query KB gz': (r.firstBytes / 1024).toFixed(1),
      'later query KB gz (median)': (median(r.laterBytes) / 1024).toFixed(1),
      [`all ${qs.length} queries KB gz`]: ((r.firstBytes + r.laterBytes.reduce((a, b) => a + b, 0)) / 1024).toFixed(0),
      'median ms': median(r.ms.slice(1)).toFixed(1),
      'p95 ms': p95(r.ms.slice(1)).toFixed(1),
      'first ms': (r.ms[0] ?? 0).toFixed(1),
      'longest task ms': engine === 'Pagefind' ? '—' : r.longTask.toFixed(0),
      'recall@10': recall.toFixed(3),
      'precision@10': precision.toFixed(3),
    });
  }
  server.close();
  rmSync(dir, { recursive: true, force: true });
}
await browser.close();
console.log(
  `search benchmark · ${new Date().toISOString().slice(0, 10)} · ${os.cpus().length} cores · ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB · Chromium`,
);
console.table(rows);
if (values.out) writeFileSync(values.out, JSON.stringify(rows, null, 2) + '\n');
