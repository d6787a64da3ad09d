/** A parse worker thread: seed paths in, parsed pages out (see parse-pool.ts). */
import { parentPort } from 'node:worker_threads';
import { parseSeedFile } from './seeds.ts';

// null: no more seeds. Closing the port lets the thread end on its own (parse-pool.ts).
parentPort?.on('message', (seedPath: string | null) => {
  if (seedPath === null) parentPort?.close();
  else parentPort?.postMessage({ seedPath, result: parseSeedFile(seedPath) });
});
