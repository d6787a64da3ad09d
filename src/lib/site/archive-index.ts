/**
 * The archive as the site browses it: every article and page, with the
 * indexes the routes need. Pure (no Astro), so the views are tested on records.
 */
import type { Article, Page } from '../schema.ts';
import { allCountyRefs } from '../parser/gazetteer.ts';
import { taxonomy } from '../parser/topics.ts';
import { collectPeople, type Person } from './people.ts';
import { comparePageOrder } from './page-names.ts';

export interface Issue {
  date: string;
  pages: Page[];
}

export interface Archive {
  /** Newest first; undated stories last. */
  articles: Article[];
  pages: Page[];
  article: (id: string) => Article | undefined;
  pageById: (id: string) => Page | undefined;
  pageOf: (a: Article) => Page | undefined;
  /** A page's stories in printed order. */
  storiesOn: (page: Page) => Article[];
  /** A person's stories, newest first. */
  storiesBy: (person: Person) => Article[];
  counties: Array<{ slug: string; name: string; articles: Article[] }>;
  topics: Array<{ slug: string; name: string; articles: Article[] }>;
  people: Person[];
  person: (name: string) => Person | undefined;
  /** Issue dates, newest first, with their pages in printed order. */
  issues: Issue[];
  /** The issue a page belongs to (none for an undated page). */
  issueOf: (page: Page) => Issue | undefined;
  /** Where a story stands in a county's or topic's list. */
  position: (list: string, id: string) => number;
  /** Stories by month of their date (yyyy-mm, or 'undated'), newest month first. */
  months: Array<{ month: string; articles: Article[] }>;
}

const newestFirst = (a: Article, b: Article) =>
  (b.date ?? '').localeCompare(a.date ?? '') ||
  a.source.file.localeCompare(b.source.file) ||
  a.source.startLine - b.source.startLine;

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

/** The archive's indexes over a set of records: pure, so views are tested without Astro. */
export function indexArchive(records: Article[], pageRecords: Page[]): Archive {
  const articles = [...records].sort(newestFirst);
  // Newest issue first; inside an issue, the order the pages were printed in.
  const pages = [...pageRecords].sort(
    (a, b) => (b.issueDate ?? '').localeCompare(a.issueDate ?? '') || comparePageOrder(a, b),
  );
  const byId = new Map(articles.map((a) => [a.id, a]));
  const byFile = new Map(pages.map((p) => [p.file, p]));
  const byPageId = new Map(pages.map((p) => [p.id, p]));
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
  const issues: Issue[] = [...groupBy(pages, (p) => p.issueDate)]
    .sort(([a], [b]) => b.localeCompare(a))
    .map(([date, list]) => ({ date, pages: list }));
  const issueByDate = new Map(issues.map((i) => [i.date, i]));
  return {
    articles,
    pages,
    article: (id) => byId.get(id),
    pageById: (id) => byPageId.get(id),
    pageOf: (a) => byFile.get(a.source.file),
    storiesOn: (page) => page.articleIds.map((id) => byId.get(id)).filter((a) => a !== undefined),
    // Collected newest first, as the archive lists them.
    storiesBy: (person) => person.articleIds.map((id) => byId.get(id)).filter((a) => a !== undefined),
    counties,
    topics,
    people,
    person: (name) => byName.get(name),
    issues,
    issueOf: (page) => (page.issueDate ? issueByDate.get(page.issueDate) : undefined),
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
