import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/lib/schema.ts';
import { CSV_COLUMNS, figureCsv } from '../../src/lib/site/figure-csv.ts';
import {
  applyView,
  EXCERPT_REACH,
  excerptAround,
  excerptOf,
  figureRows,
  figureViewSearch,
  NO_COUNTY,
  parseFigureView,
  viewableRow,
  type FigureRow,
  type FigureView,
} from '../../src/lib/site/figure-rows.ts';
import { articleWith, parsedSeed, seed } from '../helpers/seeds.ts';

const SEEDS = ['000', '001', '002', '003', '004'];
const allArticles = () => SEEDS.flatMap((p) => parsedSeed(p).articles);
const figureIn = (a: Article, text: string) => {
  const f = a.figures.find((x) => x.text === text);
  if (!f) throw new Error(`no figure ${text} in ${a.id}`);
  return f;
};
const marked = (e: { text: string; start: number; end: number }) => e.text.slice(e.start, e.end);

describe('the 原文 excerpt beside a figure', () => {
  it('is the whole sentence when it is short: seed 000, line 13', () => {
    const a = articleWith(parsedSeed('000'), '1689.0亿元');
    const line13 = seed('000').text.split('\n')[12]?.trim();
    expect(line13).toBe('2024年,被评为A类的226家规模以上工业企业实现产值1689.0亿元,同比增长9.9%;');
    const e = excerptOf(a, figureIn(a, '1689.0亿元'));
    expect(e.text).toBe(line13);
    expect(marked(e)).toBe('1689.0亿元');
    expect(e.text.slice(0, e.start)).toBe('2024年,被评为A类的226家规模以上工业企业实现产值');
  });

  it('stops at the sentence end and starts at a clause break when the sentence runs long', () => {
    const a = articleWith(parsedSeed('000'), '超40万人次');
    // The sentence opens 「记者7月7日从莘县获悉,」: 36 characters before the figure, over the reach.
    const e = excerptOf(a, figureIn(a, '超40万人次'));
    expect(e.text).toBe('…截至目前,该县13处红色展馆累计接待参观学习人数超40万人次。');
    expect(marked(e)).toBe('超40万人次');
  });

  it('clips both sides of a long sentence at clause breaks, with an ellipsis each side', () => {
    const a = articleWith(parsedSeed('000'), '近3000家');
    const e = excerptOf(a, figureIn(a, '近3000家'));
    expect(e.text).toBe('…全省首创新型工业化智慧平台累计推动近3000家中小企业实施数字化转型,累计培育省级以上智能工厂…');
    expect(marked(e)).toBe('近3000家');
  });

  it('marks exactly its own figure, within reach and inside one sentence, for every figure of every seed', () => {
    let checked = 0;
    for (const a of allArticles()) {
      for (const f of a.figures) {
        const e = excerptOf(a, f);
        const source = a[f.field][f.index] ?? '';
        const inner = e.text.replace(/^…/u, '').replace(/…$/u, '');
        expect(marked(e)).toBe(f.text);
        expect(source).toContain(inner);
        expect(e.start - (e.text.startsWith('…') ? 1 : 0)).toBeLessThanOrEqual(EXCERPT_REACH);
        expect(e.text.length - e.end - (e.text.endsWith('…') ? 1 : 0)).toBeLessThanOrEqual(EXCERPT_REACH);
        expect(inner.slice(0, -1)).not.toMatch(/[。！？]/u);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(200);
  });

  it('finds the figure by its text when its offsets are stale, and stands it alone when the text is gone', () => {
    const a = articleWith(parsedSeed('000'), '1689.0亿元');
    const f = figureIn(a, '1689.0亿元');
    expect(marked(excerptOf(a, { ...f, start: f.start + 3, end: f.end + 3 }))).toBe('1689.0亿元');
    expect(excerptOf({ paragraphs: ['另一段文字。'], captions: [] }, f)).toEqual({
      text: '1689.0亿元',
      start: 0,
      end: 8,
    });
  });

  it('never cuts a character from outside the Basic Multilingual Plane in half', () => {
    const wide = '𠀀'.repeat(40); // each is two UTF-16 units
    for (const shift of [0, 1]) {
      const source = `${'甲'.repeat(shift)}${wide}共58家${wide}。`;
      const start = source.indexOf('58家');
      const e = excerptAround(source, start, start + 3);
      expect(marked(e)).toBe('58家');
      expect(e.text).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u);
    }
  });
});

describe('the reader’s view in the query string', () => {
  const choices = { unit: ['%', '亿元', '家'], county: ['linqing', NO_COUNTY], topic: ['industry'] };

  it('reads back what it writes, and writes only what differs from the default', () => {
    const view: FigureView = { unit: '%', county: 'linqing', topic: '', sort: 'value-desc' };
    const search = figureViewSearch('', view);
    expect(search).toBe('?unit=%25&county=linqing&sort=value-desc');
    expect(parseFigureView(search, choices)).toEqual(view);
    expect(figureViewSearch('?unit=%25', { unit: '', county: '', topic: '', sort: 'order' })).toBe('');
  });

  it('keeps the keys it does not own (a search’s ?hl=)', () => {
    const search = figureViewSearch('?hl=轴承&unit=家', { unit: '亿元', county: '', topic: '', sort: 'order' });
    const params = new URLSearchParams(search);
    expect(params.get('hl')).toBe('轴承');
    expect(params.get('unit')).toBe('亿元');
  });

  it('ignores a value the table does not offer and an unknown sort', () => {
    expect(parseFigureView('?unit=吨&county=nowhere&topic=industry&sort=random', choices)).toEqual({
      unit: '',
      county: '',
      topic: 'industry',
      sort: 'order',
    });
  });
});

describe('filtering and sorting rows', () => {
  const rows = figureRows(allArticles());
  const all: FigureView = { unit: '', county: '', topic: '', sort: 'order' };

  it('filters by unit, county and topic', () => {
    const percent = applyView(rows.map(viewableRow), { ...all, unit: '%' });
    expect(percent.length).toBe(rows.filter((r) => r.unit === '%').length);
    expect(percent.length).toBeGreaterThan(5);
    expect(percent.every((r) => r.unit === '%')).toBe(true);
    const undecided = applyView(rows.map(viewableRow), { ...all, county: NO_COUNTY });
    expect(undecided.length).toBe(rows.filter((r) => r.county === null).length);
    const sample = rows.find((r) => r.county && r.topics.length > 0);
    const [county, topic] = [sample?.county?.slug ?? '', sample?.topics[0] ?? ''];
    const both = applyView(rows.map(viewableRow), { ...all, county, topic });
    expect(both.length).toBe(rows.filter((r) => r.county?.slug === county && r.topics.includes(topic)).length);
    expect(both.length).toBeGreaterThan(0);
    expect(both.every((r) => r.county === county && r.topics.includes(topic))).toBe(true);
  });

  it('sorts by value either way, ties in the default order, and back', () => {
    const viewable = rows.map(viewableRow);
    const desc = applyView(viewable, { ...all, sort: 'value-desc' });
    const asc = applyView(viewable, { ...all, sort: 'value-asc' });
    expect(desc.length).toBe(rows.length);
    for (let i = 1; i < desc.length; i++) {
      const [prev, here] = [desc[i - 1], desc[i]];
      expect(prev && here && (prev.value > here.value || (prev.value === here.value && prev.order < here.order))).toBe(
        true,
      );
    }
    expect(asc[0]?.value).toBe(Math.min(...rows.map((r) => r.value)));
    expect(applyView(desc, all).map((r) => r.order)).toEqual(rows.map((r) => r.order));
  });
});

describe('the CSV download', () => {
  const site = 'https://archive.example/';
  const rows = figureRows(parsedSeed('000').articles);
  const [first, second] = rows;
  if (!first || !second) throw new Error('seed 000 has figures');
  const hostile: FigureRow = {
    ...first,
    title: '标题,带逗号 "引号" 和\n换行',
    label: '指标\r\n第二行',
    excerpt: { text: '“原文”,还有,逗号；以及 ""两个引号""', start: 0, end: 4 },
  };
  const read = (csv: string) => parse(csv, { bom: true, relax_column_count: false }) as string[][];

  it('starts with a UTF-8 byte-order mark and a header row of the documented columns', () => {
    const csv = figureCsv(rows, site);
    expect([...Buffer.from(csv, 'utf8').subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...records] = read(csv);
    expect(header).toEqual(CSV_COLUMNS.map((c) => c.header));
    expect(records.length).toBe(rows.length);
    expect(records[1]).toEqual([
      second.articleId,
      '领跑亩均效益 保供应急物资',
      second.date ?? '',
      second.county?.name ?? '',
      '产值',
      '1689',
      '1689.0',
      '亿元',
      '',
      '1689.0亿元',
      '2024年,被评为A类的226家规模以上工业企业实现产值1689.0亿元,同比增长9.9%;',
      `https://archive.example/articles/${second.articleId}/`,
    ]);
  });

  it('round-trips commas, quotes and line breaks through a CSV parser', () => {
    const [, record] = read(figureCsv([hostile], site));
    expect(record?.[1]).toBe(hostile.title);
    expect(record?.[4]).toBe(hostile.label);
    expect(record?.[10]).toBe(hostile.excerpt.text);
  });

  it('keeps text that starts like a formula from running as one, and leaves negative numbers alone', () => {
    const formula: FigureRow = { ...hostile, title: '=HYPERLINK("http://x","点")', value: -3 };
    const [, record] = read(figureCsv([formula], site));
    expect(record?.[1]).toBe(`'${formula.title}`);
    expect(record?.[5]).toBe('-3');
  });
});
