/**
 * The figure tables (a story's 文中数据 and /figures/<month>/) as data: one
 * row per figure with the story it came from and a 原文 excerpt around it,
 * and the filter/sort view a reader picks, read from and written to the
 * query string. Pure: the pages, the CSV endpoints and the table's browser
 * script all shape rows here, so they cannot disagree.
 */
import type { Article, Figure } from '../schema.ts';
import { articleUrl } from './routes.ts';
import { formatDate, formatMonth } from './format.ts';
import { titleOf } from './titles.ts';

/** How far an excerpt reaches either side of its figure when the sentence is longer. */
export const EXCERPT_REACH = 30;
/** A clipped side ends at a clause break only if that still leaves this much text (else it is cut hard at the reach). */
const MIN_CLAUSE = 10;

/** A piece of story text with the figure's place in it (`text.slice(start, end)` is the figure). */
export interface Excerpt {
  text: string;
  start: number;
  end: number;
}

export interface FigureRow {
  articleId: string;
  title: string;
  /** yyyy-mm-dd, or null when the story has no date. */
  date: string | null;
  dateText: string;
  county: { slug: string; name: string } | null;
  topics: string[];
  label: string;
  value: number;
  valueText: string;
  unit: string;
  qualifier: string | null;
  /** The figure as printed, qualifier included: 近3000家. */
  text: string;
  excerpt: Excerpt;
  storyUrl: string;
  /** Position in the archive's order (newest story first, figures in reading order): the default sort. */
  order: number;
}

// A sentence ends at 。！？； (or their half-width forms, which the seeds use too);
// a half-width full stop is left out because it is also a decimal point.
const SENTENCE_END = new Set(['。', '！', '？', '；', ';', '!', '?']);
// Where a clipped excerpt may start or stop so that it reads as whole clauses.
const CLAUSE_BREAK = new Set(['，', ',', '、', '：', ':', ' ', '\u3000']);

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/**
 * The sentence around source[start, end), clipped to `reach` characters on a
 * side that runs longer (at a clause break when one is in reach, with an
 * ellipsis), so the figure is read in its own words.
 */
export function excerptAround(source: string, start: number, end: number, reach = EXCERPT_REACH): Excerpt {
  let from = start;
  while (from > 0 && !SENTENCE_END.has(source[from - 1] ?? '')) from--;
  let to = end;
  while (to < source.length && !SENTENCE_END.has(source[to] ?? '')) to++;
  if (to < source.length) to++; // the sentence keeps its own full stop
  let clippedStart = false;
  let clippedEnd = false;
  if (start - from > reach) {
    clippedStart = true;
    from = start - reach;
    // The longest run of whole clauses within reach: start after the first break in the window.
    for (let i = from; i < start - MIN_CLAUSE; i++) {
      if (CLAUSE_BREAK.has(source[i] ?? '')) {
        from = i + 1;
        break;
      }
    }
    if (isLowSurrogate(source.charCodeAt(from))) from++;
  }
  if (to - end > reach) {
    clippedEnd = true;
    to = end + reach;
    for (let i = to - 1; i >= end + MIN_CLAUSE; i--) {
      if (CLAUSE_BREAK.has(source[i] ?? '')) {
        to = i;
        break;
      }
    }
    if (to > end && isHighSurrogate(source.charCodeAt(to - 1))) to--;
  }
  while (from < start && /\s/u.test(source[from] ?? '')) from++;
  while (to > end && /\s/u.test(source[to - 1] ?? '')) to--;
  const lead = clippedStart ? '…' : '';
  const tail = clippedEnd ? '…' : '';
  return {
    text: `${lead}${source.slice(from, to)}${tail}`,
    start: lead.length + start - from,
    end: lead.length + end - from,
  };
}

/**
 * A figure's excerpt from its story. The figure's offsets are trusted only
 * when they still point at its text; otherwise the text is looked for in the
 * same paragraph or caption, and failing that the figure stands alone.
 */
export function excerptOf(article: Pick<Article, 'paragraphs' | 'captions'>, figure: Figure): Excerpt {
  const source = article[figure.field][figure.index] ?? '';
  if (source.slice(figure.start, figure.end) === figure.text) return excerptAround(source, figure.start, figure.end);
  const at = figure.text ? source.indexOf(figure.text) : -1;
  if (at >= 0) return excerptAround(source, at, at + figure.text.length);
  return { text: figure.text, start: 0, end: figure.text.length };
}

/** One row per figure, stories in the order given, figures in reading order. */
export function figureRows(articles: readonly Article[]): FigureRow[] {
  const rows: FigureRow[] = [];
  for (const a of articles) {
    const title = titleOf(a);
    const storyUrl = articleUrl(a.id);
    for (const f of a.figures) {
      rows.push({
        articleId: a.id,
        title,
        date: a.date,
        dateText: formatDate(a.date),
        county: a.county ? { slug: a.county.slug, name: a.county.name } : null,
        topics: [...a.topics],
        label: f.label,
        value: f.value,
        valueText: f.valueText,
        unit: f.unit,
        qualifier: f.qualifier,
        text: f.text,
        excerpt: excerptOf(a, f),
        storyUrl,
        order: rows.length,
      });
    }
  }
  return rows;
}

/** The months that have a figure table (and a CSV): those with at least one figure. */
/** The month table's page: its stories, its name and how many figures it holds. */
export function figuresMonthView(months: ReadonlyArray<{ month: string; articles: Article[] }>, month: string) {
  const stories = months.find((m) => m.month === month)?.articles ?? [];
  return {
    stories,
    monthName: formatMonth(month),
    figureCount: stories.reduce((n, a) => n + a.figures.length, 0),
  };
}

export function figureMonths<M extends { articles: readonly Pick<Article, 'figures'>[] }>(months: readonly M[]): M[] {
  return months.filter((m) => m.articles.some((a) => a.figures.length > 0));
}

/** A count per value, most frequent first (ties in first-seen order): the filter menus. */
export function countBy(keys: readonly string[]): Array<[string, number]> {
  const counts = new Map<string, number>();
  for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  return [...counts].sort((x, y) => y[1] - x[1]);
}

/** The filter value of a row without a county. */
export const NO_COUNTY = 'none';

// ---- The reader's view: filters and sort, kept in the query string ----

export const FIGURE_SORTS = ['order', 'value-desc', 'value-asc'] as const;
export type FigureSort = (typeof FIGURE_SORTS)[number];

export interface FigureView {
  unit: string;
  county: string;
  topic: string;
  sort: FigureSort;
}

/** The query-string keys the view owns; any other key (a search's ?hl=) is left alone. */
export const VIEW_KEYS = ['unit', 'county', 'topic', 'sort'] as const;

/** What a row is filtered and sorted on (a table row's data attributes carry the same). */
export interface ViewableRow {
  unit: string;
  /** A county slug, or NO_COUNTY. */
  county: string;
  topics: readonly string[];
  value: number;
  order: number;
}

export const viewableRow = (row: FigureRow): ViewableRow => ({
  unit: row.unit,
  county: row.county?.slug ?? NO_COUNTY,
  topics: row.topics,
  value: row.value,
  order: row.order,
});

/** The values a table offers; anything else in a URL is ignored. */
export interface FigureChoices {
  unit: readonly string[];
  county: readonly string[];
  topic: readonly string[];
}

const isSort = (s: string): s is FigureSort => (FIGURE_SORTS as readonly string[]).includes(s);

/** The view a query string asks for; an unknown value means no filter (or the default order). */
export function parseFigureView(search: string | URLSearchParams, choices: FigureChoices): FigureView {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const pick = (key: keyof FigureChoices) => {
    const v = params.get(key) ?? '';
    return choices[key].includes(v) ? v : '';
  };
  const sort = params.get('sort') ?? '';
  return { unit: pick('unit'), county: pick('county'), topic: pick('topic'), sort: isSort(sort) ? sort : 'order' };
}

/** The query string for a view: only what differs from the default, other keys kept as they were. */
export function figureViewSearch(search: string, view: FigureView): string {
  const params = new URLSearchParams(search);
  for (const key of VIEW_KEYS) params.delete(key);
  if (view.unit) params.set('unit', view.unit);
  if (view.county) params.set('county', view.county);
  if (view.topic) params.set('topic', view.topic);
  if (view.sort !== 'order') params.set('sort', view.sort);
  const query = params.toString();
  return query ? `?${query}` : '';
}

export function matchesView(row: ViewableRow, view: FigureView): boolean {
  return (
    (!view.unit || row.unit === view.unit) &&
    (!view.county || row.county === view.county) &&
    (!view.topic || row.topics.includes(view.topic))
  );
}

/** A comparator for a sort; ties keep the default order, so a sort is stable and repeatable. */
export function compareRows(sort: FigureSort): (a: ViewableRow, b: ViewableRow) => number {
  if (sort === 'order') return (a, b) => a.order - b.order;
  const sign = sort === 'value-desc' ? -1 : 1;
  return (a, b) => sign * (a.value - b.value) || a.order - b.order;
}

/** The rows a view shows, in its order. */
export function applyView<T extends ViewableRow>(rows: readonly T[], view: FigureView): T[] {
  return rows.filter((r) => matchesView(r, view)).sort(compareRows(view.sort));
}
