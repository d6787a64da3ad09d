/**
 * Parsing many seeds on every core: a small pool of worker threads, each
 * running the same pure parser. Used for a full build of a large archive;
 * where workers cannot start, the caller parses in its own thread.
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { SeedResult } from './seeds.ts';

export async function parseInParallel(
  seedPaths: string[],
  threads = Math.max(1, os.availableParallelism()),
): Promise<Map<string, SeedResult>> {
  const results = new Map<string, SeedResult>();
  const queue = [...seedPaths];
  const exited = new WeakSet<Worker>();
  const workers = Array.from({ length: Math.min(threads, queue.length) }, () => {
    const worker = new Worker(new URL('./parse-worker.ts', import.meta.url));
    worker.once('exit', () => exited.add(worker));
    return worker;
  });
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const next = () => {
              const seedPath = queue.shift();
              if (seedPath === undefined) resolve();
              else worker.postMessage(seedPath);
            };
            worker.on('message', (m: { seedPath: string; result: SeedResult }) => {
              results.set(m.seedPath, m.result);
              next();
            });
            worker.on('error', reject);
            next();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => (exited.has(w) ? undefined : closed(w))));
  }
  return results;
}

/**
 * Tells a worker there is no more work and waits for it to end on its own:
 * a thread stopped from outside (terminate) can crash the process on some
 * Node versions. One that has not ended after a while is stopped after all.
 */
function closed(worker: Worker): Promise<void> {
  return new Promise((resolve) => {
    worker.once('exit', () => resolve());
    worker.postMessage(null);
    setTimeout(() => void worker.terminate(), 5000).unref();
  });
}
