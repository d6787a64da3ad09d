/** A parse worker thread: seed paths in, parsed pages out (see parse-pool.ts). */
import { parentPort } from 'node:worker_threads';
import { parseSeedFile } from './seeds.ts';

parentPort?.on('message', (seedPath: string) => {
  parentPort?.postMessage({ seedPath, result: parseSeedFile(seedPath) });
});
