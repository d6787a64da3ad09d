/**
 * Reading seed files: decoding, the editor's sidecar (NAME.meta.json) and a
 * clear warning, naming the file, for anything that cannot be read. Shared by
 * the CLI and the Astro content loader.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { decodeBytes } from './parser/decode.ts';
import { parsePage, type ParsedPage } from './parser/index.ts';
import { PageMeta, type Warning } from './schema.ts';

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

export function sidecarPath(seedPath: string): string {
  return seedPath.replace(/\.txt$/iu, '.meta.json');
}

/** Reads NAME.meta.json; a bad one is a warning with its line, and the page parses without it. */
export function readSidecar(seedPath: string): { meta: PageMeta | null; warnings: Warning[] } {
  const p = sidecarPath(seedPath);
  if (!existsSync(p)) return { meta: null, warnings: [] };
  const name = path.basename(p);
  const text = readFileSync(p, 'utf8');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    const pos = /position (\d+)/u.exec(String(e))?.[1];
    const line = pos ? text.slice(0, Number(pos)).split('\n').length : null;
    return {
      meta: null,
      warnings: [{ line, code: 'meta', message: `${name}: not valid JSON (${(e as Error).message}); ignored` }],
    };
  }
  const parsed = PageMeta.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    return { meta: null, warnings: [{ line: null, code: 'meta', message: `${name}: ${issues}; ignored` }] };
  }
  return { meta: parsed.data, warnings: [] };
}

export function parseSeedBytes(file: string, bytes: Uint8Array, sidecar: ReturnType<typeof readSidecar>): SeedResult {
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
  return { ok: true, file, parsed };
}

export function parseSeedFile(seedPath: string): SeedResult {
  const file = path.basename(seedPath);
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(seedPath);
  } catch (e) {
    return {
      ok: false,
      file,
      problem: { file, line: null, message: `cannot read: ${(e as Error).message}`, fatal: true },
    };
  }
  return parseSeedBytes(file, bytes, readSidecar(seedPath));
}

export function parseSeedDir(dir: string): SeedResult[] {
  return listSeedFiles(dir).map(parseSeedFile);
}
