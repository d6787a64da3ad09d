/**
 * Reading seed files: decoding, the editor's sidecar (NAME.meta.json) and a
 * clear warning, naming the file, for anything that cannot be read. Shared by
 * the CLI and the Astro content loader.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { decodeBytes } from './parser/decode.ts';
import { parsePage, type ParsedPage } from './parser/index.ts';
import { applyCorrections } from './corrections.ts';
import { NO_SIDECAR, readSidecar, type Sidecar } from './sidecar.ts';

export { readSidecar, sidecarPath } from './sidecar.ts';

export interface SeedProblem {
  file: string;
  line: number | null;
  message: string;
  /** The file could not be read at all (as opposed to a problem inside it). */
  fatal: boolean;
}

export type SeedResult =
  { ok: true; file: string; parsed: ParsedPage } | { ok: false; file: string; problem: SeedProblem };

/** Seed pages in a folder, in name order (*.txt; sidecars are read alongside). */
export function listSeedFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.toLowerCase().endsWith('.txt'))
    .sort()
    .map((f) => path.join(dir, f));
}

export function parseSeedBytes(file: string, bytes: Uint8Array, sidecar: Sidecar = NO_SIDECAR): SeedResult {
  const decoded = decodeBytes(bytes);
  if (!decoded.ok) {
    return {
      ok: false,
      file,
      problem: { file, line: null, message: `skipped: ${decoded.message}`, fatal: decoded.reason !== 'empty' },
    };
  }
  const parsed = parsePage({
    file,
    text: decoded.text,
    encoding: decoded.encoding,
    meta: sidecar.meta,
    warnings: sidecar.warnings,
  });
  return { ok: true, file, parsed: applyCorrections(parsed, sidecar) };
}

/** A seed's bytes, or the problem that kept it from being read. */
export function readSeed(seedPath: string): { ok: true; bytes: Uint8Array } | { ok: false; result: SeedResult } {
  const file = path.basename(seedPath);
  try {
    return { ok: true, bytes: readFileSync(seedPath) };
  } catch (e) {
    const problem = { file, line: null, message: `cannot read: ${(e as Error).message}`, fatal: true };
    return { ok: false, result: { ok: false, file, problem } };
  }
}

export function parseSeedFile(seedPath: string): SeedResult {
  const read = readSeed(seedPath);
  return read.ok ? parseSeedBytes(path.basename(seedPath), read.bytes, readSidecar(seedPath)) : read.result;
}

export function parseSeedDir(dir: string): SeedResult[] {
  return listSeedFiles(dir).map(parseSeedFile);
}
