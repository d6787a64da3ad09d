/**
 * Reading an editor's sidecar, seeds/NAME.meta.json. Each part is checked on
 * its own: a bad date, an unknown field or a broken correction is a warning
 * that names the file and the line, and everything else still applies.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
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

/** The line where "key" first appears at or after a position. */
function lineOf(text: string, key: string, from = 0): number | null {
  const at = text.indexOf(JSON.stringify(key), from);
  return at < 0 ? null : text.slice(0, at).split('\n').length;
}

const issues = (e: { issues: Array<{ path: PropertyKey[]; message: string }> }) =>
  e.issues.map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`).join('; ');

export function parseSidecarText(name: string, text: string): Sidecar {
  const out: Sidecar = { name, meta: null, fixes: [], moves: [], warnings: [] };
  const warn = (line: number | null, message: string) =>
    out.warnings.push({ line, code: 'meta', message: `${name}${line ? ` line ${line}` : ''}: ${message}` });
  let json: unknown;
  try {
    json = JSON.parse(text);
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
  const { corrections, moveLeftovers, ...facts } = json as Record<string, unknown>;
  const meta: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(facts)) {
    const checked = PageMeta.safeParse({ [key]: value });
    if (checked.success) Object.assign(meta, checked.data);
    else if (!['date', 'edition', 'page'].includes(key)) warn(lineOf(text, key), `unknown field ${key}; ignored`);
    else warn(lineOf(text, key), `${issues(checked.error)}; ignored`);
  }
  out.meta = meta as PageMeta;
  if (corrections !== undefined) {
    if (typeof corrections !== 'object' || corrections === null || Array.isArray(corrections)) {
      warn(lineOf(text, 'corrections'), 'corrections must be an object of article id → corrections; ignored');
    } else {
      const from = text.indexOf('"corrections"');
      for (const [id, value] of Object.entries(corrections as Record<string, unknown>)) {
        const line = lineOf(text, id, Math.max(0, from));
        const checked = ArticleFix.safeParse(value);
        if (checked.success) out.fixes.push({ id, fix: checked.data, line });
        else warn(line, `correction for ${id}: ${issues(checked.error)}; not applied`);
      }
    }
  }
  if (moveLeftovers !== undefined) {
    const list = Array.isArray(moveLeftovers) ? moveLeftovers : [moveLeftovers];
    const from = text.indexOf('"moveLeftovers"');
    list.forEach((value, i) => {
      const checked = LeftoverMove.safeParse(value);
      const line = lineOf(text, 'line', Math.max(0, from)) ?? lineOf(text, 'moveLeftovers');
      if (checked.success) out.moves.push({ ...checked.data, sidecarLine: line });
      else warn(line, `moveLeftovers[${i}]: ${issues(checked.error)}; not applied`);
    });
  }
  return out;
}

export function readSidecar(seedPath: string): Sidecar {
  const p = sidecarPath(seedPath);
  if (!existsSync(p)) return NO_SIDECAR;
  return parseSidecarText(path.basename(p), readFileSync(p, 'utf8'));
}
