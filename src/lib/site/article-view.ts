/**
 * Everything the story page shows beyond the record itself: its title, where
 * it was printed (报名 · 日期 · 版次), the way to turn pages and issues, its
 * neighbours on the page, related stories and the search engines' summary.
 */
import type { Article, Page } from '../schema.ts';
import { relatedTo, type Archive } from './archive-index.ts';
import { formatDate, summaryOf } from './format.ts';
import { KIND_NAMES } from './labels.ts';
import { pageName, type PageName } from './page-names.ts';
import { pageTurns, issueTurns, type Turns } from './neighbours.ts';
import { articleUrl } from './routes.ts';
import { titleOf } from './titles.ts';
import { topicName } from '../parser/topics.ts';
import { storyLink, type StoryLink } from './issue-view.ts';

export interface ArticleView {
  title: string;
  kindName: string;
  page: Page | undefined;
  pageName: PageName | null;
  /** 聊城日报 · 2025年7月8日 · A3版: the citation a reader would write. */
  printed: string;
  turns: Turns;
  previous: StoryLink | undefined;
  next: StoryLink | undefined;
  related: Article[];
  /** The figures to mark in one paragraph or caption. */
  figureMarks: (
    field: 'paragraphs' | 'captions',
    index: number,
  ) => Array<{ start: number; end: number; title: string }>;
  jsonLd: Record<string, unknown>;
}

export function articleView(a: Article, archive: Archive, site: URL | undefined): ArticleView {
  const page = archive.pageOf(a);
  const name = page ? pageName(page) : null;
  const siblings = page ? archive.storiesOn(page) : [];
  const at = siblings.findIndex((s) => s.id === a.id);
  const previous = at > 0 ? siblings[at - 1] : undefined;
  const next = at >= 0 ? siblings[at + 1] : undefined;
  const title = titleOf(a);
  const people = [...a.byline.reporters, ...a.byline.authors, ...a.byline.photographers];
  return {
    title,
    kindName: KIND_NAMES[a.kind],
    page,
    pageName: name,
    printed: [page?.edition, formatDate(page?.issueDate ?? a.date), page?.pageLabel && name?.short]
      .filter(Boolean)
      .join(' · '),
    turns: page
      ? pageTurns(archive, page)
      : { pages: { previous: null, next: null }, issues: issueTurns(archive, null) },
    previous: previous && storyLink(previous),
    next: next && storyLink(next),
    related: relatedTo(a, archive),
    figureMarks: (field, index) =>
      a.figures
        .filter((f) => f.field === field && f.index === index)
        .map((f) => ({ start: f.start, end: f.end, title: `${f.label || '数据'}：${f.valueText}${f.unit}` })),
    jsonLd: {
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: title.slice(0, 110),
      ...(a.kicker ? { alternativeHeadline: a.kicker } : {}),
      ...(a.date ? { datePublished: a.date } : {}),
      inLanguage: 'zh-CN',
      mainEntityOfPage: new URL(articleUrl(a.id), site).href,
      author: people.map((person) => ({ '@type': 'Person', name: person })),
      publisher: { '@type': 'Organization', name: page?.edition ?? '聊城日报' },
      articleSection: a.topics.map(topicName),
      ...(a.county
        ? { contentLocation: { '@type': 'Place', name: a.county.name === '市级' ? '聊城市' : a.county.name } }
        : {}),
      description: summaryOf(a, 150),
    },
  };
}
