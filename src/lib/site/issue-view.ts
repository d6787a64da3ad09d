/**
 * An issue as e-paper sites show it: 版面导航 (its pages in printed order)
 * and 标题导航 (every story's title on each page).
 */
import type { Article, Page } from '../schema.ts';
import type { Archive, Issue } from './archive-index.ts';
import { listKindName } from './labels.ts';
import { pageName, type PageName } from './page-names.ts';
import { articleUrl, pageUrl } from './routes.ts';
import { titleOf } from './titles.ts';
import { formatDate } from './format.ts';
import { issueTurns, type Turns } from './neighbours.ts';
import { cacheKeyOf } from './cache-key.ts';

export interface StoryLink {
  id: string;
  title: string;
  href: string;
  /** 图片新闻, 简讯 …; empty for ordinary news. */
  kind: string;
  kicker: string | null;
}

export interface PageContents {
  page: Page;
  name: PageName;
  href: string;
  /** The anchor of this page's section on an issue page. */
  anchor: string;
  stories: StoryLink[];
}

export const storyLink = (a: Article): StoryLink => ({
  id: a.id,
  title: titleOf(a),
  href: articleUrl(a.id),
  kind: listKindName(a.kind),
  kicker: a.headline ? a.kicker : null,
});

/** An issue that holds more than one paper (聊城日报 and 大众日报 on one date) names the paper in every short label. */
export const mixesPapers = (issue: Issue) => new Set(issue.pages.map((p) => p.edition)).size > 1;

export function issueContents(archive: Archive, issue: Issue): PageContents[] {
  const mixed = mixesPapers(issue);
  return issue.pages.map((page) => ({
    page,
    name: pageName(page, { paperInShort: mixed }),
    href: pageUrl(page.id),
    anchor: `p-${page.id}`,
    stories: archive.storiesOn(page).map(storyLink),
  }));
}

/** An issue's own page (/issues/<date>/): its title, the issues either side, its pages and their stories. */
export interface IssueView {
  title: string;
  turns: Turns['issues'];
  pages: PageContents[];
  storyCount: number;
}

export function issueView(archive: Archive, issue: Issue): IssueView {
  const pages = issueContents(archive, issue);
  return {
    title: formatDate(issue.date),
    turns: issueTurns(archive, issue.date),
    pages,
    storyCount: pages.reduce((n, p) => n + p.stories.length, 0),
  };
}

/** The issue page's cacheKey: what IssueContents shows of each page (its name, links and stories; not the whole record). */
export const issueKey = (view: IssueView): string =>
  cacheKeyOf({
    ...view,
    pages: view.pages.map((p) => ({ name: p.name, href: p.href, anchor: p.anchor, stories: p.stories })),
  });
