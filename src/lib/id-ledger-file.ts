/**
 * Reading and writing the id ledger, seeds/ids.json (what it holds:
 * id-ledger.ts). A ledger that cannot be read or is not valid is reported
 * and treated as empty: the site still builds, only without the redirects.
 */
import { lstatSync, statSync, writeFileSync } from 'node:fs';
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
      problem: `${LEDGER_FILE}: not a valid id ledger (${where}); old ids not redirected`,
    };
  } catch (e) {
    return { ledger: EMPTY_LEDGER, problem: `${LEDGER_FILE}: not valid JSON (${(e as Error).message}); ignored` };
  }
}

/** One seed file's ids from the ledger beside it. */
export function ledgerForSeed(seedPath: string): PageLedger {
  return readIdLedger(path.dirname(seedPath)).ledger.pages[path.basename(seedPath)] ?? {};
}

export const ledgerText = (ledger: IdLedger) => `${JSON.stringify(ledger, null, 2)}\n`;

/** Writes the ledger when it changed; returns why it could not, or null. */
export function writeIdLedger(seedsDir: string, ledger: IdLedger): string | null {
  const file = ledgerPath(seedsDir);
  const text = ledgerText(ledger);
  const bytes = readInside(file);
  if (bytes.ok && new TextDecoder().decode(bytes.bytes) === text) return null;
  // Never written through a link: a contributed seeds folder could point it anywhere.
  if (!bytes.ok && !bytes.missing) return `${LEDGER_FILE} not written: ${bytes.reason}`;
  if (stampOf(file) !== 'none' && !lstatSync(file).isFile()) return `${LEDGER_FILE} not written: not a regular file`;
  try {
    writeFileSync(file, text);
    return null;
  } catch (e) {
    return `${LEDGER_FILE} could not be written (${(e as Error).message}): ids that change later will not be redirected`;
  }
}
