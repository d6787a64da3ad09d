// Preloaded into every Node process of a measured build (NODE_OPTIONS=--require=…, set by
// scripts/bench-build.ts): an observer that sets no flag. It writes MEMORY_REPORT_DIR/<pid>.json
// with the main thread's peak V8 heap in use, the heap's limit and the process's peak resident
// memory. The peak comes from V8's GC profiler (the heap in use just before each collection,
// which is where it peaks), as well as from a sample every 100 ms: a timer alone misses the
// peak of a long synchronous stretch (the content sync), when no timer runs. Written every 2 s
// as well as on exit; a build that dies of a full heap runs no exit handler, and its log's
// "Last few GCs" give the heap at the end instead.
const { writeFileSync } = require('node:fs');
const path = require('node:path');
const v8 = require('node:v8');
const { setInterval } = require('node:timers');
const { isMainThread } = require('node:worker_threads');

const dir = process.env.MEMORY_REPORT_DIR;
if (dir && isMainThread) {
  const file = path.join(dir, `${process.pid}.json`);
  const profiler = new v8.GCProfiler();
  profiler.start();
  let peakHeapUsed = 0;
  let peakHeapTotal = 0;
  let writtenAt = 0;
  const write = () => {
    writeFileSync(
      file,
      JSON.stringify({
        argv: process.argv.slice(1),
        peakHeapUsed,
        peakHeapTotal,
        heapLimit: v8.getHeapStatistics().heap_size_limit,
        maxRss: process.resourceUsage().maxRSS * 1024,
      }),
    );
    writtenAt = Date.now();
  };
  const sample = () => {
    const heap = v8.getHeapStatistics();
    peakHeapUsed = Math.max(peakHeapUsed, heap.used_heap_size);
    peakHeapTotal = Math.max(peakHeapTotal, heap.total_heap_size);
    if (Date.now() - writtenAt > 2000) write();
  };
  setInterval(sample, 100).unref();
  process.on('exit', () => {
    sample();
    for (const gc of profiler.stop()?.statistics ?? []) {
      peakHeapUsed = Math.max(peakHeapUsed, gc.beforeGC.heapStatistics.usedHeapSize);
      peakHeapTotal = Math.max(peakHeapTotal, gc.beforeGC.heapStatistics.totalHeapSize);
    }
    write();
  });
}
