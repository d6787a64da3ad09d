/**
 * Scores parsed pages against a truth file, by the rules in
 * tests/fixtures/GOLD-RULES.md (the team's scorer, in the project so that a
 * clone without ../shared can run it). Shared by `npm run score` and the tests.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import path from 'node:path';
import { parseSeedDir } from '../../src/lib/seeds.ts';
import { lettersOnly } from '../../src/lib/parser/text.ts';
import { decodeBytes } from '../../src/lib/parser/decode.ts';
import type { Article, Page } from '../../src/lib/schema.ts';

/** One item's truth: found by its lead and tail, with what the parser should say of it. */
const GoldArticle = z.object({
  file: z.string(),
  lead: z.string(),
  tail: z.string(),
  headline: z.string().nullable(),
  reporters: z.array(z.string()),
  correspondents: z.array(z.string()),
  county: z.string().nullable(),
  date: z.string().nullable(),
  kind: z.string(),
  figures: z.array(z.tuple([z.number(), z.string()])).optional(),
});
const GoldFile = z.object({
  pages: z.record(z.string(), z.object({ year: z.number() })),
  articles: z.array(GoldArticle),
});
export type GoldArticle = z.infer<typeof GoldArticle>;
export type GoldFile = z.infer<typeof GoldFile>;

const FieldName = z.enum(['segment', 'headline', 'byline', 'county', 'date', 'kind', 'figures', 'year', 'kept']);
export type Field = z.infer<typeof FieldName>;
export const FIELDS: readonly Field[] = FieldName.options;

export interface GoldScore {
  rows: Record<Field, [number, number]>;
  misses: string[];
  /** Records of a scored page that hold no item's lead (and more than a line of text). */
  spurious: number;
}

const norm = (s: string | null | undefined) => lettersOnly(s ?? '').replace(/在平/gu, '茌平');
const names = (xs: string[]) => [...new Set(xs.map(norm))].filter(Boolean).sort().join(',');
const ZONES: Record<string, string> = {
  聊城市: '市级',
  聊城: '市级',
  全市: '市级',
  经济技术开发区: '开发区',
  聊城经济技术开发区: '开发区',
  聊城开发区: '开发区',
  高新技术产业开发区: '高新区',
  聊城高新区: '高新区',
  聊城高新技术产业开发区: '高新区',
  江北水城旅游度假区: '度假区',
  聊城旅游度假区: '度假区',
};
const canonCounty = (c: string | null | undefined) => (c == null ? null : (ZONES[norm(c)] ?? norm(c)));
const bodyOf = (a: Article) => norm([...a.paragraphs, ...a.captions].join(''));
const headOf = (a: Article) => norm([a.kicker, a.headline, a.subheadline].filter(Boolean).join(''));

/** A truth file, checked: a malformed entry is reported with the file and where in it. */
export function readGold(file: string): GoldFile {
  const parsed = GoldFile.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file}: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

export function scoreGold(gold: GoldFile, pagesDir: string): GoldScore {
  const parsed = parseSeedDir(pagesDir).flatMap((r) => (r.ok ? [r.parsed] : []));
  const articles = parsed.flatMap((p) => p.articles);
  const pages: Page[] = parsed.map((p) => p.page);
  const rows = Object.fromEntries(FIELDS.map((f) => [f, [0, 0]])) as GoldScore['rows'];
  const misses: string[] = [];
  const tally = (field: Field, ok: boolean, miss: () => string) => {
    rows[field][1]++;
    if (ok) rows[field][0]++;
    else misses.push(miss());
  };
  const claimed = new Set<Article>();

  for (const g of gold.articles) {
    const tag = `${g.file} 「${g.headline ?? g.lead}」`;
    const a = articles.find(
      (x) => x.source.file === g.file && bodyOf(x).includes(norm(g.lead)) && bodyOf(x).includes(norm(g.tail)),
    );
    if (!a) {
      tally('segment', false, () => `${tag}: segment (lead and tail in no one record)`);
      tally('byline', false, () => `${tag}: byline (not segmented)`);
      if (g.headline) tally('headline', false, () => `${tag}: headline (not segmented)`);
      if (g.county !== '*') tally('county', false, () => `${tag}: county (not segmented)`);
      if (g.date) tally('date', false, () => `${tag}: date (not segmented)`);
      if (g.kind !== '*') tally('kind', false, () => `${tag}: kind (not segmented)`);
      for (const [v, u] of g.figures ?? []) tally('figures', false, () => `${tag}: figure ${v}${u} (not segmented)`);
      continue;
    }
    claimed.add(a);
    const others = gold.articles.filter((o) => o !== g && o.file === g.file && bodyOf(a).includes(norm(o.lead)));
    tally('segment', others.length === 0, () => `${tag}: segment (also holds ${others.map((o) => o.lead).join(', ')})`);
    if (g.headline) {
      tally(
        'headline',
        a.headline !== null && headOf(a).includes(norm(g.headline)),
        () => `${tag}: headline got ${a.kicker ?? ''}|${a.headline ?? ''}|${a.subheadline ?? ''}`,
      );
    }
    const people = names([...a.byline.reporters, ...a.byline.photographers, ...a.byline.authors]);
    tally(
      'byline',
      people === names(g.reporters) && names(a.byline.correspondents) === names(g.correspondents),
      () =>
        `${tag}: byline got ${people} / ${names(a.byline.correspondents)} want ${names(g.reporters)} / ${names(g.correspondents)}`,
    );
    if (g.county !== '*') {
      tally(
        'county',
        canonCounty(a.county?.name) === canonCounty(g.county),
        () => `${tag}: county got ${a.county?.name ?? null} want ${g.county}`,
      );
    }
    if (g.date) tally('date', a.date === g.date, () => `${tag}: date got ${a.date} want ${g.date}`);
    if (g.kind !== '*') tally('kind', a.kind === g.kind, () => `${tag}: kind got ${a.kind} want ${g.kind}`);
    for (const [v, u] of g.figures ?? []) {
      tally(
        'figures',
        a.figures.some((f) => Math.abs(f.value - v) < 1e-9 && norm(f.unit) === norm(u)),
        () => `${tag}: figure ${v}${u} missing`,
      );
    }
  }

  for (const [file, p] of Object.entries(gold.pages)) {
    const page = pages.find((x) => x.file === file);
    tally('year', page?.year === p.year, () => `${file}: year got ${page?.year} want ${p.year}`);
    const mine = articles.filter((a) => a.source.file === file);
    const hay = norm(
      [
        ...mine.flatMap((a) => [
          a.kicker,
          a.headline,
          a.subheadline,
          a.standfirst,
          a.byline.raw,
          ...a.paragraphs,
          ...a.captions,
          a.jump,
        ]),
        ...(page?.leftovers ?? []).map((l) => l.text),
        ...(page?.furniture ?? []).map((f) => f.text),
      ]
        .filter(Boolean)
        .join('|'),
    );
    const decoded = decodeBytes(readFileSync(path.join(pagesDir, file)));
    const text = decoded.ok ? decoded.text : '';
    for (const line of text.split(/\r?\n/u)) {
      const n = norm(line);
      if (n.length < 4) continue;
      tally('kept', hay.includes(n), () => `${file}: lost line 「${line.trim().slice(0, 40)}」`);
    }
  }
  const spurious = articles.filter(
    (a) => !claimed.has(a) && a.source.file in gold.pages && bodyOf(a).length > 60,
  ).length;
  return { rows, misses, spurious };
}

export function summary(score: GoldScore): string {
  const row = FIELDS.map((f) => `${f} ${score.rows[f][0]}/${score.rows[f][1]}`).join(' · ');
  return `${row} · spurious ${score.spurious}`;
}

/** The lowest share of any field (1 when a field has nothing to score). */
export function worstField(score: GoldScore): number {
  return Math.min(...FIELDS.map((f) => (score.rows[f][1] === 0 ? 1 : score.rows[f][0] / score.rows[f][1])));
}

/** Where the floors of the project's own corpus are kept (see floorsFor). */
export const FLOORS_FILE = path.resolve(import.meta.dirname, '../../tests/fixtures/corpus/floors.json');

/** Per field the fewest right answers, and the most spurious records. */
const Floor = z.record(z.enum([...FieldName.options, 'spurious']), z.number().int().min(0));
const FloorsFile = z.object({ about: z.string(), floors: z.record(z.string(), Floor) });
export type Floor = z.infer<typeof Floor>;
export type FloorsFile = z.infer<typeof FloorsFile>;
export type Floors = FloorsFile['floors'];

/**
 * The project's own corpus is held to floors: the fewest right answers per
 * field (and the most spurious records) each batch may score. A ratchet below
 * the 95% target, raised with `npm run score -- --raise-floors` whenever the
 * parser gets better, so no change can quietly lose what was won.
 */
export function readFloorsFile(): FloorsFile {
  const parsed = FloorsFile.safeParse(JSON.parse(readFileSync(FLOORS_FILE, 'utf8')));
  if (!parsed.success) throw new Error(`${FLOORS_FILE}: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

export const readFloors = (): Floors => readFloorsFile().floors;

export function floorsOf(score: GoldScore): Floor {
  return Floor.parse({ ...Object.fromEntries(FIELDS.map((f) => [f, score.rows[f][0]])), spurious: score.spurious });
}

/** The ratchet: each right-answer count only rises, the spurious count only falls. */
export function raisedFloor(old: Floor, now: Floor): Floor {
  const floor: Floor = { ...now, spurious: Math.min(now.spurious, old.spurious) };
  for (const f of FIELDS) floor[f] = Math.max(now[f], old[f]);
  return floor;
}

/** Several corpora scored as one: the fields' right answers and totals added up. */
export function addScores(scores: GoldScore[]): GoldScore {
  const rows = Object.fromEntries(FIELDS.map((f) => [f, [0, 0]])) as GoldScore['rows'];
  for (const score of scores) {
    for (const f of FIELDS) {
      rows[f][0] += score.rows[f][0];
      rows[f][1] += score.rows[f][1];
    }
  }
  return { rows, misses: scores.flatMap((x) => x.misses), spurious: scores.reduce((n, x) => n + x.spurious, 0) };
}
