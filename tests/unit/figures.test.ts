import { describe, expect, it } from 'vitest';
import { extractFigures } from '../../src/lib/parser/figures.ts';
import { articleWith, parsedSeed } from '../helpers/seeds.ts';

const figures = (text: string) => extractFigures(text, 'paragraphs', 0).map((f) => [f.valueText, f.unit, f.label]);

describe('figures', () => {
  it('reads value and unit as printed, with the label before them', () => {
    expect(figures('被评为A类的226家规模以上工业企业实现产值1689.0亿元,同比增长9.9%;')).toEqual([
      ['226', '家', '被评为A类'],
      ['1689.0', '亿元', '产值'],
      ['9.9', '%', '同比增长'],
    ]);
  });

  it('reads compound units and magnitudes', () => {
    expect(figures('小麦单产592.6公斤/亩,总产量50.43万吨')).toEqual([
      ['592.6', '公斤/亩', '小麦单产'],
      ['50.43', '万吨', '总产量'],
    ]);
    expect(figures('超过全省平均水平4.28个百分点')[0]?.slice(0, 2)).toEqual(['4.28', '个百分点']);
    expect(figures('2411台(套)落后设备')[0]?.slice(0, 2)).toEqual(['2411', '台(套)']);
    expect(figures('商业用房16481.28㎡')[0]?.slice(0, 2)).toEqual(['16481.28', '㎡']);
  });

  it('keeps 余/多/近 as a qualifier', () => {
    const [a, b, c] = extractFigures('建成200余套民宿,惠及群众31万余人,近3000家企业', 'paragraphs', 0);
    expect(a).toMatchObject({ value: 200, unit: '套', qualifier: '余', text: '200余套' });
    expect(b).toMatchObject({ value: 31, unit: '万人', qualifier: '余' });
    expect(c).toMatchObject({ value: 3000, unit: '家', qualifier: '近', text: '近3000家' });
  });

  it('gives a list the label of its first item', () => {
    expect(figures('分别增长39.6%、39.4%').map((f) => f[2])).toEqual(['分别增长', '分别增长']);
  });

  it('skips years, dates, ordinals and periods', () => {
    expect(figures('2024年,2025年度,12月23日,列全省第3位,今年前5个月,1—5月')).toEqual([]);
    expect(figures('连续3年,用时10个月')).toEqual([
      ['3', '年', ''],
      ['10', '个月', '用时'],
    ]);
  });

  it('labels a figure with what it measures, never a verb or function word before it', () => {
    expect(figures('平均降水量为12.9mm')).toEqual([['12.9', 'mm', '平均降水量']]);
    expect(figures('推动120个项目落地')).toEqual([['120', '个', '']]);
    expect(figures('最高气温37℃')).toEqual([['37', '℃', '最高气温']]);
  });

  it('reads the units a weather, age or timetable story prints: ℃, 岁, 趟, and never 第12期', () => {
    expect(figures('年满60岁,新开通2趟,第12期').map(([v, u]) => [v, u])).toEqual([
      ['60', '岁'],
      ['2', '趟'],
    ]);
  });

  it('marks where each figure sits in its paragraph', () => {
    const a = articleWith(parsedSeed('002'), '临清市今年夏粮喜获丰收');
    for (const f of a.figures) expect(a.paragraphs[f.index]?.slice(f.start, f.end)).toBe(f.text);
    expect(a.figures.map((f) => [f.value, f.unit])).toContainEqual([1917.6, '万元']);
  });
});
