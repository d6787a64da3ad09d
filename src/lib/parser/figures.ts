/**
 * Every quantity in the text as { value, unit, text, label }: 1689.0亿元,
 * 9.9%, 200余套, 31万余人, 592.6公斤/亩. Years, dates and ordinals
 * (第3位) are not figures. One linear scan; no backtracking patterns.
 */
import type { Figure } from '../schema.ts';
import { asciiDigits, literalAlternation } from './text.ts';

/** Units as printed; the magnitudes 万/亿/千/百 may stand before any of them. */
const UNITS = [
  '个百分点',
  '个工作日',
  '百分点',
  '工作日',
  '个小时',
  '个月',
  '公斤/亩',
  '元/吨',
  '元/亩',
  '元/斤',
  '台(套)',
  '台（套）',
  '平方公里',
  '平方米',
  '立方米',
  '千瓦时',
  '人次',
  '户次',
  '车次',
  '架次',
  '场次',
  '台套',
  '周年',
  '摄氏度',
  '剂次',
  '毫米',
  '厘米',
  'mm',
  'cm',
  'km',
  'kg',
  '℃',
  '岁',
  '对',
  '趟',
  '期',
  '公里',
  '千米',
  '公斤',
  '千克',
  '千瓦',
  '千伏',
  '兆瓦',
  '公顷',
  '小时',
  '分钟',
  '秒钟',
  '美元',
  '欧元',
  '元',
  '吨',
  '亩',
  '家',
  '个',
  '项',
  '条',
  '场',
  '次',
  '处',
  '所',
  '座',
  '套',
  '辆',
  '件',
  '根',
  '篇',
  '盏',
  '幅',
  '米',
  '㎡',
  '%',
  '％',
  '‰',
  '倍',
  '成',
  '年',
  '天',
  '秒',
  '位',
  '类',
  '批',
  '棵',
  '株',
  '头',
  '只',
  '人',
  '名',
  '户',
  '台',
  '斤',
  '克',
  '例',
  '起',
  '笔',
  '种',
  '款',
  '艘',
  '架',
  '部',
  '支',
  '栋',
  '间',
  '张',
  '份',
  '册',
  '本',
];

const UNIT_SOURCE = literalAlternation(UNITS);
// The lookbehind keeps a long run of digits linear: matching starts only at its first digit.
const NUMBER =
  '(?<![0-9０-９.．,])(?:[0-9０-９]{1,3}(?:,[0-9０-９]{3})+(?:[.．][0-9０-９]+)?|[0-9０-９]+(?:[.．][0-9０-９]+)?)';
const FIGURE = new RegExp(
  `(?<pre>近|约|超过|超|逾|达到|高达|多达|不足|不到|仅)?(?<num>${NUMBER})\\s?(?<mag>万|亿|千|百)?(?<approx>余|多)?\\s?(?:(?<unit>${UNIT_SOURCE})|(?<bare>(?<=万|亿)))(?<approx2>余|多)?(?<post>以上|以下|左右|以内)?`,
  'gu',
);

const LABEL_STOP = /[，,。；;：:、！？!?（）()“”"‘’《》\s]/u;
const LEADING_NOISE = /^(?:其中|同时|并且|并|共|累计|总计|合计|已|实现|完成|和|与|及|的|是|有)+/u;
/** Verbs and function words before a number are not what it measures (为, 连续, 推动). */
const TRAILING_NOISE =
  /(?:达到|达|为|约为|约|近|超过|超|逾|共|计|累计|突破|高达|仅|至|到|了|的|有|在|连续|推动|带动|促进|实现|完成|新建|建成|投入|吸引|共有)+$/u;

function labelBefore(text: string, start: number, floor: number): string {
  let i = start;
  // 出口客车(含底盘)19.3亿元: look past a parenthetical to the words it qualifies.
  const aside = /[（(][^（）()]{1,12}[）)]$/u.exec(text.slice(Math.max(floor, start - 14), start));
  if (aside) {
    const end = start - aside[0].length;
    const label = labelBefore(text, end, floor);
    if (label) return label;
  }
  while (i > floor && start - i < 12 && !LABEL_STOP.test(text[i - 1] ?? '')) i--;
  let raw = text.slice(i, start).replace(LEADING_NOISE, '');
  // 企业实现产值1689.0亿元: the measure is what follows the verb.
  const verb = /^.*(?:实现|完成|达到|累计|共计|新增|其中)(?=.{2})/u.exec(raw);
  if (verb) raw = raw.slice(verb[0].length);
  return raw.replace(TRAILING_NOISE, '');
}

function excluded(text: string, index: number, num: string, unit: string, after: string): boolean {
  const before = text.slice(Math.max(0, index - 2), index);
  if (/第\s*$/u.test(before)) return true; // ordinal
  if (/[A-Za-z]$/u.test(before)) return true; // part of a code such as G20, A3
  if (unit === '年' && /^\d{4}$/u.test(num)) return true; // a calendar year
  if (unit === '年' && /^度/u.test(after)) return true; // 2024年度
  if ((unit === '个月' || unit === '天') && /前\s*$/u.test(before)) return true; // 前5个月: a period
  return false;
}

const DIGIT = /[0-9０-９]/u;

export function extractFigures(text: string, field: Figure['field'], index: number): Figure[] {
  // Most paragraphs hold no digit; FIGURE would still try every position.
  if (!DIGIT.test(text)) return [];
  const figures: Figure[] = [];
  let floor = 0;
  for (const m of text.matchAll(FIGURE)) {
    const g = m.groups ?? {};
    const num = g.num ?? '';
    const unitCore = g.unit ?? '';
    const magnitude = g.mag ?? '';
    if (!unitCore && !magnitude) continue;
    const start = m.index ?? 0;
    const numberStart = start + (g.pre?.length ?? 0);
    const end = start + m[0].length;
    if (excluded(text, numberStart, num, unitCore, text.slice(end, end + 2))) continue;
    const valueText = asciiDigits(num).replace(/,/g, '');
    const value = Number(valueText);
    if (!Number.isFinite(value)) continue;
    let label = labelBefore(text, start, floor);
    const prev = figures[figures.length - 1];
    // 分别增长39.6%、39.4%: a list shares the label before its first item.
    if (prev && /^[、和及与]$/u.test(text.slice(prev.end, start))) label = prev.label;
    figures.push({
      value,
      valueText: asciiDigits(num),
      unit: magnitude + unitCore,
      text: m[0],
      label,
      qualifier: g.pre ?? g.approx ?? g.approx2 ?? g.post ?? null,
      field,
      index,
      start,
      end,
    });
    floor = end;
  }
  return figures;
}
