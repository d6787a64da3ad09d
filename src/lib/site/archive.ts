/**
 * The archive as the site browses it: every article and page from the content
 * collections, with the indexes the routes need. Built once per build.
 */
import { getCollection } from 'astro:content';
import type { Article, Page } from '../schema.ts';
import { allCountyRefs } from '../parser/gazetteer.ts';
import { taxonomy } from '../parser/topics.ts';
import { collectPeople, type Person } from './people.ts';

export interface Archive {
  /** Newest first; undated stories last. */
  articles: Article[];
  pages: Page[];
  article: (id: string) => Article | undefined;
  page: (file: string) => Page | undefined;
  pageOf: (a: Article) => Page | undefined;
  counties: Array<{ slug: string; name: string; articles: Article[] }>;
  topics: Array<{ slug: string; name: string; articles: Article[] }>;
  people: Person[];
  person: (name: string) => Person | undefined;
  /** Issue dates, newest first, with their pages. */
  issues: Array<{ date: string; pages: Page[] }>;
  /** Where a story stands in a county's or topic's list. */
  position: (list: string, id: string) => number;
  /** Stories by month of their date (yyyy-mm, or 'undated'), newest month first. */
  months: Array<{ month: string; articles: Article[] }>;
}

const newestFirst = (a: Article, b: Article) =>
  (b.date ?? '').localeCompare(a.date ?? '') ||
  a.source.file.localeCompare(b.source.file) ||
  a.source.startLine - b.source.startLine;

let cached: Promise<Archive> | null = null;

export function loadArchive(): Promise<Archive> {
  // In `astro dev` the collections change under a running server: never serve a stale index.
  if (import.meta.env.DEV) return build();
  cached ??= build();
  return cached;
}

function groupBy<T>(items: T[], key: (item: T) => string | null): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k === null) continue;
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

async function build(): Promise<Archive> {
  const articles = (await getCollection('articles')).map((e) => e.data as Article).sort(newestFirst);
  const pages = (await getCollection('pages'))
    .map((e) => e.data as Page)
    .sort((a, b) => (b.issueDate ?? '').localeCompare(a.issueDate ?? '') || a.file.localeCompare(b.file));
  const byId = new Map(articles.map((a) => [a.id, a]));
  const byFile = new Map(pages.map((p) => [p.file, p]));
  const byCounty = groupBy(articles, (a) => a.county?.slug ?? null);
  const counties = allCountyRefs().map((c) => ({ ...c, articles: byCounty.get(c.slug) ?? [] }));
  const byTopic = new Map<string, Article[]>();
  for (const a of articles) for (const t of a.topics) byTopic.set(t, [...(byTopic.get(t) ?? []), a]);
  const topics = [...taxonomy.topics, taxonomy.fallback]
    .map((t) => ({ slug: t.slug, name: t.name, articles: byTopic.get(t.slug) ?? [] }))
    .filter((t) => t.articles.length > 0 || t.slug !== taxonomy.fallback.slug);
  const people = collectPeople(articles);
  const byName = new Map(people.map((p) => [p.name, p]));
  const positions = new Map<string, Map<string, number>>();
  for (const list of [...counties, ...topics])
    positions.set(list.slug, new Map(list.articles.map((a, i) => [a.id, i])));
  const issues = [...groupBy(pages, (p) => p.issueDate)].sort(([a], [b]) => b.localeCompare(a));
  return {
    articles,
    pages,
    article: (id) => byId.get(id),
    page: (file) => byFile.get(file),
    pageOf: (a) => byFile.get(a.source.file),
    counties,
    topics,
    people,
    person: (name) => byName.get(name),
    issues: issues.map(([date, ps]) => ({ date, pages: ps })),
    position: (list, id) => positions.get(list)?.get(id) ?? -1,
    months: [...groupBy(articles, (a) => a.date?.slice(0, 7) ?? 'undated')].map(([month, list]) => ({
      month,
      articles: list,
    })),
  };
}

/** How far either side in time related stories are looked for: the work per story stays constant as the archive grows. */
const RELATED_WINDOW = 30;

/**
 * Stories that share the county or a topic, the closest first: looked for
 * among the stories nearest in time in the story's county and topic lists.
 */
export function relatedTo(a: Article, archive: Archive, max = 5): Article[] {
  const lists = [
    ...archive.counties.filter((c) => c.slug === a.county?.slug),
    ...archive.topics.filter((t) => a.topics.includes(t.slug)),
  ];
  const seen = new Map<string, Article>();
  for (const list of lists) {
    const at = archive.position(list.slug, a.id);
    for (const b of list.articles.slice(Math.max(0, at - RELATED_WINDOW), at + RELATED_WINDOW + 1)) {
      if (b.id !== a.id) seen.set(b.id, b);
    }
  }
  return [...seen.values()]
    .map((b) => ({
      b,
      score:
        (a.county && b.county?.slug === a.county.slug ? 2 : 0) + b.topics.filter((t) => a.topics.includes(t)).length,
    }))
    .sort((x, y) => y.score - x.score || newestFirst(x.b, y.b))
    .slice(0, max)
    .map((x) => x.b);
}

export const PAGE_SIZE = 20;
