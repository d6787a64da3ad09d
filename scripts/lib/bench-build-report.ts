/**
 * What `npm run bench:build` records and how docs/benchmarks.md shows it:
 * reading `/usr/bin/time -v` and `uptime`, and the build section's tables.
 * Pure, so the figures' wording is tested without running a build.
 */

/** One `npm run build` in a benchmark project. */
export interface BuildRun {
  /** What changed before this build: 'full' is the first build, from an empty cache. */
  name: string;
  ok: boolean;
  /** The end of the build's output when it failed (a full heap, a crash). */
  error?: string;
  seconds: number;
  peakRssBytes: number | null;
  /** Where the peak RSS comes from: `/usr/bin/time -v`, or the build's own report where that is missing. */
  rssFrom: string;
  /** The main thread's V8 heap at its peak (sampled every 100 ms), and the heap's limit. */
  heapUsedBytes: number | null;
  heapLimitBytes: number | null;
  /** Files Astro rendered, and files it reused from the last build (an incremental build's "(cached)"), as its log lists them. */
  rendered?: number;
  reused?: number;
  /** `uptime`'s load averages (1, 5, 15 minutes) just before and just after the build. */
  loadBefore: string;
  loadAfter: string;
}

/** One corpus size, as one run of the benchmark measured it. */
export interface SizeResult {
  pages: number;
  /** When it ran (ISO, UTC), the command, the commit it ran on, the machine. */
  measured: string;
  command: string;
  commit: string;
  machine: string;
  /** The issue dates the corpus spans. */
  days: { first: string; last: string };
  site: Record<string, string | number>;
  builds: BuildRun[];
}

/** The figures a `/usr/bin/time -v` report gives (GNU time's wording). */
export function parseTimeVerbose(report: string): { maxRssBytes: number | null; exitStatus: number | null } {
  const rss = /Maximum resident set size \(kbytes\): (\d+)/u.exec(report);
  const exit = /Exit status: (\d+)/u.exec(report);
  return {
    maxRssBytes: rss ? Number(rss[1]) * 1024 : null,
    exitStatus: exit ? Number(exit[1]) : null,
  };
}

/** The three load averages of an `uptime` line, as it prints them ("2.10, 2.40, 2.77"). */
export function loadAverages(uptime: string): string {
  return /load averages?: ([\d.]+),? ([\d.]+),? ([\d.]+)/u.exec(uptime)?.slice(1, 4).join(' ') ?? 'unknown';
}

/**
 * How many files an `astro build` log says it rendered (「├─ /path (+12ms)」)
 * and how many it took from the last build (「├─ /path (cached)」 or
 * 「(restored)」, with incremental builds on).
 */
export function countRoutes(log: string): { rendered: number; reused: number } {
  let rendered = 0;
  let reused = 0;
  for (const line of log.split('\n')) {
    if (!line.includes('├─')) continue;
    if (/\((?:cached|restored)\)/u.test(line)) reused++;
    else if (/\(\+\d+(?:\.\d+)?m?s\)/u.test(line)) rendered++;
  }
  return { rendered, reused };
}

/**
 * The main heap in use at a failed build's last collections, from the "Last
 * few GCs" V8 prints when a heap is full (「Mark-Compact (reduce) 4037.5
 * (4143.9) -> 4037.3 (4112.9) MB」: in use before, and committed, in MiB).
 */
export function heapAtDeath(log: string): number | null {
  let peak: number | null = null;
  for (const m of log.matchAll(
    /(?:Mark-Compact|Scavenge|Mark-sweep)[^\n]*? ([\d.]+) \([\d.]+\) -> [\d.]+ \([\d.]+\) MB/gu,
  )) {
    peak = Math.max(peak ?? 0, Number(m[1]) * 2 ** 20);
  }
  return peak;
}

const gb = (bytes: number | null) => (bytes === null ? '—' : (bytes / 2 ** 30).toFixed(2));
const grouped = (n: number) => n.toLocaleString('en-US');

function table(head: string[], rows: string[][]): string {
  return [
    `| ${head.join(' | ')} |`,
    `|${head.map(() => ' --- ').join('|')}|`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}

/** A build's wall time as a share of the full build of the same size in the same run. */
export function shareOfFull(run: BuildRun, full: BuildRun | undefined): string {
  if (!run.ok || !full?.ok) return '—';
  return `${Math.round((run.seconds / full.seconds) * 100)}%`;
}

/**
 * The build section of docs/benchmarks.md: a row per build (each with the load
 * it ran under), a row per corpus, and for every size asked about and never
 * measured, a row that says so.
 */
export function renderBuildSection(results: SizeResult[], sizes: number[]): string {
  const bySize = new Map(results.map((r) => [r.pages, r]));
  const all = [...new Set([...sizes, ...bySize.keys()])].sort((a, b) => a - b);
  const buildRows: string[][] = [];
  for (const pages of all) {
    const result = bySize.get(pages);
    if (!result) {
      buildRows.push([grouped(pages), 'not run', '—', '—', '—', '—', '—', '—']);
      continue;
    }
    const full = result.builds.find((b) => b.name === 'full');
    for (const b of result.builds) {
      buildRows.push([
        grouped(pages),
        b.ok ? b.name : `${b.name}: **failed** (${b.error ?? 'no output'})`,
        b.seconds.toFixed(1),
        b.name === 'full' ? '—' : shareOfFull(b, full),
        gb(b.peakRssBytes),
        b.heapUsedBytes === null ? '—' : `${gb(b.heapUsedBytes)} of ${gb(b.heapLimitBytes)}`,
        b.rendered === undefined || !b.ok ? '—' : `${grouped(b.rendered)} / ${grouped(b.reused ?? 0)}`,
        `${b.loadBefore} → ${b.loadAfter}`,
      ]);
    }
  }
  const measured = all.flatMap((pages) => {
    const r = bySize.get(pages);
    return r
      ? [
          `- ${grouped(pages)} pages (issue dates ${r.days.first} to ${r.days.last}): \`${r.command}\`, finished ${r.measured.replace('T', ' ').slice(0, 16)} UTC, commit ${r.commit}, ${r.machine}`,
        ]
      : [`- ${grouped(pages)} pages: not run`];
  });
  const siteCols = [...new Set(results.flatMap((r) => Object.keys(r.site)))];
  const siteRows = all.flatMap((pages) => {
    const r = bySize.get(pages);
    return r ? [[grouped(pages), ...siteCols.map((c) => String(r.site[c] ?? '—'))]] : [];
  });
  return [
    table(
      [
        'pages',
        'build (`npm run build`)',
        'wall s',
        'of the full build',
        'peak RSS GiB',
        'main heap peak of limit, GiB',
        'files rendered / reused',
        'load before → after (1, 5, 15 min)',
      ],
      buildRows,
    ),
    'Each size was measured by:',
    measured.join('\n'),
    siteRows.length > 0 ? table(['pages', ...siteCols], siteRows) : '',
  ]
    .filter(Boolean)
    .join('\n\n');
}
