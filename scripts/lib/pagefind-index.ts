/**
 * node scripts/lib/pagefind-index.ts <records.json> <output dir>
 *
 * Pagefind's index of the benchmark's stories, built in a process of its
 * own: when Pagefind's service dies (the kernel ends it when it runs out of
 * memory), its library never settles, and this process ends instead of the
 * benchmark hanging. bench-search.ts reads the exit code.
 */
import { readFileSync, readdirSync } from 'node:fs';
import * as pagefind from 'pagefind';

interface CustomRecord {
  url: string;
  content: string;
  language: string;
  meta: Record<string, string>;
}

const [recordsFile, outputPath] = process.argv.slice(2);
if (!recordsFile || !outputPath) {
  console.error('usage: node scripts/lib/pagefind-index.ts <records.json> <output dir>');
  process.exit(2);
}
/**
 * The indexer's peak memory: Pagefind's service is a process of its own,
 * which /usr/bin/time does not see (it is never waited for), so its peak
 * (VmHWM) is read from /proc while it runs, and printed as this process ends.
 */
let peakKb = 0;
const watch = setInterval(() => {
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/u.test(d))) {
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      if (/^PPid:\s+(\d+)$/mu.exec(status)?.[1] !== String(process.pid)) continue;
      peakKb = Math.max(peakKb, Number(/^VmHWM:\s+(\d+) kB$/mu.exec(status)?.[1] ?? 0));
    } catch {
      // The process ended between the listing and the read.
    }
  }
}, 200);
watch.unref();
process.on('exit', () => console.error(`pagefind peak kB: ${peakKb}`));

const records = JSON.parse(readFileSync(recordsFile, 'utf8')) as CustomRecord[];
const { index } = await pagefind.createIndex({});
if (!index) throw new Error('pagefind did not start');
for (const record of records) await index.addCustomRecord(record);
await index.writeFiles({ outputPath });
await pagefind.close();
