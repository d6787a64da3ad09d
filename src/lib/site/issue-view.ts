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
