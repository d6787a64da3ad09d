/**
 * A synthetic corpus for measuring the parser, the build and search at scale:
 * pages recombined from the seeds' stories with other dates, counties, towns,
 * figures and reporters, in both headline layouts, hard-wrapped or not, a few
 * in GB18030. Deterministic for a given seed number. It never enters seeds/.
 */
import iconv from 'iconv-lite';
import type { Article } from './schema.ts';
import { gazetteer } from './parser/gazetteer.ts';
import { isoDate } from './parser/dates.ts';
import { WordFinder } from './parser/word-finder.ts';

/** mulberry32: a small, fast, seedable PRNG. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface CorpusPage {
  file: string;
  bytes: Uint8Array;
  encoding: 'utf-8' | 'gb18030';
  date: string;
  layout: 'headline-first' | 'headline-after';
  wrapped: boolean;
  stories: Array<{ headline: string | null; county: string; date: string; kind: Article['kind'] }>;
}

export interface Rng {
  next: () => number;
  int: (n: number) => number;
  pick: <T>(xs: readonly T[]) => T;
  shuffle: <T>(xs: T[]) => T[];
}

export function rngOf(seed: number): Rng {
  const next = prng(seed);
  const int = (n: number) => Math.floor(next() * n);
  return {
    next,
    int,
    pick: <T>(xs: readonly T[]) => xs[int(xs.length)] as T,
    shuffle: <T>(xs: T[]) => {
      for (let i = xs.length - 1; i > 0; i--) {
        const j = int(i + 1);
        [xs[i], xs[j]] = [xs[j] as T, xs[i] as T];
      }
      return xs;
    },
  };
}

type County = (typeof gazetteer.units)[number];

/** The eight county-level units a county story can be moved between (the zones' stories stay put). */
export const counties: County[] = gazetteer.units.filter((u) => u.type === 'county');

/**
 * Moves a story from one county to another: its names, short forms and towns.
 * One pass over the original text, each name replaced where it stands: the
 * names had been replaced one after another, so a short form found again
 * inside the full name just written (「茌平」 in 「茌平区」) doubled the
 * suffix (「茌平区区」, 1,197 of 3,000 generated pages). A full name followed
 * by its own suffix (「冠县县委」 is 冠县 + 县委) becomes the new name alone
 * (「茌平区委」), which reads right whatever the new suffix is.
 */
export function relocate(text: string, from: County, to: County, r: Rng): string {
  const suffix = from.name.slice(-1);
  const replacement = new Map<string, string>([[`${from.name}${suffix}`, to.name]]);
  for (const alias of [from.name, ...from.aliases]) if (alias.length >= 2) replacement.set(alias, to.name);
  const towns = to.towns.filter((t) => !t.generic);
  for (const town of from.towns) {
    // Each town present gets one new town, the same wherever the story names it (or a short form of it).
    const names = [town.name, ...town.aliases].filter((n) => n.length >= 2 && !replacement.has(n));
    if (towns.length === 0 || !names.some((n) => text.includes(n))) continue;
    const other = r.pick(towns).name;
    for (const n of names) replacement.set(n, other);
  }
  let out = '';
  let at = 0;
  for (const { word, index } of new WordFinder(replacement.keys()).matches(text)) {
    out += text.slice(at, index) + (replacement.get(word) ?? word);
    at = index + word.length;
  }
  return out + text.slice(at);
}

/** Scales the numbers that carry a unit, keeping how many decimals they print. */
function reshapeFigures(text: string, r: Rng): string {
  return text.replace(
    /(?<![0-9.])(\d+)(\.\d+)?(?=\s?(?:万|亿)?(?:元|吨|亩|家|个|%|人次|户|台|项|条|公里))/gu,
    (m, int: string, dec?: string) => {
      const value = Number(m) * (0.5 + r.next());
      const decimals = dec ? dec.length - 1 : 0;
      const scaled = decimals > 0 ? value.toFixed(decimals) : String(Math.max(1, Math.round(value)));
      return int.length >= 4 && !dec
        ? scaled.padStart(int.length, '1').slice(-Math.max(int.length, scaled.length))
        : scaled;
    },
  );
}

const MONTH_DAY = /(\d{1,2})月(\d{1,2})日/gu;

function wrap(text: string, width: number): string {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    const chars = [...line];
    if (chars.length <= width) {
      out.push(line);
      continue;
    }
    for (let i = 0; i < chars.length; i += width) out.push(chars.slice(i, i + width).join(''));
  }
  return out.join('\n');
}

function bylineLines(a: Article, reporters: string[], style: number): { head: string[]; lead: string } {
  const rep = reporters.join(' ');
  const cor = a.byline.correspondents.length > 0 ? ` 通讯员 ${a.byline.correspondents.join(' ')}` : '';
  if (style === 0) return { head: [], lead: `本报讯(记者 ${rep}${cor})` };
  if (style === 1) return { head: [`□记者 ${rep}${cor} 报道`], lead: '本报聊城讯 ' };
  return { head: [`■本报记者 ${rep}${cor ? `\n本报通讯员 ${a.byline.correspondents.join(' ')}` : ''}`], lead: '' };
}

export interface CorpusOptions {
  pages: number;
  seed?: number;
  /** Stories per page, inclusive range. */
  storiesPerPage?: [number, number];
  /** The issue dates drawn from, inclusive (ISO dates); 2016-01-01 to 2025-12-31 unless given. */
  days?: { first: string; last: string };
}

/**
 * The days a paper fills with this many pages at about 3,000 a year (8.2 a
 * day), ending on the given day: a year of pages spans a year, a decade's a decade.
 */
export function daysForPages(pages: number, last: string): { first: string; last: string } {
  const days = Math.max(1, Math.round((pages * 365) / 3000));
  const first = new Date(Date.parse(`${last}T00:00:00Z`) - (days - 1) * 86_400_000).toISOString().slice(0, 10);
  return { first, last };
}

/** Builds the corpus from parsed seed articles. Pure: same inputs, same pages. */
export function makeCorpus(sources: Article[], options: CorpusOptions): CorpusPage[] {
  const r = rngOf(options.seed ?? 1);
  const [minStories, maxStories] = options.storiesPerPage ?? [4, 9];
  const stories = sources.filter((a) => a.kind !== 'wire' && a.paragraphs.length + a.captions.length > 0);
  const people = [...new Set(sources.flatMap((a) => [...a.byline.reporters, ...a.byline.photographers]))];
  const start = Date.parse(`${options.days?.first ?? '2016-01-01'}T00:00:00Z`);
  // Inclusive of the last day.
  const span = Date.parse(`${options.days?.last ?? '2025-12-31'}T00:00:00Z`) - start + 86_400_000;
  const pages: CorpusPage[] = [];
  for (let p = 0; p < options.pages; p++) {
    const day = new Date(start + Math.floor(r.next() * (span / 86_400_000)) * 86_400_000);
    const [year, month, dom] = [day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate()];
    const date = isoDate(year, month, dom) ?? '2020-01-01';
    const layout = r.next() < 0.2 ? 'headline-after' : 'headline-first';
    const wrapped = r.next() < 0.2;
    const encoding = r.next() < 0.05 ? 'gb18030' : 'utf-8';
    const count = minStories + r.int(maxStories - minStories + 1);
    const blocks: string[] = [];
    const made: CorpusPage['stories'] = [];
    for (let s = 0; s < count; s++) {
      const src = r.pick(stories);
      // County stories move to another county; city-wide and zone stories stay as they are.
      const from = counties.find((u) => u.short === src.county?.name);
      const county = from ? r.pick(counties) : null;
      const countyName = county?.short ?? src.county?.name ?? '';
      const reportDay = Math.max(1, dom - r.int(4));
      const move = (t: string) =>
        reshapeFigures(from && county ? relocate(t, from, county, r) : t, r).replace(
          MONTH_DAY,
          () => `${month}月${reportDay}日`,
        );
      const reporters = [r.pick(people)];
      const storyDate = isoDate(year, month, reportDay) ?? date;
      if (src.kind === 'photo') {
        const caption = move((src.captions[0] ?? '').replace(/\s*[■□].*$/u, ''));
        // A label above a photo only reads as one where headlines stand above their stories.
        if (layout === 'headline-first') blocks.push('目击');
        blocks.push(caption, `■ 本报记者 ${reporters[0]}`);
        made.push({ headline: null, county: countyName, date: storyDate, kind: 'photo' });
        continue;
      }
      // Subheads would land anywhere once paragraphs are shuffled: a feature's sections are left out.
      const paragraphs = src.paragraphs.filter((_, i) => !src.subheads.includes(i)).map(move);
      const [lead = '', ...rest] = paragraphs;
      const body = [lead, ...r.shuffle(rest)];
      // The lead is moved already: moving it again would move its towns a second time.
      const headline = src.headline ? move(src.headline) : lead.slice(0, 12);
      const head = [
        src.kicker ? move(src.kicker) : null,
        headline,
        src.subheadline ? move(src.subheadline) : null,
      ].filter((x): x is string => x !== null);
      const byline = bylineLines(src, reporters, r.int(3));
      body[0] = `${byline.lead}${body[0]}`;
      const text = wrapped ? body.map((b) => wrap(b, 17 + r.int(20))) : body;
      if (layout === 'headline-first') blocks.push(...head, ...byline.head, ...text);
      else blocks.push(...byline.head, ...text, head.join('\n'));
      made.push({ headline, county: countyName, date: storyDate, kind: src.kind });
    }
    const label = `A${1 + r.int(8)}`;
    const file = `${date}_${label}_${String(p).padStart(5, '0')}.txt`;
    const text = blocks.join('\n\n') + '\n';
    const bytes =
      encoding === 'gb18030' ? new Uint8Array(iconv.encode(text, 'gb18030')) : new TextEncoder().encode(text);
    pages.push({ file, bytes, encoding, date, layout, wrapped, stories: made });
  }
  return pages;
}
