/**
 * Reading and writing the id ledger, seeds/ids.json (what it holds:
 * id-ledger.ts). A ledger that cannot be read or is not valid is reported
 * and treated as empty: the site still builds, only without the redirects.
 */
import { randomBytes } from 'node:crypto';
import { lstatSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { EMPTY_LEDGER, IdLedger, type PageLedger } from './id-ledger.ts';
import { readInside } from './read-inside.ts';

export const LEDGER_FILE = 'ids.json';

export const ledgerPath = (seedsDir: string) => path.join(seedsDir, LEDGER_FILE);

export interface LedgerRead {
  ledger: IdLedger;
  /** Why the ledger on disk could not be used, if it could not. */
  problem: string | null;
}

/** Ledgers already read in this process, by path, with the size and time they were read at. */
const read = new Map<string, { stamp: string; result: LedgerRead }>();

function stampOf(file: string): string {
  try {
    const s = statSync(file);
    return `${s.size}:${s.mtimeMs}`;
  } catch {
    return 'none';
  }
}

export function readIdLedger(seedsDir: string): LedgerRead {
  const file = ledgerPath(seedsDir);
  const stamp = stampOf(file);
  const hit = read.get(file);
  if (hit?.stamp === stamp) return hit.result;
  const result = readFresh(file);
  read.set(file, { stamp, result });
  return result;
}

function readFresh(file: string): LedgerRead {
  const bytes = readInside(file);
  if (!bytes.ok) return { ledger: EMPTY_LEDGER, problem: bytes.missing ? null : `${LEDGER_FILE}: ${bytes.reason}` };
  try {
    const checked = IdLedger.safeParse(JSON.parse(new TextDecoder().decode(bytes.bytes)));
    if (checked.success) return { ledger: checked.data, problem: null };
    const where = checked.error.issues[0]?.path.map(String).join('.') ?? '';
    return {
      ledger: EMPTY_LEDGER,
      problem: `${LEDGER_FILE}：不是有效的编号表（${where}），旧链接这次不会跳转；请从版本库恢复这个文件`,
    };
  } catch (e) {
    return {
      ledger: EMPTY_LEDGER,
      problem: `${LEDGER_FILE}：不是有效的 JSON（${(e as Error).message}），这次没有使用；请从版本库恢复这个文件`,
    };
  }
}

/** One seed file's ids from the ledger beside it. */
export function ledgerForSeed(seedPath: string): PageLedger {
  return readIdLedger(path.dirname(seedPath)).ledger.pages[path.basename(seedPath)] ?? {};
}

export const ledgerText = (ledger: IdLedger) => `${JSON.stringify(ledger, null, 2)}\n`;

/**
 * Writes the ledger when it changed; returns why it could not, or null. The
 * new text goes to a file of its own in the same folder, which is then
 * renamed over ids.json: a reader — a parse worker of a build, an editor's
 * `npm run dev` — sees the old ledger or the new one, never half of it.
 */
export function writeIdLedger(seedsDir: string, ledger: IdLedger): string | null {
  const file = ledgerPath(seedsDir);
  const text = ledgerText(ledger);
  const bytes = readInside(file);
  if (bytes.ok && new TextDecoder().decode(bytes.bytes) === text) return null;
  // Never written through a link: a contributed seeds folder could point it anywhere.
  if (!bytes.ok && !bytes.missing) return `${LEDGER_FILE} 没有写入：${bytes.reason}`;
  if (stampOf(file) !== 'none' && !lstatSync(file).isFile())
    return `${LEDGER_FILE} 没有写入：它不是普通文件（可能是链接或文件夹）`;
  const temp = path.join(seedsDir, `.${LEDGER_FILE}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  let created = false;
  try {
    // wx: a new file, never one (or a link) already at that name.
    writeFileSync(temp, text, { flag: 'wx' });
    created = true;
    renameSync(temp, file);
    return null;
  } catch (e) {
    if (created) rmSync(temp, { force: true });
    return `${LEDGER_FILE} could not be written (${(e as Error).message}): ids that change later will not be redirected`;
  }
}

/**
 * Ledgers computed by this process's content loader and not yet written, by
 * seeds folder. The loader runs in `astro build`, `astro check`, `astro sync`
 * and `astro dev` alike, and beside the parse workers that read the ledger,
 * so it only stages its ledger here; the id-ledger integration writes it in
 * `astro:build:done` (astro.config.mjs), when a build is finished.
 *
 * Kept on globalThis, under a registered symbol, and not in a module
 * variable: Astro loads astro.config.mjs (the integration) and
 * src/content.config.ts (the loader) through two different Vite module
 * graphs, each with its own instance of this module, and only the process's
 * global object is shared between them.
 */
const STAGED_KEY = Symbol.for('liaocheng-news-archive.id-ledger.staged-for-build');

function staged(): Map<string, IdLedger> {
  const global = globalThis as typeof globalThis & { [STAGED_KEY]?: Map<string, IdLedger> };
  global[STAGED_KEY] ??= new Map();
  return global[STAGED_KEY];
}

/** Keeps the ledger a build computed, for writeStagedIdLedgers to write when the build is done. */
export function stageIdLedger(seedsDir: string, ledger: IdLedger): void {
  staged().set(path.resolve(seedsDir), ledger);
}

/** Writes every staged ledger (once: it is then no longer staged); returns why any could not be. */
export function writeStagedIdLedgers(): string[] {
  const problems: string[] = [];
  for (const [seedsDir, ledger] of staged()) {
    staged().delete(seedsDir);
    const problem = writeIdLedger(seedsDir, ledger);
    if (problem) problems.push(problem);
  }
  return problems;
}
