/**
 * The home page: the latest issue whole, the stories before it, the county
 * map, the topics and the year's shape.
 */
import type { Article } from '../schema.ts';
import type { Archive, Issue } from './archive-index.ts';
import { yearShape, type YearShape } from './charts.ts';
import { issueContents, type PageContents } from './issue-view.ts';
import { liaochengMap, type LiaochengMap } from './liaocheng-map.ts';
import { countyUrl, topicUrl } from './routes.ts';

const RECENT = 12;

export interface Chip {
  href: string;
  label: string;
  count: number;
}

export interface HomeView {
  latest: Issue | undefined;
  latestPages: PageContents[];
  /** The newest stories not in the latest issue. */
  recent: Article[];
  counties: Chip[];
  topics: Chip[];
  map: LiaochengMap;
  shape: YearShape | null;
}

export function homeView(archive: Archive): HomeView {
  const latest = archive.issues[0];
  const latestPages = latest ? issueContents(archive, latest) : [];
  const onLatest = new Set(latestPages.flatMap((p) => p.stories.map((s) => s.id)));
  return {
    latest,
    latestPages,
    recent: archive.articles.filter((a) => !onLatest.has(a.id)).slice(0, RECENT),
    counties: archive.counties
      .filter((c) => c.articles.length > 0)
      .map((c) => ({ href: countyUrl(c.slug), label: c.name, count: c.articles.length })),
    topics: archive.topics
      .filter((t) => t.articles.length > 0)
      .sort((a, b) => b.articles.length - a.articles.length)
      .map((t) => ({ href: topicUrl(t.slug), label: t.name, count: t.articles.length })),
    map: liaochengMap(archive.counties),
    shape: yearShape(archive.articles),
  };
}
