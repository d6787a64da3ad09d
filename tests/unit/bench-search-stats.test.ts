import { describe, expect, it } from 'vitest';
import {
  cell,
  formatLoad,
  max,
  meanOf,
  median,
  ndcgOfIds,
  p95,
  pagefindAhead,
  ratio,
  timeRatios,
  timesByGroup,
  unionQueries,
} from '../../scripts/lib/bench-search-stats.ts';

describe('median and p95', () => {
  it('takes the middle, or the mean of the two middles', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });
  it('takes the 95th percentile by nearest rank', () => {
    const xs = Array.from({ length: 20 }, (_, i) => i + 1);
    expect(p95(xs)).toBe(19);
    expect(p95([...xs, 100])).toBe(20);
    expect(p95([7])).toBe(7);
    expect(p95([])).toBeNaN();
    expect(max([1, 5, 2])).toBe(5);
  });
});

describe('times by group and ratios', () => {
  const ours = timesByGroup([
    { ms: 10, group: 'specific' },
    { ms: 20, group: 'specific' },
    { ms: 40, group: 'common' },
  ]);
  it('splits specific and common queries', () => {
    expect(ours.all).toEqual({ n: 3, median: 20, p95: 40 });
    expect(ours.specific).toEqual({ n: 2, median: 15, p95: 20 });
    expect(ours.common).toEqual({ n: 1, median: 40, p95: 40 });
  });
  it('divides ours by Pagefind, NaN where either is missing', () => {
    const theirs = timesByGroup([
      { ms: 5, group: 'specific' },
      { ms: 20, group: 'specific' },
    ]);
    const r = timeRatios(ours, theirs);
    expect(r.specific.median).toBeCloseTo(15 / 12.5);
    expect(r.all.p95).toBe(2);
    expect(r.common.median).toBeNaN();
    expect(ratio(1, 0)).toBeNaN();
    expect(cell(r.common.median, 2)).toBe('—');
    expect(cell(r.all.p95, 2)).toBe('2.00');
  });
});

describe('query lists', () => {
  it('keeps each query once, in the order first met', () => {
    expect(unionQueries(['轴承', '葡萄'], ['葡萄 ', '聊城', ''], ['轴承', '县'])).toEqual([
      '轴承',
      '葡萄',
      '聊城',
      '县',
    ]);
  });
  it('prints load averages as uptime does', () => {
    expect(formatLoad([0.041, 0.7449, 1.09])).toBe('0.04 0.74 1.09');
  });
});

describe('nDCG', () => {
  const grades = new Map([
    ['a', 3],
    ['b', 1],
    ['c', 0],
    ['d', 2],
  ]);
  const ideal = [...grades.values()];
  it('grades the ranked ids against the whole corpus', () => {
    expect(ndcgOfIds(10, ['a', 'd', 'b'], grades, ideal)).toBeCloseTo(1);
    expect(ndcgOfIds(10, ['x', 'c'], grades, ideal)).toBe(0);
    expect(ndcgOfIds(1, ['a', 'x'], grades, ideal)).toBe(1);
    // A second copy of the best story in the corpus: finding one is no longer ideal.
    expect(ndcgOfIds(10, ['a', 'd', 'b'], grades, [...ideal, 3])).toBeLessThan(1);
    const swapped = ndcgOfIds(10, ['d', 'a', 'b'], grades, ideal) as number;
    expect(swapped).toBeGreaterThan(0.8);
    expect(swapped).toBeLessThan(1);
  });
  it('leaves out a query nothing in the corpus answers', () => {
    expect(ndcgOfIds(10, ['a'], new Map([['a', 0]]), [0, 0])).toBeNull();
    expect(meanOf([1, null, 0.5])).toBe(0.75);
    expect(meanOf([null])).toBeNull();
  });
  it('lists the queries where Pagefind is ahead, largest gap first', () => {
    const ahead = pagefindAhead([
      { q: '聊城', ours: 0.9, pagefind: 0.95 },
      { q: '县', ours: 0.5, pagefind: 0.8 },
      { q: '轴承', ours: 1, pagefind: 1 },
      { q: '锦纶', ours: null, pagefind: 1 },
    ]);
    expect(ahead.map((x) => x.q)).toEqual(['县', '聊城']);
  });
});
