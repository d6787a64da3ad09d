/**
 * Reading seed files: decoding, the editor's sidecar (NAME.meta.json) and a
 * clear warning, naming the file, for anything that cannot be read. Shared by
 * the CLI and the Astro content loader.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { decodeBytes } from './parser/decode.ts';
import { pageIdOf, parsePage, type ParsedPage } from './parser/index.ts';
import { applyCorrections } from './corrections.ts';
import { withoutSettled } from './settled.ts';
import { NO_SIDECAR, readSidecar, sidecarPath, type Sidecar } from './sidecar.ts';
import {
  duplicateMessage,
  findDuplicates,
  fingerprintText,
  type Duplicate,
  type IssueFacts,
  type PageFingerprint,
  type SeedCandidate,
} from './duplicates.ts';
import { dateFromFileName } from './parser/dates.ts';
import { mastheadFromFileName } from './parser/masthead.ts';
import { readInside } from './read-inside.ts';
import type { Warning } from './schema.ts';
import type { PageLedger } from './id-ledger.ts';
import { ledgerForSeed } from './id-ledger-file.ts';

export { readSidecar } from './sidecar.ts';
export { sidecarPath };

export interface SeedProblem {
  file: string;
  line: number | null;
  message: string;
  /** The file could not be read at all (as opposed to a problem inside it). */
  fatal: boolean;
  /** Why: empty, could not be read as text, the parser failed, or refused for another file. */
  cause: 'empty' | 'unreadable' | 'parser' | 'refused';
  /** Refused in favour of another file: a copy of it, or a name that is its page id. */
  refused?: Refusal;
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
  const shown = damage.slice(0, 5).map((d) => `第 ${d.line} 行第 ${d.column} 列`);
  const more = damage.length > shown.length ? ` 等 ${damage.length} 处` : '';
  return [
    {
      line: damage[0]?.line ?? null,
      code: 'encoding',
      message: `有无法解码的字节，显示为 �：${shown.join('、')}${more}；请对照原件核对这些地方`,
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
      problem: {
        file,
        line: null,
        message:
          decoded.reason === 'empty' ? `空文件，已跳过：${decoded.message}` : `无法读取，已跳过：${decoded.message}`,
        fatal: decoded.reason !== 'empty',
        cause: decoded.reason === 'empty' ? 'empty' : 'unreadable',
      },
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
    return { ok: true, file, parsed: withoutSettled(applyCorrections(parsed, sidecar, previous)) };
  } catch (e) {
    // A parser bug must cost one page, never the build: the page is reported and the rest go on.
    const message = `解析这一版时程序出错（${(e as Error).name}: ${(e as Error).message}），已跳过，其余各版照常发布：请把这个文件交给开发人员`;
    return { ok: false, file, problem: { file, line: null, message, fatal: true, cause: 'parser' } };
  }
}

/** A seed's bytes, or the problem that kept it from being read. */
export function readSeed(seedPath: string): { ok: true; bytes: Uint8Array } | { ok: false; result: SeedResult } {
  const file = path.basename(seedPath);
  const read = readInside(seedPath);
  if (read.ok) return read;
  const message = `无法读取，已跳过：${read.reason}；请把版面的文本文件本身放进 seeds 文件夹`;
  const problem = { file, line: null, message, fatal: true, cause: 'unreadable' as const };
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
  `它的页面编号 ${pageIdOf(file)} 已被 ${first} 使用，未发布：请给这两个文件中的一个改名`;

/** Why a seed is left out in favour of another file (the keeper). */
export type Refusal = { kind: 'id-clash'; keeper: string } | ({ kind: 'duplicate' } & Duplicate);

const refusalMessage = (file: string, r: Refusal) =>
  r.kind === 'id-clash' ? clashMessage(file, r.keeper) : duplicateMessage(file, r);

/** A refused seed's result: nothing of it is published, and the message names both files. */
export function refusedResult(file: string, refusal: Refusal): SeedResult {
  const message = refusalMessage(file, refusal);
  const problem = { file, line: null, message, fatal: true, cause: 'refused' as const, refused: refusal };
  return { ok: false, file, problem };
}

const fingerprints = new Map<string, { stamp: string; fingerprint: PageFingerprint | null }>();

/** A seed's fingerprint, read again only when the file changed; null when it cannot be read as text. */
/** A file's size and time of change, or null when it cannot be read: a file with the same stamp is taken as unchanged. */
function stampOf(file: string): string | null {
  try {
    const s = statSync(file);
    return `${s.size}:${s.mtimeMs}`;
  } catch {
    return null;
  }
}

function fingerprintOf(seedPath: string): PageFingerprint | null {
  const stamp = stampOf(seedPath);
  if (stamp === null) return null;
  const hit = fingerprints.get(seedPath);
  if (hit?.stamp === stamp) return hit.fingerprint;
  const read = readInside(seedPath);
  const decoded = read.ok ? decodeBytes(read.bytes) : null;
  const fingerprint = decoded?.ok ? fingerprintText(decoded.text) : null;
  fingerprints.set(seedPath, { stamp, fingerprint });
  return fingerprint;
}

const sidecarFacts = new Map<string, { stamp: string; facts: Partial<IssueFacts> }>();

/** What a seed's sidecar says it is (date, 报名, 版次), read again only when the sidecar changed. */
function sidecarFactsOf(seedPath: string): Partial<IssueFacts> {
  const p = sidecarPath(seedPath);
  const stamp = stampOf(p);
  if (stamp === null) return {};
  const hit = sidecarFacts.get(p);
  if (hit?.stamp === stamp) return hit.facts;
  const meta = readSidecar(seedPath).meta;
  const facts = { date: meta?.date ?? null, edition: meta?.edition ?? null, pageLabel: meta?.page ?? null };
  sidecarFacts.set(p, { stamp, facts });
  return facts;
}

/** A seed's date, 报名 and 版次 as its sidecar, else its file name, gives them: two that differ are two pages. */
function issueFactsOf(seedPath: string): IssueFacts {
  const file = path.basename(seedPath);
  const named = mastheadFromFileName(file);
  const meta = sidecarFactsOf(seedPath);
  return {
    date: meta.date ?? dateFromFileName(file)?.date ?? null,
    edition: meta.edition ?? named.edition,
    pageLabel: meta.pageLabel ?? named.pageLabel,
  };
}

/**
 * The seeds of a folder that are not published, each with the file kept
 * instead: a name that is another file's page id (see idClashes), and a copy
 * of another page (see duplicates.ts). One rule for every tool: the CLI, the
 * build and \`astro dev\` all ask here.
 */
export function refusedSeeds(dir: string, files: string[]): Map<string, Refusal> {
  // Every loader asks at the start of a build, for the same folder: the answer stands while no file changed.
  const key = [
    dir,
    ...files.flatMap((f) => [f, stampOf(path.join(dir, f)), stampOf(sidecarPath(path.join(dir, f)))]),
  ].join('\0');
  if (lastRefused?.key !== key) lastRefused = { key, refused: findRefused(dir, files) };
  return new Map(lastRefused.refused);
}

let lastRefused: { key: string; refused: ReadonlyMap<string, Refusal> } | null = null;

function findRefused(dir: string, files: string[]): Map<string, Refusal> {
  const refused = new Map<string, Refusal>();
  for (const [file, keeper] of idClashes(files)) refused.set(file, { kind: 'id-clash', keeper });
  const candidates: SeedCandidate[] = files.flatMap((file) => {
    if (refused.has(file)) return [];
    const seedPath = path.join(dir, file);
    const fingerprint = fingerprintOf(seedPath);
    if (!fingerprint) return [];
    const named = mastheadFromFileName(file);
    return [
      {
        file,
        fingerprint,
        facts: issueFactsOf(seedPath),
        hasSidecar: existsSync(sidecarPath(seedPath)),
        namedByIssue: dateFromFileName(file) !== null || named.pageLabel !== null,
      },
    ];
  });
  for (const [file, d] of findDuplicates(candidates)) refused.set(file, { kind: 'duplicate', ...d });
  return refused;
}

export function parseSeedDir(dir: string): SeedResult[] {
  const files = listSeedFiles(dir);
  const refused = refusedSeeds(
    dir,
    files.map((f) => path.basename(f)),
  );
  return files.map((seedPath) => {
    const file = path.basename(seedPath);
    const refusal = refused.get(file);
    return refusal ? refusedResult(file, refusal) : parseSeedFile(seedPath);
  });
}
