/**
 * npm run bench:search [-- --sizes seeds,10000,50000,100000 --pagefind seeds,10000,50000,100000 --out file.json]
 *
 * Search measured in Debian's Chromium, as a reader meets it: the built search
 * page with an index for each corpus (the seeds, then stories from
 * `make-corpus`), queries typed into the box. The queries are those of
 * tests/search-queries.json, then the judged queries of
 * tests/search-judgments.json, then the load set below, each once. Per
 * corpus and engine (ours, and Pagefind indexing the same stories):
 *
 * - bytes fetched (gzip) for the first query and each later one of one visit
 *   typing every query in turn, and for each first-query probe typed as the
 *   first query of a fresh browser context (no HTTP cache, no worker);
 * - keystroke-to-results time: median and p95 of the later queries, overall
 *   and for the specific and the common (load) queries, and ours ÷ Pagefind;
 * - the longest main-thread task, of the visit and of the probes;
 * - recall and precision@10 against the literal truth, and nDCG@10 against
 *   the hand judgments (graded by scripts/lib/ndcg.ts; the ideal ranking
 *   drawn from every story of the corpus), per query and its mean;
 * - the machine's load averages at the start and end of each corpus.
 *
 * Prints tables; no pass/fail.
 */
import { articleUrl } from '../src/lib/site/routes.ts';
import { execFileSync, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildSearchIndex } from '../src/lib/search/build.ts';
import { indexFiles } from '../src/lib/search/files.ts';
import { fold, parseQuery } from '../src/lib/search/normalize.ts';
import type { Article } from '../src/lib/schema.ts';
import {
  cell,
  formatLoad,
  max,
  meanOf,
  median,
  ndcgOfIds,
  pagefindAhead,
  timeRatios,
  timesByGroup,
  unionQueries,
  type QueryGroup,
  type QueryNdcg,
  type Times,
} from './lib/bench-search-stats.ts';
import { JUDGMENTS, gradesFor, judged, storiesFor, type Graded } from './lib/search-corpus.ts';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: 'seeds,10000,50000,100000' },
    pagefind: { type: 'string', default: 'seeds,10000,50000,100000' },
    out: { type: 'string' },
  },
});

/**
 * The load set: words in a large share of the stories (a reader's first
 * query is as likely to be 聊城 as 轴承), two words of which one is common,
 * sentence-like questions, and two rarer words. The common, two-word and
 * sentence queries are the "common" group of the time columns and, with 轴承,
 * the first-query probes.
 */
const LOAD: ReadonlyArray<{ q: string; group: QueryGroup; probe: boolean }> = [
  ...['聊城', '记者', '发展', '企业', '县'].map((q) => ({ q, group: 'common' as const, probe: true })),
  ...['聊城 轴承', '发展 葡萄', '企业 技改'].map((q) => ({ q, group: 'common' as const, probe: true })),
  ...['聊城今年小麦产量是多少', '临清的轴承产业怎么样'].map((q) => ({ q, group: 'common' as const, probe: true })),
  ...['锦纶', '挖掘机'].map((q) => ({ q, group: 'specific' as const, probe: false })),
];
const PROBES = unionQueries(
  ['轴承'],
  LOAD.filter((l) => l.probe).map((l) => l.q),
);

const { queries } = JSON.parse(readFileSync('tests/search-queries.json', 'utf8')) as { queries: Array<{ q: string }> };

/** The load set's common queries, and any the judgments call common words or sentences. */
const COMMON = new Set([
  ...LOAD.filter((l) => l.group === 'common').map((l) => l.q),
  ...judged.filter((j) => /^(?:common word|sentence)/u.test(j.kind)).map((j) => j.q.trim()),
]);
const groupOf = (q: string): QueryGroup => (COMMON.has(q) ? 'common' : 'specific');

const qs = unionQueries(
  queries.map((q) => q.q),
  judged.map((j) => j.q),
  LOAD.map((l) => l.q),
);

if (!existsSync('dist/search/index.html'))
  execFileSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], { stdio: 'inherit' });

/**
 * The page's scripts come from dist/, the index from src/lib/search as it is
 * now: when the search code changed after the build, the two may disagree on
 * the index format (queries then fail or find nothing).
 */
const builtAt = statSync('dist/search/index.html').mtimeMs;
const newer = ['src/lib/search', 'src/scripts']
  .flatMap((d) => readdirSync(d).map((f) => path.join(d, f)))
  .filter((f) => statSync(f).mtimeMs > builtAt);
if (newer.length)
  console.warn(
    `warning: ${newer.join(', ')} changed after dist/ was built: the search page may not read this index (npm run build)`,
  );

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

/** Gzip bytes of everything the page (and its workers) fetches while `work` runs. */
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

/** One search engine as the bench drives it: a query typed, its time and top ids. */
type Ask = (page: Page, q: string) => Promise<{ ms: number; ids: string[] }>;

/** Ours: the query typed into the search page's box, timed to the results on screen. */
const askOurs: Ask = (page, q) =>
  page.evaluate(async (query) => {
    const input = document.querySelector<HTMLInputElement>('#q') as HTMLInputElement;
    const done = new Promise<void>((resolve, reject) => {
      // The page shows an error without the results event: give up after a minute, with what it says.
      const timer = setTimeout(() => {
        const status = document.querySelector<HTMLElement>('#search-status');
        reject(
          new Error(
            `no results for ${query} in 60 s; the status answers ${status?.dataset.query ?? 'nothing'}: ${status?.textContent}`,
          ),
        );
      }, 60_000);
      document.addEventListener('search:results', function on(e) {
        if ((e as CustomEvent<{ query: string }>).detail.query === query) {
          document.removeEventListener('search:results', on);
          clearTimeout(timer);
          resolve();
        }
      });
    });
    const t0 = performance.now();
    input.value = query;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await done;
    const ms = performance.now() - t0;
    const ids = [...document.querySelectorAll<HTMLAnchorElement>('#search-results a.headline')].map(
      (a) => new URL(a.href).pathname.split('/')[2] ?? '',
    );
    return { ms, ids };
  }, q);

/** Pagefind: its own pagefind.js (loaded by the first query), the top 10 results' data. */
const askPagefind: Ask = (page, q) =>
  page.evaluate(async (query) => {
    const w = window as unknown as {
      pf?: { search: (q: string) => Promise<{ results: Array<{ data: () => Promise<{ url: string }> }> }> };
    };
    const t0 = performance.now();
    const pf = (w.pf ??= await import(/* @vite-ignore */ `${location.origin}/pagefind/pagefind.js`));
    const r = await pf.search(query);
    const data = await Promise.all(r.results.slice(0, 10).map((x) => x.data()));
    return { ms: performance.now() - t0, ids: data.map((d) => d.url.split('/')[2] ?? '') };
  }, q);

/** The search page in a new browser context (its own HTTP cache), watching for long main-thread tasks. */
async function openSearch(browser: Browser, base: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
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
  return page;
}

/** The longest main-thread task so far (long tasks are reported after they end: give the observer a moment). */
async function longestTask(page: Page): Promise<number> {
  await page.waitForTimeout(100);
  return page.evaluate(() => (window as unknown as { longest: number }).longest);
}

async function closePage(page: Page) {
  await page.context().close();
}

interface Visit {
  ids: string[][];
  ms: number[];
  bytes: number[];
  longTask: number;
}

/** One visit typing every query in turn: the first query, then the later ones. */
async function visit(browser: Browser, base: string, ask: Ask, queryList: string[]): Promise<Visit> {
  const page = await openSearch(browser, base);
  const run: Visit = { ids: [], ms: [], bytes: [], longTask: 0 };
  for (const q of queryList) {
    const { value, bytes } = await measureBytes(page, () => ask(page, q));
    run.ms.push(value.ms);
    run.ids.push(value.ids);
    run.bytes.push(bytes);
  }
  run.longTask = await longestTask(page);
  await closePage(page);
  return run;
}

interface Probe {
  q: string;
  kbGz: number;
  ms: number;
  longTaskMs: number;
}

/** The query as the first of a visit in a fresh context: what a reader's first search costs, whatever it is. */
async function probe(browser: Browser, base: string, ask: Ask, q: string): Promise<Probe> {
  const page = await openSearch(browser, base);
  const { value, bytes } = await measureBytes(page, () => ask(page, q));
  const longTaskMs = await longestTask(page);
  await closePage(page);
  return { q, kbGz: bytes / 1024, ms: value.ms, longTaskMs };
}

/**
 * Pagefind's index of the same stories, built by a child process
 * (scripts/lib/pagefind-index.ts) under /usr/bin/time: null, with why, when
 * it could not be built (Pagefind ran out of memory at 100,000 stories on a
 * 24 GiB machine), with its peak memory either way.
 */
function pagefindSite(dir: string, stories: Article[]): { ok: boolean; peakGiB: number | null; note: string } {
  const records = stories.map((a) => ({
    url: articleUrl(a.id),
    content: [a.kicker, a.headline, a.subheadline, a.byline.raw, ...a.paragraphs, ...a.captions]
      .filter(Boolean)
      .join('\n'),
    language: 'zh',
    meta: { title: a.headline ?? a.paragraphs[0]?.slice(0, 20) ?? '' },
  }));
  const recordsFile = path.join(dir, 'pagefind-records.json');
  writeFileSync(recordsFile, JSON.stringify(records));
  const run = spawnSync(
    '/usr/bin/time',
    ['-v', process.execPath, 'scripts/lib/pagefind-index.ts', recordsFile, path.join(dir, 'pagefind')],
    { encoding: 'utf8', maxBuffer: 64 * 2 ** 20 },
  );
  rmSync(recordsFile);
  // The larger of the Node process's peak and the Pagefind service's (pagefind-index.ts reads it from /proc).
  const kb = Math.max(
    Number(/Maximum resident set size \(kbytes\): (\d+)/u.exec(run.stderr ?? '')?.[1] ?? 0),
    Number(/pagefind peak kB: (\d+)/u.exec(run.stderr ?? '')?.[1] ?? 0),
  );
  const peakGiB = kb > 0 ? kb / 2 ** 20 : null;
  const ok = run.status === 0 && existsSync(path.join(dir, 'pagefind', 'pagefind.js'));
  const signal = /Command terminated by signal (\d+)/u.exec(run.stderr ?? '')?.[1];
  const note = ok
    ? ''
    : `Pagefind could not index ${stories.length} stories: its indexer ended with ${
        signal ? `signal ${signal}` : `exit code ${run.status}`
      } (peak ${peakGiB?.toFixed(1) ?? '?'} GiB; the kernel ends a process that runs out of memory)`;
  return { ok, peakGiB, note };
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

function quality(stories: Article[], queryList: string[], ids: string[][]) {
  let found = 0;
  let wanted = 0;
  let shown = 0;
  queryList.forEach((q, i) => {
    const truth = literalTruth(stories, q);
    if (!truth || truth.size === 0) return;
    const top = (ids[i] ?? []).slice(0, 10);
    wanted += Math.min(10, truth.size);
    found += top.filter((id) => truth.has(id)).length;
    shown += top.length;
  });
  return { recall: wanted ? found / wanted : 0, precision: shown ? found / shown : 0 };
}

/** nDCG@10 of an engine's top 10 for each judged query; null where the corpus holds no relevant story. */
function ndcgPerQuery(
  grades: Map<string, Graded>,
  queryList: string[],
  ids: string[][],
): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const [q, g] of grades) {
    try {
      out[q] = ndcgOfIds(10, ids[queryList.indexOf(q)] ?? [], g.byId, g.ideal);
    } catch (e) {
      // A ranking the corpus cannot hold (the same story twice?): say so, leave the query out.
      console.warn(`nDCG of ${q}: ${(e as Error).message} (ranked ${(ids[queryList.indexOf(q)] ?? []).join(' ')})`);
      out[q] = null;
    }
  }
  return out;
}

interface EngineResult {
  engine: string;
  indexMB: number | null;
  firstQueryKbGz: number;
  firstQueryMs: number;
  laterQueryKbGzMedian: number;
  allQueriesKbGz: number;
  /** Later queries of the visit (the first query left out). */
  times: Times;
  longestTaskMs: number;
  probes: {
    kbGzMax: number;
    kbGzMedian: number;
    msMax: number;
    msMedian: number;
    longestTaskMsMax: number;
    each: Probe[];
  };
  recallAt10: number;
  precisionAt10: number;
  ndcgAt10: number | null;
  ndcgJudged: number;
  ndcgPerQuery: Record<string, number | null>;
}

interface CorpusResult {
  corpus: string;
  stories: number;
  loadStart: string;
  loadEnd: string;
  engines: EngineResult[];
  /** Ours ÷ Pagefind, when Pagefind ran on this corpus. */
  oursOverPagefind: ReturnType<typeof timeRatios> | null;
  ndcg: QueryNdcg[];
  pagefindAhead: QueryNdcg[];
  /** Pagefind's indexer: its peak memory, and why it has no row when it could not index this corpus. */
  pagefind: { peakGiB: number | null; note: string } | null;
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
const chromiumVersion = browser.version();
const load = () => formatLoad(os.loadavg());
const results: CorpusResult[] = [];
const pagefindSizes = new Set(values.pagefind.split(','));
for (const size of values.sizes.split(',')) {
  const loadStart = load();
  const stories = storiesFor(size);
  const { dir, indexBytes } = siteFor(stories);
  const indexer = pagefindSizes.has(size) ? pagefindSite(dir, stories) : null;
  if (indexer && !indexer.ok) console.warn(indexer.note);
  const { server, base } = await serve(dir);
  const grades = gradesFor(stories);
  const engines: Array<[string, Ask]> = [['bigram shards + Fuse', askOurs]];
  if (indexer?.ok) engines.push(['Pagefind', askPagefind]);
  const engineResults: EngineResult[] = [];
  for (const [engine, ask] of engines) {
    const v = await visit(browser, base, ask, qs);
    const probes: Probe[] = [];
    for (const q of PROBES) probes.push(await probe(browser, base, ask, q));
    const { recall, precision } = quality(stories, qs, v.ids);
    const perQuery = ndcgPerQuery(grades, qs, v.ids);
    const ndcgs = Object.values(perQuery);
    const later = v.bytes.slice(1);
    engineResults.push({
      engine,
      indexMB: engine === 'Pagefind' ? null : indexBytes / 1e6,
      firstQueryKbGz: (v.bytes[0] ?? 0) / 1024,
      firstQueryMs: v.ms[0] ?? 0,
      laterQueryKbGzMedian: median(later) / 1024,
      allQueriesKbGz: v.bytes.reduce((a, b) => a + b, 0) / 1024,
      times: timesByGroup(v.ms.slice(1).map((ms, i) => ({ ms, group: groupOf(qs[i + 1] as string) }))),
      longestTaskMs: v.longTask,
      probes: {
        kbGzMax: max(probes.map((p) => p.kbGz)),
        kbGzMedian: median(probes.map((p) => p.kbGz)),
        msMax: max(probes.map((p) => p.ms)),
        msMedian: median(probes.map((p) => p.ms)),
        longestTaskMsMax: max(probes.map((p) => p.longTaskMs)),
        each: probes,
      },
      recallAt10: recall,
      precisionAt10: precision,
      ndcgAt10: meanOf(ndcgs),
      ndcgJudged: ndcgs.filter((x) => x !== null).length,
      ndcgPerQuery: perQuery,
    });
  }
  server.close();
  rmSync(dir, { recursive: true, force: true });
  const [ours, pf] = engineResults;
  const ndcg: QueryNdcg[] = Object.entries(ours?.ndcgPerQuery ?? {}).map(([q, n]) => ({
    q,
    ours: n,
    pagefind: pf?.ndcgPerQuery[q] ?? null,
  }));
  results.push({
    corpus: size === 'seeds' ? 'seeds' : `${stories.length} stories`,
    stories: stories.length,
    loadStart,
    loadEnd: load(),
    engines: engineResults,
    oursOverPagefind: ours && pf ? timeRatios(ours.times, pf.times) : null,
    ndcg,
    pagefindAhead: pagefindAhead(ndcg),
    pagefind: indexer ? { peakGiB: indexer.peakGiB, note: indexer.note } : null,
  });
  // Each corpus as it is done: a later one that fails leaves these.
  if (values.out) writeFileSync(values.out, JSON.stringify({ partial: true, results }, null, 2) + '\n');
}
await browser.close();

const date = new Date().toISOString().slice(0, 10);
const machine = `${os.cpus().length} cores · ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB`;
console.log(
  `search benchmark · ${date} · ${machine} · Chromium ${chromiumVersion} · ${qs.length} queries ` +
    `(${qs.filter((q) => groupOf(q) === 'common').length} common) · ${PROBES.length} first-query probes · ` +
    `${`${judged.length} judged`}`,
);
const each = (f: (c: CorpusResult, e: EngineResult) => Record<string, string>) =>
  results.flatMap((c) => c.engines.map((e) => ({ corpus: c.corpus, engine: e.engine, ...f(c, e) })));

console.log('\nBytes (gzip) and load averages (1, 5, 15 min) at the start and end of each corpus');
console.table(
  each((c, e) => ({
    'index MB': cell(e.indexMB),
    'first query KB': cell(e.firstQueryKbGz),
    'probe first KB median': cell(e.probes.kbGzMedian),
    'probe first KB max': cell(e.probes.kbGzMax),
    'later query KB median': cell(e.laterQueryKbGzMedian),
    [`all ${qs.length} queries KB`]: cell(e.allQueriesKbGz, 0),
    'load start': c.loadStart,
    'load end': c.loadEnd,
  })),
);
console.log('\nTimes (ms), later queries of one visit; probes: first query in a fresh context');
console.table(
  each((c, e) => ({
    median: cell(e.times.all.median),
    p95: cell(e.times.all.p95),
    'specific median': cell(e.times.specific.median),
    'specific p95': cell(e.times.specific.p95),
    'common median': cell(e.times.common.median),
    'common p95': cell(e.times.common.p95),
    'median ours/PF': e.engine === 'Pagefind' ? '' : cell(c.oursOverPagefind?.all.median, 2),
    'p95 ours/PF': e.engine === 'Pagefind' ? '' : cell(c.oursOverPagefind?.all.p95, 2),
    'first ms': cell(e.firstQueryMs),
    'probe first ms median': cell(e.probes.msMedian),
    'probe first ms max': cell(e.probes.msMax),
    'longest task': cell(e.longestTaskMs, 0),
    'probe longest task': cell(e.probes.longestTaskMsMax, 0),
  })),
);
const ratioRows = results.flatMap((c) => {
  const r = c.oursOverPagefind;
  if (!r) return [];
  return [
    {
      corpus: c.corpus,
      'median all': cell(r.all.median, 2),
      'p95 all': cell(r.all.p95, 2),
      'median specific': cell(r.specific.median, 2),
      'p95 specific': cell(r.specific.p95, 2),
      'median common': cell(r.common.median, 2),
      'p95 common': cell(r.common.p95, 2),
    },
  ];
});
if (ratioRows.length) {
  console.log('\nOurs ÷ Pagefind (time; below 1: ours faster)');
  console.table(ratioRows);
}
console.log('\nQuality: recall and precision@10 against the literal truth, nDCG@10 against the hand judgments');
console.table(
  each((_c, e) => ({
    'recall@10': cell(e.recallAt10, 3),
    'precision@10': cell(e.precisionAt10, 3),
    'nDCG@10': cell(e.ndcgAt10, 3),
    'judged queries': String(e.ndcgJudged),
  })),
);
for (const c of results)
  if (c.engines.length > 1)
    console.log(
      `${c.corpus}: Pagefind's nDCG@10 beats ours on ${c.pagefindAhead.length} of ${c.ndcg.filter((x) => x.ours !== null).length} judged queries` +
        (c.pagefindAhead.length
          ? `: ${c.pagefindAhead.map((x) => `${x.q} (${cell(x.pagefind, 3)} against ${cell(x.ours, 3)})`).join(', ')}`
          : ''),
    );
for (const c of results) {
  if (c.pagefind)
    console.log(`${c.corpus}: Pagefind's indexer peaked at ${cell(c.pagefind.peakGiB, 1)} GiB. ${c.pagefind.note}`);
  const none = c.ndcg.filter((x) => x.ours === null).map((x) => x.q);
  if (none.length) console.log(`${c.corpus}: no relevant story, left out of nDCG@10: ${none.join(', ')}`);
}

if (values.out)
  writeFileSync(
    values.out,
    JSON.stringify(
      {
        date,
        machine: { cores: os.cpus().length, ramGiB: Math.round(os.totalmem() / 2 ** 30), chromium: chromiumVersion },
        command: `node scripts/bench-search.ts ${process.argv.slice(2).join(' ')}`.trim(),
        queries: qs.map((q) => ({ q, group: groupOf(q), probe: PROBES.includes(q) })),
        judgments: JUDGMENTS,
        corpora: results,
      },
      null,
      2,
    ) + '\n',
  );
