/**
 * npm run build [-- astro build options, e.g. --force]
 * `astro build`, with a heap limit large enough for the archive in seeds/
 * (or SEEDS_DIR) when Node's default is not: see src/lib/build/heap-limit.ts.
 * A heap limit set in NODE_OPTIONS by the caller is left as it is.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import { heapNeed } from '../src/lib/build/heap-limit.ts';
import { seedsFolderIn } from '../src/lib/seeds-folder.ts';

const seeds = seedsFolderIn();
const seedBytes = existsSync(seeds)
  ? readdirSync(seeds)
      .filter((f) => f.toLowerCase().endsWith('.txt'))
      .reduce((sum, f) => sum + statSync(path.join(seeds, f)).size, 0)
  : 0;
const MiB = 2 ** 20;
const need = heapNeed(seedBytes, v8.getHeapStatistics().heap_size_limit / MiB, os.totalmem() / MiB);
const callerSetsHeap = /--max-old-space-size/u.test(process.env['NODE_OPTIONS'] ?? '');
const heapFlags = need.limitMiB !== null && !callerSetsHeap ? [`--max-old-space-size=${need.limitMiB}`] : [];
if (heapFlags.length > 0) {
  console.log(
    `版面文字共 ${(seedBytes / 1e6).toFixed(0)} MB：构建使用 ${((need.limitMiB ?? 0) / 1024).toFixed(1)} GB 内存上限`,
  );
}
if (need.short) {
  console.warn(
    `版面文字共 ${(seedBytes / 1e6).toFixed(0)} MB，构建约需 ${(need.needMiB / 1024).toFixed(1)} GB 内存，这台电脑只能给 ${((need.limitMiB ?? 0) / 1024).toFixed(1)} GB：构建可能因内存不足而中止，请换一台内存更大的电脑`,
  );
}

const astro = fileURLToPath(new URL('bin/astro.mjs', import.meta.resolve('astro/package.json')));
const result = spawnSync(process.execPath, [...heapFlags, astro, 'build', ...process.argv.slice(2)], {
  stdio: 'inherit',
});
if (result.error) console.error(`无法启动构建：${result.error.message}`);
process.exit(result.status ?? 1);
