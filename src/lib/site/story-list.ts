/**
 * A story as a list shows it (a county, a topic, a person, 相关报道, the
 * home page): everything StoryList renders, so a list page's cacheKey can
 * be a digest of exactly what it shows.
 */
import type { Article } from '../schema.ts';
import { topicName } from '../parser/topics.ts';
import { formatDate, summaryOf } from './format.ts';
import { listKindName } from './labels.ts';
import { articleUrl, countyUrl } from './routes.ts';
import { titleOf } from './titles.ts';

export interface ListedStory {
  href: string;
  title: string;
  /** The kicker, shown only above a printed headline. */
  kicker: string | null;
  /** 图片新闻, 简讯 …; empty for ordinary news. */
  kind: string;
  date: string | null;
  dateText: string;
  county: { href: string; name: string } | null;
  /** The topics' names, 、-joined; empty when none. */
  topics: string;
  /** The opening words, when the list shows them. */
  summary: string | null;
}

export function listedStory(a: Article, summaries: boolean): ListedStory {
  return {
    href: articleUrl(a.id),
    title: titleOf(a),
    kicker: a.kicker && a.headline ? a.kicker : null,
    kind: listKindName(a.kind),
    date: a.date,
    dateText: formatDate(a.date),
    county: a.county ? { href: countyUrl(a.county.slug), name: a.county.name } : null,
    topics: a.topics.map(topicName).join('、'),
    summary: summaries ? summaryOf(a) : null,
  };
}

export const listedStories = (articles: readonly Article[], summaries: boolean): ListedStory[] =>
  articles.map((a) => listedStory(a, summaries));
