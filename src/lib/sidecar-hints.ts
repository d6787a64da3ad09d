/**
 * What an editor probably meant, for a sidecar's mistyped field or a value
 * written the way people write it: 「countty」 → county, 阳谷 → 阳谷县,
 * 2025-7-8 or 2025年7月8日 → 2025-07-08. Only a suggestion: the sidecar's
 * rules stay strict, and the warning says what to write instead.
 */
import { closest, distance } from 'fastest-levenshtein';
import { isoDate } from './parser/dates.ts';
import { gazetteer, CITY } from './parser/gazetteer.ts';
import { normalisePageLabel } from './parser/page-label.ts';

/** The closest of the names, if it is near enough to be a slip of the keyboard (one or two letters). */
export function closestName(typed: string, names: readonly string[]): string | null {
  if (names.length === 0) return null;
  const best = closest(typed, names);
  const slack = Math.min(2, Math.max(1, Math.floor(best.length / 3)));
  return distance(typed.toLowerCase(), best.toLowerCase()) <= slack ? best : null;
}

/** 2025-7-8, 2025.7.8, 2025/07/08, 2025年7月8日, 20250708 → 2025-07-08; null when it is no date. */
export function isoDateFrom(written: string): string | null {
  const t = written.normalize('NFKC').trim();
  const m =
    /^((?:19|20|21|22)\d{2})\s*[-./年]\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})\s*[日号]?$/u.exec(t) ??
    /^((?:19|20|21|22)\d{2})(\d{2})(\d{2})$/u.exec(t);
  return m ? isoDate(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

/** Every way a sidecar may name a county-level unit, with the name it must be written as. */
const COUNTY_SPELLINGS: ReadonlyMap<string, string> = new Map([
  ...gazetteer.units.flatMap((u) => [u.name, u.short, u.slug, ...u.aliases].map((s) => [s, u.short] as const)),
  ...[...gazetteer.prefecture.aliases, gazetteer.prefecture.name, CITY.slug].map((s) => [s, CITY.name] as const),
]);

/** 阳谷 → 阳谷县, 聊城 → 市级, linqin → 临清市 (a slug one letter off); null when nothing is close. */
export function countyMeant(written: string): string | null {
  const t = written.trim();
  const exact = COUNTY_SPELLINGS.get(t);
  if (exact) return exact;
  const near = closestName(
    t,
    [...COUNTY_SPELLINGS.keys()].filter((k) => /^[a-z]+$/u.test(k)),
  );
  return near ? (COUNTY_SPELLINGS.get(near) ?? null) : null;
}

/**
 * The page label an editor probably meant by a 版次 the records cannot read:
 * 头条 or 头版头条 → 1 (the front page), A-3 or A 03 → A3, 第3面 or 3页 → 3;
 * null when nothing in it looks like a page number.
 */
export function pageLabelMeant(written: string): string | null {
  const t = written.normalize('NFKC').trim();
  if (/^头/u.test(t)) return '1';
  const m = /(?:^|[^A-Za-z])([A-Za-z]{1,2})?[\s\-_.·]*0*(\d{1,3})(?!\d)/u.exec(t);
  return m ? normalisePageLabel(`${m[1] ?? ''}${m[2] ?? ''}`) : null;
}
