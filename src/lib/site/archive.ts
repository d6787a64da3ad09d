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

async function build(): Promise<Archive> {
  const articles = (await getCollection('articles')).map((e) => e.data as Article).sort(newestFirst);
  const pages = (await getCollection('pages'))
    .map((e) => e.data as Page)
    .sort((a, b) => (b.issueDate ?? '').localeCompare(a.issueDate ?? '') || a.file.localeCompare(b.file));
  const byId = new Map(articles.map((a) => [a.id, a]));
  const byFile = new Map(pages.map((p) => [p.file, p]));
  const counties = allCountyRefs().map((c) => ({ ...c, articles: articles.filter((a) => a.county?.slug === c.slug) }));
  const topics = [...taxonomy.topics, taxonomy.fallback].map((t) => ({
    slug: t.slug,
    name: t.name,
    articles: articles.filter((a) => a.topics.includes(t.slug)),
  }));
  const people = collectPeople(articles);
  const byName = new Map(people.map((p) => [p.name, p]));
  const issueMap = new Map<string, Page[]>();
  for (const p of pages) if (p.issueDate) issueMap.set(p.issueDate, [...(issueMap.get(p.issueDate) ?? []), p]);
  return {
    articles,
    pages,
    article: (id) => byId.get(id),
    page: (file) => byFile.get(file),
    pageOf: (a) => byFile.get(a.source.file),
    counties,
    topics: topics.filter((t) => t.articles.length > 0 || t.slug !== taxonomy.fallback.slug),
    people,
    person: (name) => byName.get(name),
    issues: [...issueMap].sort(([a], [b]) => b.localeCompare(a)).map(([date, ps]) => ({ date, pages: ps })),
  };
}

/** Stories that share the county or a topic, the closest first. */
export function relatedTo(a: Article, all: Article[], max = 5): Article[] {
  return all
    .filter((b) => b.id !== a.id)
    .map((b) => ({
      b,
      score:
        (a.county && b.county?.slug === a.county.slug ? 2 : 0) + b.topics.filter((t) => a.topics.includes(t)).length,
    }))
    .filter((x) => x.score > 0)
    .sort((x, y) => y.score - x.score || newestFirst(x.b, y.b))
    .slice(0, max)
    .map((x) => x.b);
}

export const PAGE_SIZE = 20;
