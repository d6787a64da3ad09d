/**
 * Every word the site uses for the archive's own categories, in one place:
 * a photo story is 图片新闻 everywhere.
 */
import type { Article } from '../schema.ts';

export const SITE_NAME = '聊城新闻档案';
export const SITE_TAGLINE = '聊城日报 · 大众日报 聊城新闻';
export const SITE_DESCRIPTION = '聊城本地新闻档案：按区县、专题、日期、版面和记者浏览。';

/** What kind of story it is, as a newsroom says it. */
export const KIND_NAMES: Record<Article['kind'], string> = {
  news: '消息',
  photo: '图片新闻',
  commentary: '评论',
  wire: '通稿',
  brief: '简讯',
};

/** A kind's name for a value read back from JSON (search results), where it is only a string. */
export const kindName = (kind: string): string => (kind in KIND_NAMES ? KIND_NAMES[kind as Article['kind']] : '');

/** The kind shown beside a headline in a list: ordinary news goes unsaid. */
export const listKindName = (kind: Article['kind']) => (kind === 'news' ? '' : KIND_NAMES[kind]);

export const SECTION_NAMES = {
  home: '首页',
  counties: '区县',
  topics: '专题',
  issues: '日期',
  pages: '版面',
  reporters: '记者',
  figures: '数据',
  search: '搜索',
} as const;
