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
  const workers = Array.from(
    { length: Math.min(threads, queue.length) },
    () => new Worker(new URL('./parse-worker.ts', import.meta.url)),
  );
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
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}
