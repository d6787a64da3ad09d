import { describe, expect, it } from 'vitest';
import { allCountyRefs } from '../../src/lib/parser/gazetteer.ts';
import { countyMonthGrid, latestMonth, monthsUpTo, yearShape } from '../../src/lib/site/charts.ts';
import { SHADE_STEPS } from '../../src/lib/site/shades.ts';
import { parsedSeed } from '../helpers/seeds.ts';

const articles = ['000', '001', '002', '003', '004'].flatMap((p) => parsedSeed(p).articles);
const counties = allCountyRefs().map((c) => ({ ...c, articles: articles.filter((a) => a.county?.slug === c.slug) }));

describe('months', () => {
  it('run back from the last across a new year', () => {
    expect(monthsUpTo('2025-07')).toEqual([
      '2024-08',
      '2024-09',
      '2024-10',
      '2024-11',
      '2024-12',
      '2025-01',
      '2025-02',
      '2025-03',
      '2025-04',
      '2025-05',
      '2025-06',
      '2025-07',
    ]);
    expect(monthsUpTo('2025-01', 2)).toEqual(['2024-12', '2025-01']);
  });

  it('end at the latest dated story of the seeds', () => {
    expect(latestMonth(articles)).toBe('2025-07');
    expect(latestMonth([{ date: null }])).toBeNull();
  });
});

describe("a year's shape", () => {
  const shape = yearShape(articles);

  it('counts the stories of each of the twelve months, empty months included', () => {
    const byMonth = Object.fromEntries(shape?.columns.map((c) => [c.month, c.count]) ?? []);
    const dated = (m: string) => articles.filter((a) => a.date?.startsWith(m)).length;
    expect(shape?.columns).toHaveLength(12);
    expect(byMonth['2025-07']).toBe(dated('2025-07'));
    expect(byMonth['2025-06']).toBe(dated('2025-06'));
    expect(byMonth['2024-12']).toBe(dated('2024-12'));
    expect(byMonth['2025-03']).toBe(0);
    // 2020-03 is outside the year and is not counted.
    expect(shape?.total).toBe(dated('2025-07') + dated('2025-06') + dated('2024-12'));
    expect(shape?.columns.find((c) => c.month === '2025-07')?.share).toBe(1);
  });

  it('labels months short, with the year where it changes, and says its shape in words', () => {
    expect(shape?.columns.map((c) => c.year).filter(Boolean)).toEqual(['2024年', '2025年']);
    expect(shape?.columns[0]).toMatchObject({ short: '8月', full: '2024年8月' });
    expect(shape?.description).toBe(
      `2024年8月至2025年7月共 ${shape?.total} 篇；最多的是2025年7月（${shape?.columns.at(-1)?.count} 篇）；9 个月没有稿件。`,
    );
  });

  it('is absent when nothing is dated', () => {
    expect(yearShape([{ date: null }])).toBeNull();
  });
});

describe('the county × month grid', () => {
  const grid = countyMonthGrid(counties);

  it('has a row for every county-level unit and 市级, busy or not', () => {
    expect(grid?.rows.map((r) => r.name)).toEqual(allCountyRefs().map((c) => c.name));
    expect(grid?.rows.find((r) => r.slug === 'dujiaqu')?.total).toBe(0);
    expect(grid?.years).toEqual([
      { year: '2024年', span: 5 },
      { year: '2025年', span: 7 },
    ]);
  });

  it("puts each story in its county's row and its month's column", () => {
    for (const row of grid?.rows ?? []) {
      for (const cell of row.cells) {
        const expected = articles.filter((a) => a.county?.slug === row.slug && a.date?.startsWith(cell.month)).length;
        expect(cell.count, `${row.name} ${cell.month}`).toBe(expected);
      }
    }
    const city = grid?.rows.find((r) => r.slug === 'shiji');
    expect(city?.cells.find((c) => c.month === '2025-06')?.step).toBe(SHADE_STEPS);
    expect(grid?.description).toMatch(/^2024年8月至2025年7月，最多的是市级（\d+ 篇）、茌平区（3 篇）/u);
    expect(grid?.description).toMatch(/度假区没有。$/u);
  });

  it('counts what it is asked to: the figures in each story', () => {
    const figures = countyMonthGrid(counties, { weigh: (a) => a.figures.length, unit: '条' });
    const cell = figures?.rows.find((r) => r.slug === 'dongchangfu')?.cells.find((c) => c.month === '2024-12');
    const expected = articles
      .filter((a) => a.county?.slug === 'dongchangfu' && a.date?.startsWith('2024-12'))
      .reduce((n, a) => n + a.figures.length, 0);
    expect(expected).toBeGreaterThan(0);
    expect(cell?.count).toBe(expected);
    expect(figures?.description).toContain(' 条）');
  });
});
