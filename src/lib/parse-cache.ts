/**
 * Parsing a seed once per content and parser version, however many
 * collections ask for it: the articles and pages loaders share this.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { PARSER_VERSION } from './parser/version.ts';
import { parseSeedBytes, readSeed, type SeedResult } from './seeds.ts';
import { readSidecar, sidecarPath } from './sidecar.ts';
import { parseInParallel } from './parse-pool.ts';
import { readInside } from './read-inside.ts';
import { ledgerForSeed } from './id-ledger-file.ts';

const cache = new Map<string, { key: string; result: SeedResult }>();
/**
 * Which loaders said they will read each seed (warmParseCache). A parse is
 * kept only until every one of them has read it (or finished its sync): the
 * content store holds the records from then on, and a decade of pages kept
 * twice would not fit in the build's memory.
 */
const readers = new Map<string, Set<string>>();
let parses = 0;

/** How many seeds this process has actually parsed (the rest came from a cache). */
export const parseCount = () => parses;

/** How many parses this process holds now. */
export const heldParses = () => cache.size;

/** Forgets what this process parsed, as a new build process would. */
export function clearParseCache() {
  cache.clear();
  readers.clear();
}

/**
 * A loader is done with the seeds it warmed, read or not (a refused copy is
 * not read): each parse no other loader is still to read is let go.
 */
export function releaseParses(reader: string) {
  for (const seedPath of [...readers.keys()]) taken(seedPath, reader);
}

/** Fewer seeds than this are parsed one by one by the callers: starting workers would cost more. */
const POOL_AT_LEAST = 16;

/**
 * Seeds being parsed on the worker pool now, each with the key it is parsed
 * under and the batch that parses it. Astro runs every collection's loader
 * at once, and each warms the cache: a seed already on its way is waited
 * for, never parsed a second time.
 */
const inFlight = new Map<string, { key: string; batch: Promise<void> }>();

/**
 * Parses seeds on all cores ahead of the calls that will ask for them; worth
 * it for many seeds (a first build, a new parser). Falls back to nothing —
 * the callers then parse one by one — where worker threads cannot start.
 * Resolves once every seed asked for is in the cache (or failed to be).
 * `reader` names the loader that will read them; its parses are kept until
 * it calls releaseParses.
 */
export async function warmParseCache(seedPaths: string[], reader: string): Promise<void> {
  const waiting = new Set<Promise<void>>();
  const todo: Array<{ p: string; key: string }> = [];
  for (const p of seedPaths) {
    let waitingFor = readers.get(p);
    if (!waitingFor) readers.set(p, (waitingFor = new Set()));
    waitingFor.add(reader);
    const key = currentKey(p);
    if (!key || cache.get(p)?.key === key) continue;
    const running = inFlight.get(p);
    if (running?.key === key) waiting.add(running.batch);
    else todo.push({ p, key });
  }
  if (todo.length >= POOL_AT_LEAST) {
    const batch = parseBatch(todo).finally(() => {
      for (const { p } of todo) if (inFlight.get(p)?.batch === batch) inFlight.delete(p);
    });
    for (const { p, key } of todo) inFlight.set(p, { key, batch });
    waiting.add(batch);
  }
  await Promise.all(waiting);
}

async function parseBatch(todo: Array<{ p: string; key: string }>): Promise<void> {
  try {
    const results = await parseInParallel(todo.map((t) => t.p));
    for (const { p, key } of todo) {
      const result = results.get(p);
      if (result) {
        parses++;
        if (readers.has(p)) cache.set(p, { key, result });
      }
    }
  } catch {
    // Parsed one by one by the callers instead.
  }
}

/** The content key of a seed as it is on disk now, or null when it cannot be read. */
export function currentKey(seedPath: string): string | null {
  const read = readInside(seedPath);
  return read.ok ? parseKey(seedPath, read.bytes) : null;
}

/** What a parse depends on: the seed's bytes, its sidecar (and then its ids in the id ledger) and the parser version. */
export function parseKey(seedPath: string, bytes: Uint8Array): string {
  const meta = readInside(sidecarPath(seedPath));
  return (
    createHash('sha256')
      .update(PARSER_VERSION)
      .update('\0')
      .update(bytes)
      .update('\0')
      .update(meta.ok ? meta.bytes : meta.reason)
      .update('\0')
      // Only a sidecar's corrections read the ledger: a page without one does not wait on it.
      .update(meta.ok ? JSON.stringify(ledgerForSeed(seedPath)) : '')
      .digest('hex')
  );
}

/**
 * A seed's parse, from the cache when its key still matches. `reader` (the
 * loader asking) has then taken it: once every loader that warmed it has,
 * it is let go.
 */
export function parseSeedCached(seedPath: string, reader?: string): SeedResult {
  const file = path.basename(seedPath);
  const read = readSeed(seedPath);
  if (!read.ok) return read.result;
  const { bytes } = read;
  const key = parseKey(seedPath, bytes);
  const hit = cache.get(seedPath);
  let result: SeedResult;
  if (hit?.key === key) result = hit.result;
  else {
    result = parseSeedBytes(file, bytes, readSidecar(seedPath), ledgerForSeed(seedPath));
    parses++;
    // Kept only for a loader that said it will read this seed too.
    if (readers.has(seedPath)) cache.set(seedPath, { key, result });
  }
  if (reader !== undefined) taken(seedPath, reader);
  return result;
}

function taken(seedPath: string, reader: string) {
  const waiting = readers.get(seedPath);
  waiting?.delete(reader);
  if (waiting?.size !== 0) return;
  readers.delete(seedPath);
  cache.delete(seedPath);
}
