/**
 * Every word the site uses for the archive's own categories, in one place:
 * a photo story is 图片新闻 everywhere.
 */
import type { Article, Warning } from '../schema.ts';

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
export const kindName = (kind: string): string =>
  Object.hasOwn(KIND_NAMES, kind) ? KIND_NAMES[kind as Article['kind']] : '';

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

/** A record field as an editor or a reader says it: an editor's correction of 「kind」 is a correction of 体裁. */
export const FIELD_NAMES: Record<string, string> = {
  headline: '标题',
  kicker: '引题',
  subheadline: '副题',
  county: '县区',
  date: '日期',
  kind: '体裁',
  merge: '合并',
  split: '拆分',
  paragraphs: '正文',
  text: '正文',
  edition: '报名',
  page: '版次',
  section: '版名',
  // A sidecar's own keys, for its warnings.
  mergeWithNext: '合并',
  splitAtParagraph: '拆分',
  moveLeftovers: '移动未归属的文字',
  line: '行号',
  to: '稿件编号',
  note: '说明',
  'byline.reporters': '记者',
  'byline.correspondents': '通讯员',
  'byline.photographers': '摄影',
  'byline.authors': '作者',
};

export const fieldName = (field: string): string => (Object.hasOwn(FIELD_NAMES, field) && FIELD_NAMES[field]) || field;

/** A corrected value as shown: a kind by its name (news → 消息), a list joined, nothing as 无. */
export function fieldValue(field: string, value: string): string {
  if (field === 'kind') return kindName(value) || value;
  return value === '' ? '无' : value;
}

/** What kind of problem a warning is, for an editor (the dev page view shows it beside the message). */
export const WARNING_NAMES: Record<Warning['code'], string> = {
  'no-byline': '无署名',
  'no-county': '无县区',
  'no-date': '无日期',
  leftover: '未归属文字',
  encoding: '编码',
  meta: '附注文件',
  correction: '附注更正',
  'doubtful-boundary': '分篇存疑',
  'file-name': '文件名',
};

export const warningName = (code: Warning['code']): string => WARNING_NAMES[code];
