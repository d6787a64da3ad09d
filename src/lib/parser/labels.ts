/** Words a page sets above a story as a label rather than a headline. */
import { gazetteer } from './gazetteer.ts';

const COLUMN_LABELS = [
  '目击',
  '图片新闻',
  '新闻图片',
  '图说',
  '视觉',
  '镜头',
  '瞬间',
  '看点',
  '速览',
  '简讯',
  '短讯',
  '快讯',
  '简明新闻',
  '新闻速递',
  '短评',
  '评论',
  '时评',
  '快评',
  '观察',
  '特写',
  '聚焦',
  '关注',
  '一线',
  '今日关注',
  '新闻观察',
  '记者观察',
  '组图',
  '图片报道',
  '国内',
  '国际',
  '省内',
  '本地',
  '要闻',
  '综合',
];

const PLACE_LABELS = new Set<string>([
  ...gazetteer.units.flatMap((u) => [u.name, u.short, ...u.aliases]),
  ...gazetteer.prefecture.aliases,
]);

/** A page's or section's name: 今日聊城·城事, 东阿新闻, 三农·看变化. */
const SECTION_NAME = /^\p{Script=Han}{2,6}·\p{Script=Han}{2,6}$|^\p{Script=Han}{2,4}新闻$/u;
/** A column of short items, named for its subject: 两会快讯, 县域简讯, 新闻速递. */
const BRIEF_COLUMN = /^\p{Script=Han}{0,4}(?:快讯|简讯|短讯|速递|速览)$/u;

/** A page's or section's name (区域·聊城): says where it is printed, not where the story is. */
export function isSectionName(text: string): boolean {
  return SECTION_NAME.test(text.replace(/\s+/g, ''));
}

/** A column label (目击), a section's name (今日聊城·城事) or a county set as a label (冠县). */
export function isLabel(text: string): boolean {
  const t = text.replace(/\s+/g, '');
  return COLUMN_LABELS.includes(t) || PLACE_LABELS.has(t) || SECTION_NAME.test(t) || BRIEF_COLUMN.test(t);
}

const PHOTO_LABELS = new Set(['目击', '图片新闻', '新闻图片', '图说', '视觉', '镜头', '瞬间', '组图', '图片报道']);

/** A label that says the item under it is a picture: 图片新闻, 目击. */
export function isPhotoLabel(text: string): boolean {
  return PHOTO_LABELS.has(text.replace(/\s+/g, ''));
}

/** Kickers that mark an opinion piece. */
export const COMMENTARY_LABEL = /评论|短评|时评|快评|观点|编者按|评论员|社论|随笔|杂谈|论坛/u;

/** A county name printed before the headline on the same line: 高唐县 打造特色居民议事机制. */
export function splitPlacePrefix(line: string): { label: string; rest: string } | null {
  const m = /^(\S{2,9})\s+(\S.*)$/u.exec(line.trim());
  if (!m || !PLACE_LABELS.has(m[1] ?? '')) return null;
  return { label: m[1] ?? '', rest: m[2] ?? '' };
}
