/**
 * Reading seed files: decoding, the editor's sidecar (NAME.meta.json) and a
 * clear warning, naming the file, for anything that cannot be read. Shared by
 * the CLI and the Astro content loader.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { decodeBytes } from './parser/decode.ts';
import { pageIdOf, parsePage, type ParsedPage } from './parser/index.ts';
import { applyCorrections } from './corrections.ts';
import { NO_SIDECAR, readSidecar, type Sidecar } from './sidecar.ts';
import { readInside } from './read-inside.ts';
import type { Warning } from './schema.ts';
import type { PageLedger } from './id-ledger.ts';
import { ledgerForSeed } from './id-ledger-file.ts';

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

/** The damage the decoder marked, as warnings with line and column (the first few, then a count). */
function damageWarnings(damage: Array<{ line: number; column: number }>): Warning[] {
  if (damage.length === 0) return [];
  const shown = damage.slice(0, 5).map((d) => `line ${d.line} column ${d.column}`);
  const more = damage.length > shown.length ? ` and ${damage.length - shown.length} more` : '';
  return [
    {
      line: damage[0]?.line ?? null,
      code: 'encoding',
      message: `bytes that could not be decoded are shown as � at ${shown.join(', ')}${more}: check these places against the original`,
    },
  ];
}

/**
 * @param previous the page's ids in the id ledger (seeds/ids.json), so a
 *   correction written for an id that has since changed finds its story.
 */
export function parseSeedBytes(
  file: string,
  bytes: Uint8Array,
  sidecar: Sidecar = NO_SIDECAR,
  previous: PageLedger = {},
): SeedResult {
  const decoded = decodeBytes(bytes);
  if (!decoded.ok) {
    return {
      ok: false,
      file,
      problem: { file, line: null, message: `skipped: ${decoded.message}`, fatal: decoded.reason !== 'empty' },
    };
  }
  try {
    const parsed = parsePage({
      file,
      text: decoded.text,
      encoding: decoded.encoding,
      meta: sidecar.meta,
      warnings: [...damageWarnings(decoded.damage), ...sidecar.warnings],
    });
    return { ok: true, file, parsed: applyCorrections(parsed, sidecar, previous) };
  } catch (e) {
    // A parser bug must cost one page, never the build: the page is reported and the rest go on.
    const message = `skipped: the parser failed on this page (${(e as Error).name}: ${(e as Error).message}); please report it with the file`;
    return { ok: false, file, problem: { file, line: null, message, fatal: true } };
  }
}

/** A seed's bytes, or the problem that kept it from being read. */
export function readSeed(seedPath: string): { ok: true; bytes: Uint8Array } | { ok: false; result: SeedResult } {
  const file = path.basename(seedPath);
  const read = readInside(seedPath);
  if (read.ok) return read;
  const problem = { file, line: null, message: `skipped: ${read.reason}`, fatal: true };
  return { ok: false, result: { ok: false, file, problem } };
}

export function parseSeedFile(seedPath: string): SeedResult {
  const read = readSeed(seedPath);
  if (!read.ok) return read.result;
  return parseSeedBytes(path.basename(seedPath), read.bytes, readSidecar(seedPath), ledgerForSeed(seedPath));
}

/**
 * Page ids are made from file names alone, so two files share one only by a
 * rare accident (a name that equals another's hashed id). The first in name
 * order keeps it; each later one is refused with both names, never merged.
 * Returns each refused file with the file that keeps the id.
 */
export function idClashes(files: string[]): Map<string, string> {
  const owner = new Map<string, string>();
  const clashes = new Map<string, string>();
  for (const file of [...files].sort()) {
    const id = pageIdOf(file);
    const first = owner.get(id);
    if (first === undefined) owner.set(id, file);
    else clashes.set(file, first);
  }
  return clashes;
}

export const clashMessage = (file: string, first: string) =>
  `skipped: its page id ${pageIdOf(file)} is already ${first}'s; rename one of the two files`;

export function parseSeedDir(dir: string): SeedResult[] {
  const files = listSeedFiles(dir);
  const clashes = idClashes(files.map((f) => path.basename(f)));
  return files.map((seedPath) => {
    const file = path.basename(seedPath);
    const first = clashes.get(file);
    if (first === undefined) return parseSeedFile(seedPath);
    return { ok: false, file, problem: { file, line: null, message: clashMessage(file, first), fatal: true } };
  });
}
