/**
 * What the charts show, shaped for the templates: a year's shape (stories a
 * month over the twelve months up to the latest) and a heat grid (a count
 * for each county and month). Both say what the count chips cannot: when.
 * Pure; the components only render.
 */
import type { Article } from '../schema.ts';
import { formatMonth } from './format.ts';
import { countyUrl } from './routes.ts';
import { shadeLegend, shadeStep, type LegendStep } from './shades.ts';

type Dated = Pick<Article, 'date'>;

/** The latest month (yyyy-mm) any of these is dated in, or null when none is dated. */
export function latestMonth(items: readonly Dated[]): string | null {
  let latest: string | null = null;
  for (const { date } of items) if (date && (latest === null || date.slice(0, 7) > latest)) latest = date.slice(0, 7);
  return latest;
}

/** The `count` months that end with `last` (yyyy-mm), oldest first. */
export function monthsUpTo(last: string, count = 12): string[] {
  const [year, month] = last.split('-').map(Number) as [number, number];
  return Array.from({ length: count }, (_, i) => {
    const index = year * 12 + (month - 1) - (count - 1 - i);
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  });
}

export interface MonthColumn {
  month: string;
  /** 「7月」 */
  short: string;
  /** 「2025年7月」 */
  full: string;
  /** The year, on the first month shown and on every January; otherwise empty. */
  year: string;
}

function columns(months: string[]): MonthColumn[] {
  return months.map((month, i) => ({
    month,
    short: `${Number(month.slice(5))}月`,
    full: formatMonth(month),
    year: i === 0 || month.endsWith('-01') ? `${month.slice(0, 4)}年` : '',
  }));
}

function tally<T extends Dated>(items: readonly T[], weigh: (item: T) => number): Map<string, number> {
  const out = new Map<string, number>();
  for (const item of items)
    if (item.date) out.set(item.date.slice(0, 7), (out.get(item.date.slice(0, 7)) ?? 0) + weigh(item));
  return out;
}

export interface YearShape {
  columns: Array<MonthColumn & { count: number; /** 0–1 of the busiest month. */ share: number }>;
  total: number;
  /** The chart in words, for readers who cannot see it. */
  description: string;
}

/** Stories a month over the twelve months up to the latest dated one; null when nothing is dated. */
export function yearShape(articles: readonly Dated[], months = 12): YearShape | null {
  const last = latestMonth(articles);
  if (last === null) return null;
  const counts = tally(articles, () => 1);
  const cols = columns(monthsUpTo(last, months)).map((c) => ({ ...c, count: counts.get(c.month) ?? 0, share: 0 }));
  const max = Math.max(...cols.map((c) => c.count));
  for (const c of cols) c.share = max > 0 ? c.count / max : 0;
  const total = cols.reduce((n, c) => n + c.count, 0);
  const busiest = cols.filter((c) => c.count === max).map((c) => c.full);
  const empty = cols.filter((c) => c.count === 0).length;
  const first = cols[0]?.full ?? '';
  const description =
    `${first}至${formatMonth(last)}共 ${total} 篇；最多的是${busiest.join('、')}（${busiest.length > 1 ? '各 ' : ''}${max} 篇）` +
    (empty > 0 ? `；${empty} 个月没有稿件。` : '。');
  return { columns: cols, total, description };
}

export interface HeatRow {
  slug: string;
  name: string;
  href: string;
  total: number;
  cells: Array<{ month: string; count: number; step: number }>;
}

export interface HeatGrid {
  columns: MonthColumn[];
  /** Years over the columns, with how many columns each spans. */
  years: Array<{ year: string; span: number }>;
  rows: HeatRow[];
  max: number;
  legend: LegendStep[];
  description: string;
}

/**
 * A count for every county and month over the twelve months up to the latest
 * dated story: by default stories, or whatever `weigh` counts in each story
 * (the figures in it). Every county stays a row, busy or not.
 */
export function countyMonthGrid(
  counties: ReadonlyArray<{ slug: string; name: string; articles: readonly Article[] }>,
  options: { weigh?: (a: Article) => number; unit?: string; months?: number } = {},
): HeatGrid | null {
  const { weigh = () => 1, unit = '篇', months = 12 } = options;
  const last = latestMonth(counties.flatMap((c) => c.articles));
  if (last === null) return null;
  const cols = columns(monthsUpTo(last, months));
  const tallies = counties.map((c) => tally(c.articles, weigh));
  const max = Math.max(0, ...tallies.flatMap((t) => cols.map((c) => t.get(c.month) ?? 0)));
  const rows = counties.map((county, i) => {
    const cells = cols.map(({ month }) => {
      const count = tallies[i]?.get(month) ?? 0;
      return { month, count, step: shadeStep(count, max) };
    });
    return {
      slug: county.slug,
      name: county.name,
      href: countyUrl(county.slug),
      total: cells.reduce((n, c) => n + c.count, 0),
      cells,
    };
  });
  const years: HeatGrid['years'] = [];
  for (const c of cols) {
    const year = `${c.month.slice(0, 4)}年`;
    const lastYear = years[years.length - 1];
    if (lastYear && lastYear.year === year) lastYear.span++;
    else years.push({ year, span: 1 });
  }
  const ranked = rows.filter((r) => r.total > 0).sort((a, b) => b.total - a.total);
  const silent = rows.filter((r) => r.total === 0).map((r) => r.name);
  const description =
    `${cols[0]?.full ?? ''}至${formatMonth(last)}，` +
    (ranked.length > 0
      ? `最多的是${ranked
          .slice(0, 3)
          .map((r) => `${r.name}（${r.total} ${unit}）`)
          .join('、')}`
      : `没有${unit === '篇' ? '稿件' : '数据'}`) +
    (silent.length > 0 ? `；${silent.join('、')}没有。` : '。');
  return { columns: cols, years, rows, max, legend: shadeLegend(max), description };
}
