/**
 * Reading an editor's sidecar, seeds/NAME.meta.json. Each part is checked on
 * its own: a bad date, an unknown field or a broken correction is a warning
 * that names the file and the line, and everything else still applies.
 */
import path from 'node:path';
import { z } from 'zod';
import { decodeBytes } from './parser/decode.ts';
import { withoutControls } from './parser/clean-text.ts';
import { readInside } from './read-inside.ts';
import { ArticleFix, FIRST_YEAR, LAST_YEAR, LeftoverMove, PageMeta, type Warning } from './schema.ts';
import { allCountyRefs } from './parser/gazetteer.ts';
import { closestName, countyMeant, isoDateFrom, pageLabelMeant } from './sidecar-hints.ts';
import { normalisePageLabel } from './parser/page-label.ts';
import { fieldName, fieldValue } from './site/labels.ts';

/** A county as the records take it: a slug or a name (linqing, 临清市, 市级). */
const isCountyName = (value: string) => allCountyRefs().some((c) => c.slug === value || c.name === value);

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
    /** The position of "key"'s first appearance at or after a position, or -1. */
    offsetOf(key: string, from = 0): number {
      const list = at.get(JSON.stringify(key)) ?? [];
      return list[firstAtOrAfter(list, from)] ?? -1;
    },
  };
}

/** The fields a sidecar may hold at its top level and in a correction, for suggestions. */
const PAGE_FIELDS = [...Object.keys(PageMeta.shape), 'corrections', 'moveLeftovers'];
const FIX_FIELDS = Object.keys(ArticleFix.shape);
const BYLINE_FIELDS = ['reporters', 'correspondents', 'photographers', 'authors'];

const didYouMean = (typed: string, names: readonly string[]) => {
  const near = closestName(typed, names);
  return near ? `（是不是「${near}」？）` : '';
};

/** A page field one slip away, or a correction's field written at the top by mistake. */
function pageFieldHint(key: string): string {
  const page = didYouMean(key, PAGE_FIELDS);
  if (page) return page;
  const fix = closestName(key, FIX_FIELDS);
  return fix ? `（「${fix}」是对单篇文章的更正，要写在 corrections 里那篇文章的编号下面）` : '';
}

/** zod's own words for what else is wrong (a number where text belongs), in Chinese. */
const IN_CHINESE = { error: z.locales.zhCN().localeError };

/** A field as an editor knows it and as the sidecar spells it: 县区（county）; a field with no Chinese name as written. */
const named = (at: string) => {
  const key = at.split('.').at(-1) ?? at;
  return fieldName(at) === at ? at : `${fieldName(at)}（${key}）`;
};

type Issue = { code: string; path: PropertyKey[]; message: string; keys?: string[]; values?: unknown[] };

/** One zod issue as an editor reads it, with what to write instead where that is clear. */
function explain(issue: Issue, value: unknown): string {
  const at = issue.path.map(String).join('.');
  if (issue.code === 'unrecognized_keys') {
    const known = at === 'byline' ? BYLINE_FIELDS : FIX_FIELDS;
    return (issue.keys ?? []).map((k) => `不认识的字段「${k}」${didYouMean(k, known)}`).join('；');
  }
  // A list's item is named by its list: byline.reporters.0 is 记者（reporters）.
  const field = at.replace(/\.\d+$/u, '') || '值';
  if (field === 'date' || field.endsWith('.date')) {
    const meant = typeof value === 'string' ? isoDateFrom(value) : null;
    return meant && meant !== value
      ? `${named('date')}「${String(value)}」应写成「${meant}」`
      : `${named('date')}「${String(value)}」不是 ${FIRST_YEAR}–${LAST_YEAR} 年间的日期（应写成 2025-07-08 这样）`;
  }
  if (issue.code === 'invalid_value' && issue.values) {
    const allowed = issue.values.map((v) => {
      const shown = fieldValue(field, String(v));
      return shown === String(v) ? JSON.stringify(v) : `${JSON.stringify(v)}（${shown}）`;
    });
    return `${named(field)}只能是 ${allowed.join('、')}`;
  }
  return `${named(field)}：${issue.message}`;
}

const explainAll = (e: { issues: Issue[] }, value: (path: PropertyKey[]) => unknown) =>
  e.issues.map((i) => explain(i, value(i.path))).join('；');

const valueAt = (root: unknown, at: PropertyKey[]) =>
  at.reduce<unknown>(
    (v, k) => (typeof v === 'object' && v !== null ? (v as Record<PropertyKey, unknown>)[k] : undefined),
    root,
  );

export function parseSidecarText(name: string, text: string): Sidecar {
  const out: Sidecar = { name, meta: null, fixes: [], moves: [], warnings: [] };
  // The sidecar's line is said in the message; a warning's own line is the page's, and the
  // sidecar's line 3 is not the page's (the dev page view would show it under the story there).
  const warn = (line: number | null, message: string) =>
    out.warnings.push({ line: null, code: 'meta', message: `${name}${line ? ` 第 ${line} 行` : ''}：${message}` });
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
      `不是有效的 JSON（${(e as Error).message}），整个文件未使用：检查引号、逗号和括号`,
    );
    return out;
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    warn(1, '应当是一个 JSON 对象 { … }，整个文件未使用');
    return out;
  }
  if (controls > 0) warn(null, `去掉了 ${controls} 个控制字符（control characters）`);
  const { lineOf, offsetOf } = literalIndex(text);
  const { corrections, moveLeftovers, ...facts } = json as Record<string, unknown>;
  /** 版次 in the one spelling the records use (A03 → A3, 第3版 → 3); one it cannot read is kept as written, and said. */
  const pageLabelOf = (written: string, key: string): string => {
    const label = normalisePageLabel(written);
    if (label) return label;
    const meant = pageLabelMeant(written);
    warn(
      lineOf(key),
      `${fieldName('page')}（page）「${written}」读不出是第几版，已照原样使用：` +
        `${meant ? `是不是「${meant}」？` : ''}应写成 A3、3、第3版 或 头版 这样`,
    );
    return written.trim();
  };
  const meta: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(facts)) {
    const checked = PageMeta.safeParse({ [key]: value }, IN_CHINESE);
    if (checked.success && checked.data.page !== undefined) meta.page = pageLabelOf(checked.data.page, key);
    else if (checked.success) Object.assign(meta, checked.data);
    else if (!(key in PageMeta.shape)) warn(lineOf(key), `不认识的字段「${key}」，已忽略${pageFieldHint(key)}`);
    else warn(lineOf(key), `${explainAll(checked.error, () => value)}；已忽略`);
  }
  out.meta = meta as PageMeta;
  if (corrections !== undefined) {
    if (typeof corrections !== 'object' || corrections === null || Array.isArray(corrections)) {
      warn(lineOf('corrections'), 'corrections 应当写成 { "文章编号": { 要改的字段 } }，已忽略');
    } else {
      const from = Math.max(0, offsetOf('corrections'));
      for (const [id, value] of Object.entries(corrections as Record<string, unknown>)) {
        const line = lineOf(id, from);
        const checked = ArticleFix.safeParse(value, IN_CHINESE);
        if (!checked.success) {
          warn(line, `对 ${id} 的更正：${explainAll(checked.error, (at) => valueAt(value, at))}；这条更正未应用`);
          continue;
        }
        const fix = checked.data;
        // A county the records cannot hold: that one change is left out, with what was meant.
        if (typeof fix.county === 'string' && !isCountyName(fix.county)) {
          const meant = countyMeant(fix.county);
          const hint = meant ? `；应写成「${meant}」` : '（应写县区名，如 临清市、阳谷县、市级）';
          warn(
            lineOf('county', Math.max(0, offsetOf(id, from))) ?? line,
            `对 ${id} 的更正：${named('county')}「${fix.county}」不是县区名，这一项未应用${hint}`,
          );
          delete fix.county;
        }
        out.fixes.push({ id, fix, line });
      }
    }
  }
  if (moveLeftovers !== undefined) {
    const list = Array.isArray(moveLeftovers) ? moveLeftovers : [moveLeftovers];
    const from = Math.max(0, offsetOf('moveLeftovers'));
    list.forEach((value, i) => {
      const checked = LeftoverMove.safeParse(value, IN_CHINESE);
      const line = lineOf('line', from) ?? lineOf('moveLeftovers');
      if (checked.success) out.moves.push({ ...checked.data, sidecarLine: line });
      else
        warn(
          line,
          `moveLeftovers 第 ${i + 1} 项：${explainAll(checked.error, (at) => valueAt(value, at))}；未移动（应写成 { "line": 行号, "to": "文章编号" }）`,
        );
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
  const message = `${name}：无法读取（${why}），未使用`;
  return { ...NO_SIDECAR, name, warnings: [{ line: null, code: 'meta', message }] };
}
