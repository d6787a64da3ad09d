/**
 * npm run bench:build [-- --pages 1000,3000,10000]
 *
 * The archive at scale, built as a newsroom builds it. For each size, a
 * project of its own (its own build cache: nothing shared with other sizes or
 * with this checkout) holds a corpus from make-corpus at about 3,000 pages a
 * year, and is built with exactly `npm run build` (no heap flag of the
 * benchmark's own: the build sets one only for an archive that needs it,
 * src/lib/build/heap-limit.ts, and the heap column shows the limit), under
 * `/usr/bin/time -v` for the peak resident memory, `uptime` before and after:
 * - the full build, from an empty cache;
 * - the floor: a rebuild with nothing changed, and `astro sync` alone;
 * - one changed seed, rebuilt;
 * - the daily case: 8 new pages of the next day and 3 corrections (sidecar
 *   edits to older pages), rebuilt.
 * Each rebuild is also given as a share of the full build of the same run,
 * and checked: the changed text, the new day and the corrected headlines must
 * be in dist/. Also parse throughput, the size of dist/ and of the search
 * index, and what the first query downloads. Prints the tables, keeps every
 * size's figures in docs/bench-build.json (a later run of other sizes adds to
 * them) and rewrites docs/benchmarks.md's build section from that file.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import {
  closeSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
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
import { format, resolveConfig } from 'prettier';
import { daysForPages, makeCorpus, type CorpusPage } from '../src/lib/corpus.ts';
import { decodeBytes } from '../src/lib/parser/decode.ts';
import { parsePage } from '../src/lib/parser/index.ts';
import { parseSeedDir } from '../src/lib/seeds.ts';
import { SearchEngine } from '../src/lib/search/engine.ts';
import { articleUrl, issueUrl } from '../src/lib/site/routes.ts';
import {
  countRoutes,
  heapAtDeath,
  loadAverages,
  parseTimeVerbose,
  renderBuildSection,
  shareOfFull,
  type BuildRun,
  type SizeResult,
} from './lib/bench-build-report.ts';

const { values } = parseArgs({
  options: {
    pages: { type: 'string', default: '1000,3000,10000' },
    out: { type: 'string', default: 'docs/benchmarks.md' },
    results: { type: 'string', default: 'docs/bench-build.json' },
    /** The largest size whose rebuilds are measured too (a decade's full build alone can take most of an hour). */
    'rebuilds-up-to': { type: 'string', default: String(Number.MAX_SAFE_INTEGER) },
    /** Only rewrite docs/benchmarks.md's build section from docs/bench-build.json; build nothing. */
    'report-only': { type: 'boolean', default: false },
    /** Keep each size's project (its dist/ and cache) for a look afterwards. */
    keep: { type: 'boolean', default: false },
  },
});
const root = process.cwd();
const sizes = values.pages.split(',').map(Number);
const sources = parseSeedDir('seeds').flatMap((r) => (r.ok ? r.parsed.articles : []));
const TIME = '/usr/bin/time';
const hasTime = existsSync(TIME);
/** The last day of every corpus; the daily case adds the day after. */
const LAST_DAY = '2025-12-31';
const NEXT_DAY = '2026-01-01';
/** The sizes the build section always accounts for, measured or not. */
const REPORTED_SIZES = [1000, 3000, 10000, 30000];
/** Caches the build may keep in node_modules; each project gets its own, never this checkout's. */
const NOT_LINKED = new Set(['.astro', '.vite', '.vite-temp', '.vitest-cache', '.cache']);

/**
 * A project of its own: the sources copied, node_modules a folder of its own
 * whose packages link to this checkout's. Astro keeps its data store and build
 * cache in node_modules/.astro unless astro.config.mjs says otherwise, so a
 * linked node_modules folder would share one cache between every size (and
 * with this checkout); a folder of links does not, with or without a cacheDir.
 */
function project(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-build-'));
  for (const entry of ['src', 'scripts', 'public', 'package.json', 'astro.config.mjs', 'tsconfig.json']) {
    if (existsSync(path.join(root, entry))) cpSync(path.join(root, entry), path.join(dir, entry), { recursive: true });
  }
  mkdirSync(path.join(dir, 'node_modules'));
  for (const entry of readdirSync(path.join(root, 'node_modules'))) {
    if (!NOT_LINKED.has(entry))
      symlinkSync(path.join(root, 'node_modules', entry), path.join(dir, 'node_modules', entry));
  }
  mkdirSync(path.join(dir, 'seeds'));
  return dir;
}

/** Where a data store lies inside the project (not following its links to shared packages). */
function dataStores(dir: string): string[] {
  const found: string[] = [];
  const visit = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isSymbolicLink() || p === path.join(dir, 'dist') || p === path.join(dir, 'seeds')) continue;
      if (e.isDirectory()) visit(p);
      else if (e.name === 'data-store.json') found.push(p);
    }
  };
  visit(dir);
  return found;
}

/** This checkout's own caches, which no benchmark build may touch. */
function checkoutCaches(): Map<string, number> {
  const stamps = new Map<string, number>();
  for (const p of ['node_modules/.astro/data-store.json', '.astro-cache/data-store.json', '.astro/data-store.json']) {
    if (existsSync(p)) stamps.set(p, statSync(p).mtimeMs);
  }
  return stamps;
}

const uptime = () => loadAverages(execFileSync('uptime', { encoding: 'utf8' }));

/** The environment a newsroom's shell gives `npm run build`: none of this run's npm variables, no heap flag of ours. */
function buildEnv(memoryDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('npm_') && k !== 'SEEDS_DIR') env[k] = v;
  env['NODE_OPTIONS'] = `--require=${path.join(root, 'scripts/report-memory.cjs')}`;
  env['MEMORY_REPORT_DIR'] = memoryDir;
  return env;
}

interface MemoryReport {
  argv: string[];
  peakHeapUsed: number;
  heapLimit: number;
  maxRss: number;
}

/** What a failed build's log says went wrong: V8's fatal error, or the first error thrown. */
function failureOf(log: string): string | undefined {
  const line = log
    .split('\n')
    .find((l) => /FATAL ERROR|Fatal JavaScript|out of memory|^\s*\w*Error\b|\[ERROR\]/u.test(l));
  return line?.trim().slice(0, 300);
}

/** `npm run build` (or another command) in the project, timed, with its peak RSS and main heap. */
function build(dir: string, name: string, run: string[] = ['npm', 'run', 'build']): BuildRun {
  const n = readdirSync(dir).filter((f) => f.startsWith('build-')).length;
  const memoryDir = path.join(dir, `memory-${n}`);
  mkdirSync(memoryDir);
  const log = path.join(dir, `build-${n}.log`);
  const timeFile = path.join(dir, `time-${n}.txt`);
  const out = openSync(log, 'w');
  const loadBefore = uptime();
  const t0 = performance.now();
  const command = hasTime ? [TIME, '-v', '-o', timeFile, ...run] : run;
  const r = spawnSync(command[0] ?? 'npm', command.slice(1), {
    cwd: dir,
    env: buildEnv(memoryDir),
    stdio: ['ignore', out, out],
  });
  const seconds = (performance.now() - t0) / 1000;
  closeSync(out);
  const loadAfter = uptime();
  const reports = readdirSync(memoryDir).map(
    (f) => JSON.parse(readFileSync(path.join(memoryDir, f), 'utf8')) as MemoryReport,
  );
  const astro = reports.filter((m) => m.argv.some((a) => /astro/u.test(a)));
  const main = (astro.length > 0 ? astro : reports).sort((a, b) => b.peakHeapUsed - a.peakHeapUsed)[0];
  const time = hasTime && existsSync(timeFile) ? parseTimeVerbose(readFileSync(timeFile, 'utf8')) : null;
  const ok = r.status === 0;
  const output = readFileSync(log, 'utf8');
  const tail = output.trim().split('\n').slice(-3).join(' ').slice(-300);
  if (!ok) console.error(`build "${name}" in ${dir} failed (exit ${r.status}): ${tail}`);
  return {
    name,
    ok,
    ...(ok ? {} : { error: failureOf(output) ?? tail }),
    seconds,
    peakRssBytes: time?.maxRssBytes ?? (reports.length > 0 ? Math.max(...reports.map((m) => m.maxRss)) : null),
    rssFrom: time?.maxRssBytes ? '/usr/bin/time -v' : 'the build processes’ own maxRSS',
    heapUsedBytes: Math.max(main?.peakHeapUsed ?? 0, (ok ? null : heapAtDeath(output)) ?? 0) || null,
    heapLimitBytes: main?.heapLimit ?? null,
    ...countRoutes(output),
    loadBefore,
    loadAfter,
  };
}

function walk(dir: string, visit: (file: string, size: number) => void) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, visit);
    else visit(p, statSync(p).size);
  }
}

/** The story ids a page published, from the id ledger the build writes (seeds/ids.json). */
function storyIds(dir: string, file: string): string[] {
  const ledger = JSON.parse(readFileSync(path.join(dir, 'seeds', 'ids.json'), 'utf8')) as {
    pages: Record<string, Record<string, { movedTo?: string }>>;
  };
  return Object.entries(ledger.pages[file] ?? {})
    .filter(([, v]) => v.movedTo === undefined)
    .map(([id]) => id);
}

const builtPage = (dir: string, url: string) => path.join(dir, 'dist', url, 'index.html');

/** Stops the run when a rebuild did not publish what changed: a fast wrong build is no result. */
function mustShow(dir: string, url: string, text: string, what: string) {
  const file = builtPage(dir, url);
  if (!existsSync(file) || !readFileSync(file, 'utf8').includes(text)) {
    throw new Error(`after the rebuild, ${url} does not show ${what} (${text}); the project is kept at ${dir}`);
  }
}

/** The daily case: the next day's 8 pages (A1 to A8) and 3 corrections to older pages' headlines, rebuilt and checked. */
function daily(dir: string, n: number, pages: CorpusPage[], builds: BuildRun[]) {
  const fresh = makeCorpus(sources, { pages: 8, seed: 12, days: { first: NEXT_DAY, last: NEXT_DAY } });
  fresh.forEach((p, i) => writeFileSync(path.join(dir, 'seeds', `${NEXT_DAY}_A${i + 1}.txt`), p.bytes));
  const corrected: Array<{ id: string; headline: string }> = [];
  for (const k of [1, 2, 3]) {
    const page = pages[Math.floor((n * k) / 4)];
    const id = page ? storyIds(dir, page.file)[0] : undefined;
    if (!page || !id) continue;
    const headline = `基准测试更正的标题${k}`;
    writeFileSync(
      path.join(dir, 'seeds', page.file.replace(/\.txt$/u, '.meta.json')),
      `${JSON.stringify({ corrections: { [id]: { headline } } }, null, 2)}\n`,
    );
    corrected.push({ id, headline });
  }
  const rebuilt = build(dir, 'daily: 8 new pages, 3 corrections');
  builds.push(rebuilt);
  if (rebuilt.ok) {
    mustShow(dir, issueUrl(NEXT_DAY), NEXT_DAY.slice(0, 4), 'the new day');
    for (const c of corrected) mustShow(dir, articleUrl(c.id), c.headline, 'the corrected headline');
  }
}

const machine = `${os.cpus().length} cores (${os.cpus()[0]?.model.trim() ?? 'unknown'}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
const commit = (() => {
  try {
    return execFileSync('git', ['describe', '--always', '--dirty'], { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
})();
const command = `npm run bench:build -- ${process.argv.slice(2).join(' ')}`.replace(/ -- $/u, '');
/** Every size measured so far, by this run or an earlier one. */
function storedResults(): SizeResult[] {
  return existsSync(values.results)
    ? (JSON.parse(readFileSync(values.results, 'utf8')) as { sizes: SizeResult[] }).sizes
    : [];
}

/** Keeps the figures and rewrites the build section from them, in the project's Prettier style (so `prettier --check .` passes). */
async function writeReport(sizes: SizeResult[]) {
  const merged = [...sizes].sort((a, b) => a.pages - b.pages);
  const styled = async (file: string, text: string) =>
    writeFileSync(file, await format(text, { ...(await resolveConfig(file)), filepath: file }));
  await styled(values.results, JSON.stringify({ sizes: merged }));
  await styled(
    values.out,
    readFileSync(values.out, 'utf8').replace(
      /<!-- bench:build -->[\s\S]*<!-- \/bench:build -->/u,
      `<!-- bench:build -->\n\n${renderBuildSection(merged, REPORTED_SIZES)}\n\n<!-- /bench:build -->`,
    ),
  );
}

if (values['report-only']) {
  await writeReport(storedResults());
  process.exit(0);
}

const before = checkoutCaches();

for (const n of sizes) {
  const dir = project();
  const days = daysForPages(n, LAST_DAY);
  const pages = makeCorpus(sources, { pages: n, seed: 11, days });
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
  console.log(`${n} pages (${days.first} to ${days.last}), ${stories} stories: building in ${dir}`);

  const builds: BuildRun[] = [];
  const full = build(dir, 'full');
  builds.push(full);
  const site: SizeResult['site'] = {
    stories,
    'seed MB': (bytes / 1e6).toFixed(1),
    'parse MB/s': (bytes / 1e6 / parseSeconds).toFixed(2),
  };
  if (full.ok) {
    const stores = dataStores(dir);
    if (stores.length === 0) {
      throw new Error(
        `the build kept no data store inside ${dir}: astro.config.mjs's cacheDir must lie inside the project (a path relative to it), or each size would reuse another's cache`,
      );
    }
    let htmlPages = 0;
    let files = 0;
    let distBytes = 0;
    let indexBytes = 0;
    let indexGzip = 0;
    let shard = 0;
    walk(path.join(dir, 'dist'), (file, size) => {
      distBytes += size;
      files++;
      if (file.endsWith('.html')) htmlPages++;
      if (file.includes(`${path.sep}search-index${path.sep}`)) {
        indexBytes += size;
        // gzip every tenth shard, counted ten times: an estimate that does not read them all.
        if (file.endsWith('.bin') && file.includes('shards') && shard++ % 10 !== 0) return;
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
    Object.assign(site, {
      'HTML pages': htmlPages,
      'files in dist': files,
      'dist MB': (distBytes / 1e6).toFixed(1),
      'search index MB': (indexBytes / 1e6).toFixed(1),
      'index MB gz (est.)': (indexGzip / 1e6).toFixed(1),
      'first query KB gz': firstQueryKb.toFixed(1),
      'first query ms (Node)': firstQueryMs.toFixed(1),
      'query ms (Node, median)': (later[Math.floor(later.length / 2)] ?? 0).toFixed(1),
    });

    const rebuilds = n <= Number(values['rebuilds-up-to']);
    // The floor under every rebuild: one with nothing changed, and Astro's content sync alone with nothing to sync.
    if (rebuilds) {
      builds.push(build(dir, 'nothing changed'));
      builds.push(build(dir, '`astro sync` alone, nothing changed', ['npx', 'astro', 'sync']));
    }
    // One changed seed: a brief added at the end of the first page, rebuilt.
    const first = pages[0];
    if (rebuilds && first) {
      const changed = path.join(dir, 'seeds', first.file);
      const text = decodeBytes(readFileSync(changed));
      const added = '记者1月1日获悉,这条消息是基准测试新加的。';
      writeFileSync(changed, `${(text.ok ? text.text : '').trimEnd()}\n\n本报讯(记者 张浩)${added}\n`);
      const rebuilt = build(dir, 'one changed seed');
      builds.push(rebuilt);
      const ids = storyIds(dir, first.file);
      if (rebuilt.ok && !ids.some((id) => readFileSync(builtPage(dir, articleUrl(id)), 'utf8').includes(added))) {
        throw new Error(`after the rebuild, no story of ${first.file} shows the added sentence; kept at ${dir}`);
      }
    }

    // The daily case: the next day's 8 pages (A1 to A8) and 3 corrections to older pages' headlines, rebuilt.
    if (rebuilds) daily(dir, n, pages, builds);
  }
  const result: SizeResult = {
    pages: n,
    measured: new Date().toISOString(),
    command,
    commit,
    machine,
    days,
    site,
    builds,
  };
  console.table(
    builds.map((b) => ({
      pages: n,
      build: b.name,
      ok: b.ok,
      'wall s': b.seconds.toFixed(1),
      'of full': shareOfFull(b, full),
      'peak RSS GB': b.peakRssBytes === null ? '—' : (b.peakRssBytes / 2 ** 30).toFixed(2),
      'heap GB': b.heapUsedBytes === null ? '—' : (b.heapUsedBytes / 2 ** 30).toFixed(2),
      'heap limit GB': b.heapLimitBytes === null ? '—' : (b.heapLimitBytes / 2 ** 30).toFixed(2),
      'rendered / reused': `${b.rendered ?? '—'} / ${b.reused ?? '—'}`,
      load: `${b.loadBefore} → ${b.loadAfter}`,
    })),
  );
  console.table([{ pages: n, ...site }]);
  if (values.keep) console.log(`kept: ${dir}`);
  else rmSync(dir, { recursive: true, force: true });

  // Written after every size: a long run that stops later keeps what it measured.
  await writeReport([...storedResults().filter((s) => s.pages !== n), result]);
}

for (const [p, mtime] of before) {
  if (!existsSync(p) || statSync(p).mtimeMs !== mtime) {
    console.error(`warning: ${p} changed during the benchmark: a benchmark build used this checkout's cache`);
    process.exitCode = 1;
  }
}
console.log(`build benchmark · ${commit} · ${machine} · peak RSS from ${hasTime ? TIME + ' -v' : 'the processes'}`);
