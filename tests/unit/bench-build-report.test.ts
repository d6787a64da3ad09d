import { describe, expect, it } from 'vitest';
import {
  countRoutes,
  heapAtDeath,
  loadAverages,
  parseTimeVerbose,
  renderBuildSection,
  shareOfFull,
  type BuildRun,
  type SizeResult,
} from '../../scripts/lib/bench-build-report.ts';

/** GNU time's report for a command that failed, as `/usr/bin/time -v -o FILE sh -c 'exit 3'` wrote it on this machine. */
const TIME_REPORT = `Command exited with non-zero status 3
\tCommand being timed: "sh -c exit 3"
\tUser time (seconds): 0.00
\tSystem time (seconds): 0.00
\tPercent of CPU this job got: 100%
\tElapsed (wall clock) time (h:mm:ss or m:ss): 0:00.00
\tAverage shared text size (kbytes): 0
\tAverage unshared data size (kbytes): 0
\tAverage stack size (kbytes): 0
\tAverage total size (kbytes): 0
\tMaximum resident set size (kbytes): 2568396
\tAverage resident set size (kbytes): 0
\tExit status: 3
`;

const run = (name: string, seconds: number, ok = true): BuildRun => ({
  name,
  ok,
  ...(ok ? {} : { error: 'JavaScript heap out of memory' }),
  seconds,
  peakRssBytes: 2568396 * 1024,
  rssFrom: '/usr/bin/time -v',
  heapUsedBytes: 1.6 * 2 ** 30,
  heapLimitBytes: 4.05 * 2 ** 30,
  loadBefore: '2.10 2.40 2.77',
  loadAfter: '2.50 2.45 2.70',
  rendered: 120,
  reused: 8769,
});

const result = (pages: number, builds: BuildRun[]): SizeResult => ({
  pages,
  measured: '2026-11-22T01:02:03.000Z',
  command: 'npm run bench:build -- --pages 1000',
  commit: '54b5c9c',
  machine: '2 cores (AMD EPYC), 24 GiB, Node v22.23.3',
  days: { first: '2025-09-01', last: '2025-12-31' },
  site: { stories: 6478 },
  builds,
});

describe('the build benchmark report', () => {
  it('reads the peak RSS and exit status from /usr/bin/time -v', () => {
    expect(parseTimeVerbose(TIME_REPORT)).toEqual({ maxRssBytes: 2568396 * 1024, exitStatus: 3 });
    expect(parseTimeVerbose('no report')).toEqual({ maxRssBytes: null, exitStatus: null });
  });

  it('counts the files a build log says were rendered and reused', () => {
    // Lines as `astro build` 7.3 wrote them in a benchmark project (incremental builds on for the rebuild).
    const log = [
      ' generating static routes ',
      '00:16:11   ├─ /404.html (+26ms) ',
      '00:16:11   ├─ /api/articles/2025-12.json (+37ms) ',
      '00:17:55   ├─ /api/articles/2025-11.json (restored)',
      '00:17:55   ├─ /articles/2025-11-06-a3-00929-27ocd6-6hq/index.html (cached)',
      '00:17:05 ✓ Completed in 1m 10s.',
      '00:15:52 [build] directory: /tmp/bench-build-aXzDCW/dist/',
    ].join('\n');
    expect(countRoutes(log)).toEqual({ rendered: 2, reused: 2 });
  });

  it("reads the heap a build died with from V8's last collections", () => {
    // The end of the 30,000-page build's log on this machine.
    const log = `00:53:54 [content] Syncing content

<--- Last few GCs --->

[2040:0x23c17000]   176687 ms: Mark-Compact (reduce) 4037.5 (4143.9) -> 4037.3 (4112.9) MB, pooled: 0 MB, 3042.89 / 0.00 ms  (average mu = 0.054, current mu = 0.000) last resort; GC in old space requested
[2040:0x23c17000]   179436 ms: Mark-Compact (reduce) 4037.3 (4112.9) -> 4037.3 (4112.9) MB, pooled: 0 MB, 2749.18 / 0.00 ms  (average mu = 0.031, current mu = 0.000) last resort; GC in old space requested

FATAL ERROR: Ineffective mark-compacts near heap limit Allocation failed - JavaScript heap out of memory`;
    expect(heapAtDeath(log)).toBe(4037.5 * 2 ** 20);
    expect(heapAtDeath('00:53:54 [build] Complete!')).toBeNull();
  });

  it('reads the load averages from uptime', () => {
    expect(loadAverages(' 00:05:43 up  3:06,  0 user,  load average: 2.95, 2.30, 2.61\n')).toBe('2.95 2.30 2.61');
    expect(loadAverages('10:00  up 2 days, load averages: 1.20 1.10 0.90')).toBe('1.20 1.10 0.90');
  });

  it('gives a rebuild as a share of the full build, and none for a failed build', () => {
    expect(shareOfFull(run('one changed seed', 11.5), run('full', 115))).toBe('10%');
    expect(shareOfFull(run('one changed seed', 11.5, false), run('full', 115))).toBe('—');
    expect(shareOfFull(run('one changed seed', 11.5), run('full', 115, false))).toBe('—');
  });

  it('shows each build with its share and load, says a size was not run, and names a failure', () => {
    const md = renderBuildSection(
      [result(1000, [run('full', 115), run('one changed seed', 11.5)]), result(30000, [run('full', 2400, false)])],
      [1000, 3000, 30000],
    );
    const rows = md.split('\n').filter((l) => l.startsWith('| '));
    expect(rows).toContain(
      '| 1,000 | full | 115.0 | — | 2.45 | 1.60 of 4.05 | 120 / 8,769 | 2.10 2.40 2.77 → 2.50 2.45 2.70 |',
    );
    expect(rows).toContain(
      '| 1,000 | one changed seed | 11.5 | 10% | 2.45 | 1.60 of 4.05 | 120 / 8,769 | 2.10 2.40 2.77 → 2.50 2.45 2.70 |',
    );
    expect(rows).toContain('| 3,000 | not run | — | — | — | — | — | — |');
    expect(rows.find((r) => r.startsWith('| 30,000 |'))).toContain(
      '| full: **failed** (JavaScript heap out of memory) | 2400.0 | — | 2.45 | 1.60 of 4.05 | — |',
    );
    expect(md).toContain('- 3,000 pages: not run');
    expect(md).toContain(
      '- 1,000 pages (issue dates 2025-09-01 to 2025-12-31): `npm run bench:build -- --pages 1000`, finished 2026-11-22 01:02 UTC, commit 54b5c9c',
    );
  });
});
