/**
 * Reading an editor's sidecar, seeds/NAME.meta.json. Each part is checked on
 * its own: a bad date, an unknown field or a broken correction is a warning
 * that names the file and the line, and everything else still applies.
 */
import path from 'node:path';
import { decodeBytes } from './parser/decode.ts';
import { withoutControls } from './parser/clean-text.ts';
import { readInside } from './read-inside.ts';
import { ArticleFix, LeftoverMove, PageMeta, type Warning } from './schema.ts';

export interface Fix {
  id: string;
  fix: ArticleFix;
  /** Line of the article's key in the sidecar. */
  line: number | null;
}

export interface Sidecar {
  /** The sidecar's file name, for messages and records. */
  name: string | null;
  meta: PageMeta | null;
  fixes: Fix[];
  moves: Array<LeftoverMove & { sidecarLine: number | null }>;
  warnings: Warning[];
}

export const NO_SIDECAR: Sidecar = { name: null, meta: null, fixes: [], moves: [], warnings: [] };

export function sidecarPath(seedPath: string): string {
  return seedPath.replace(/\.txt$/iu, '.meta.json');
}

/**
 * Where each JSON string literal sits in the sidecar, found in one pass, so
 * that a warning can name the line of any key without rescanning the text
 * (a 2 MB sidecar has tens of thousands of keys).
 */
function literalIndex(text: string) {
  const at = new Map<string, number[]>();
  for (const m of text.matchAll(/"(?:[^"\\\n]|\\.)*"/gu)) {
    const list = at.get(m[0]);
    if (list) list.push(m.index);
    else at.set(m[0], [m.index]);
  }
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const firstAtOrAfter = (list: number[], from: number) => {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((list[mid] ?? 0) < from) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return {
    /** The 1-based line where "key" first appears at or after a position, or null. */
    lineOf(key: string, from = 0): number | null {
      const list = at.get(JSON.stringify(key)) ?? [];
      const offset = list[firstAtOrAfter(list, from)];
      return offset === undefined ? null : firstAtOrAfter(lineStarts, offset + 1);
    },
    /** The position of "key"'s first appearance, or -1. */
    offsetOf: (key: string) => at.get(JSON.stringify(key))?.[0] ?? -1,
  };
}

const issues = (e: { issues: Array<{ path: PropertyKey[]; message: string }> }) =>
  e.issues.map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`).join('; ');

export function parseSidecarText(name: string, text: string): Sidecar {
  const out: Sidecar = { name, meta: null, fixes: [], moves: [], warnings: [] };
  const warn = (line: number | null, message: string) =>
    out.warnings.push({ line, code: 'meta', message: `${name}${line ? ` line ${line}` : ''}: ${message}` });
  let json: unknown;
  let controls = 0;
  try {
    // Control characters in a headline or a note would end up in the feed: removed, and said so below.
    json = JSON.parse(text, (_key, value: unknown) => {
      if (typeof value !== 'string') return value;
      const clean = withoutControls(value);
      controls += value.length - clean.length;
      return clean;
    });
  } catch (e) {
    const pos = /position (\d+)/u.exec(String(e))?.[1];
    warn(
      pos ? text.slice(0, Number(pos)).split('\n').length : null,
      `not valid JSON (${(e as Error).message}); ignored`,
    );
    return out;
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    warn(1, 'must be a JSON object; ignored');
    return out;
  }
  if (controls > 0) warn(null, `${controls} control character(s) removed from its text`);
  const { lineOf, offsetOf } = literalIndex(text);
  const { corrections, moveLeftovers, ...facts } = json as Record<string, unknown>;
  const meta: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(facts)) {
    const checked = PageMeta.safeParse({ [key]: value });
    if (checked.success) Object.assign(meta, checked.data);
    else if (!['date', 'edition', 'page', 'section'].includes(key)) warn(lineOf(key), `unknown field ${key}; ignored`);
    else warn(lineOf(key), `${issues(checked.error)}; ignored`);
  }
  out.meta = meta as PageMeta;
  if (corrections !== undefined) {
    if (typeof corrections !== 'object' || corrections === null || Array.isArray(corrections)) {
      warn(lineOf('corrections'), 'corrections must be an object of article id → corrections; ignored');
    } else {
      const from = Math.max(0, offsetOf('corrections'));
      for (const [id, value] of Object.entries(corrections as Record<string, unknown>)) {
        const line = lineOf(id, from);
        const checked = ArticleFix.safeParse(value);
        if (checked.success) out.fixes.push({ id, fix: checked.data, line });
        else warn(line, `correction for ${id}: ${issues(checked.error)}; not applied`);
      }
    }
  }
  if (moveLeftovers !== undefined) {
    const list = Array.isArray(moveLeftovers) ? moveLeftovers : [moveLeftovers];
    const from = Math.max(0, offsetOf('moveLeftovers'));
    list.forEach((value, i) => {
      const checked = LeftoverMove.safeParse(value);
      const line = lineOf('line', from) ?? lineOf('moveLeftovers');
      if (checked.success) out.moves.push({ ...checked.data, sidecarLine: line });
      else warn(line, `moveLeftovers[${i}]: ${issues(checked.error)}; not applied`);
    });
  }
  return out;
}

/**
 * A seed's sidecar, read as seeds are (a BOM from Notepad, UTF-16, GB18030)
 * and only if it is a regular file in the seeds folder. A sidecar that
 * cannot be read is a warning; the page still builds, from its text alone.
 */
export function readSidecar(seedPath: string): Sidecar {
  const p = sidecarPath(seedPath);
  const name = path.basename(p);
  const read = readInside(p);
  if (!read.ok && read.missing) return NO_SIDECAR;
  const decoded = read.ok ? decodeBytes(read.bytes) : null;
  if (decoded?.ok) return parseSidecarText(name, decoded.text);
  const why = decoded && !decoded.ok ? decoded.message : read.ok ? '' : read.reason;
  const message = `${name}: ${why}; ignored`;
  return { ...NO_SIDECAR, name, warnings: [{ line: null, code: 'meta', message }] };
}
