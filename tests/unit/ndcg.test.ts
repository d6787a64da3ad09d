import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dcgAt, gradeFor, gradeOf, matchesKey, ndcgAt, placeGrade, type JudgedQuery } from '../../scripts/lib/ndcg.ts';
import { parseSeedDir } from '../../src/lib/seeds.ts';
import { gazetteer } from '../../src/lib/parser/gazetteer.ts';

describe('ndcgAt', () => {
  it('is 1 for the ideal order, whatever order the ideal grades come in', () => {
    expect(ndcgAt(10, [3, 2, 1], [1, 3, 2])).toBe(1);
    expect(ndcgAt(10, [3, 2, 1, 0, 0], [2, 1, 3, 0])).toBe(1);
  });

  it('gives the hand-computed value for the reversed order', () => {
    // DCG = 1/log2(2) + 3/log2(3) + 7/log2(4) = 6.392789…; ideal 7 + 3/log2(3) + 1/2 = 9.392789…
    expect(dcgAt(3, [1, 2, 3])).toBeCloseTo(6.392789, 6);
    expect(ndcgAt(10, [1, 2, 3], [3, 2, 1])).toBeCloseTo(0.680606, 6);
  });

  it('counts only the first k and discounts by rank', () => {
    expect(ndcgAt(1, [0, 3], [3])).toBe(0);
    // 7/log2(3) over 7: the one relevant story second.
    expect(ndcgAt(10, [0, 3], [3])).toBeCloseTo(0.63093, 5);
    // [2, 0, 3] against [3, 2]: (3 + 7/2) / (7 + 3/log2(3)).
    expect(ndcgAt(10, [2, 0, 3], [3, 2])).toBeCloseTo(0.730929, 6);
  });

  it('is 0 for an empty ranking when there was something to find', () => {
    expect(ndcgAt(10, [], [3, 1])).toBe(0);
    expect(ndcgAt(10, [0, 0, 0], [1])).toBe(0);
  });

  it('has a larger ideal when the corpus holds several copies of a relevant story', () => {
    // One copy of three found, first: 7 / (7 + 7/log2(3) + 7/2).
    expect(ndcgAt(10, [3], [3, 3, 3])).toBeCloseTo(0.469279, 6);
  });

  it('is 1 when there is nothing to find and nothing relevant is ranked', () => {
    expect(ndcgAt(10, [], [])).toBe(1);
    expect(ndcgAt(10, [0, 0], [0])).toBe(1);
  });

  it('throws when the ranking holds relevant stories the ideal does not', () => {
    expect(() => ndcgAt(10, [3], [])).toThrow(RangeError);
    expect(() => ndcgAt(10, [3, 3], [3])).toThrow(RangeError);
    expect(() => ndcgAt(10, [2], [3])).toThrow(RangeError);
  });

  it('throws on a bad k or a bad grade', () => {
    expect(() => ndcgAt(0, [3], [3])).toThrow(RangeError);
    expect(() => ndcgAt(2.5, [3], [3])).toThrow(RangeError);
    expect(() => ndcgAt(10, [-1], [3])).toThrow(RangeError);
    expect(() => ndcgAt(10, [3], [Number.NaN])).toThrow(RangeError);
  });
});

describe('placeGrade', () => {
  it('is 3 for a place in the head or named twice, 2 for once, 0 for none', () => {
    const s = (headline: string | null, ...paragraphs: string[]) => ({ headline, paragraphs, captions: [] });
    expect(placeGrade(s('茌平区重点项目', '……'), '茌平')).toBe(3);
    expect(placeGrade(s('葡萄', '在温陈街道……', '温陈街道……'), '温陈街道')).toBe(3);
    expect(placeGrade(s('葡萄', '近年来,茌平区大力实施……'), '茌平')).toBe(2);
    expect(placeGrade(s('葡萄', '近年来,冠县大力实施……'), '茌平')).toBe(0);
  });
});

describe('gradeOf', () => {
  const story = { headline: '临清轴承产业提档升级', paragraphs: ['连日来,在临清市潘庄镇……'], captions: [] };
  const photo = { headline: null, paragraphs: [], captions: ['村民在对甜叶菊进行掐尖管理。'] };

  it('finds a story by a piece of its headline, or of its first paragraph or caption after "text:"', () => {
    expect(gradeOf(story, [{ story: '轴承产业', grade: 3 }])).toBe(3);
    expect(gradeOf(story, [{ story: 'text:连日来', grade: 2 }])).toBe(2);
    expect(gradeOf(photo, [{ story: 'text:甜叶菊', grade: 3 }])).toBe(3);
    expect(gradeOf(story, [{ story: '葡萄', grade: 3 }])).toBe(0);
    expect(gradeOf(story, [{ story: 'text:', grade: 3 }])).toBe(0);
  });

  it('finds a headline key anywhere in the head, or in the first paragraph when the head was lost', () => {
    const split = {
      headline: '为经济建设提供有力金融支撑',
      kicker: '讲座举行 扎实推动金融高质量发展',
      paragraphs: ['……'],
    };
    expect(gradeOf(split, [{ story: '扎实推动金融高质量发展', grade: 3 }])).toBe(3);
    const lost = { headline: null, paragraphs: ['聊城启动扶贫领域问题整改 “再小的问题也不放过”……'] };
    expect(gradeOf(lost, [{ story: '再小的问题也不放过', grade: 3 }])).toBe(3);
    expect(gradeOf({ ...lost, headline: '别的标题' }, [{ story: '再小的问题也不放过', grade: 3 }])).toBe(0);
  });

  it('keeps a place-bound grade only while the story still names the place', () => {
    const moved = { ...story, headline: '冠县轴承产业提档升级', paragraphs: ['连日来,在冠县……'] };
    const judged = [{ story: '轴承产业', grade: 3, place: '临清' }];
    expect(gradeOf(story, judged)).toBe(3);
    expect(gradeOf(moved, judged)).toBe(0);
  });
});

interface Judgments {
  about: string;
  grades: Record<string, string>;
  queries: JudgedQuery[];
}

describe('tests/search-judgments.json', () => {
  const judgments = JSON.parse(readFileSync('tests/search-judgments.json', 'utf8')) as Judgments;
  const stories = parseSeedDir('seeds').flatMap((r) => (r.ok ? r.parsed.articles : []));
  const { queries: listed } = JSON.parse(readFileSync('tests/search-queries.json', 'utf8')) as {
    queries: Array<{ q: string }>;
  };

  it('judges every non-Latin query of tests/search-queries.json, once each', () => {
    const qs = judgments.queries.map((q) => q.q);
    expect(new Set(qs).size).toBe(qs.length);
    for (const { q } of listed) if (!/[A-Za-z]/u.test(q)) expect(qs).toContain(q);
    expect(qs.filter((q) => /[A-Za-z]/u.test(q))).toEqual([]);
  });

  it('names exactly one seed story with each key', () => {
    expect(stories.length).toBeGreaterThan(30);
    const bad: string[] = [];
    for (const q of judgments.queries)
      for (const j of q.judged) {
        const n = stories.filter((a) => matchesKey(a, j.story)).length;
        if (n !== 1) bad.push(`${q.q}: "${j.story}" names ${n} stories`);
      }
    expect(bad).toEqual([]);
  });

  it('uses keys that survive make-corpus: no county, district or town name, no figures', () => {
    const places = gazetteer.units.flatMap((u) => [
      u.name,
      u.short,
      ...u.aliases,
      ...u.towns.flatMap((t) => [t.name, ...t.aliases]),
    ]);
    const keys = new Set(judgments.queries.flatMap((q) => q.judged.map((j) => j.story)));
    for (const key of keys) {
      expect(
        places.filter((p) => p.length >= 2 && key.includes(p)),
        key,
      ).toEqual([]);
      expect(key, key).not.toMatch(/[0-9]/u);
    }
  });

  it('grades 1 to 3, each story once a query, with at least one story of grade 2 or more', () => {
    for (const q of judgments.queries) {
      const keys = q.judged.map((j) => j.story);
      expect(new Set(keys).size, q.q).toBe(keys.length);
      for (const j of q.judged) expect([1, 2, 3], `${q.q}: ${j.story}`).toContain(j.grade);
      expect(Math.max(...q.judged.map((j) => j.grade)), q.q).toBeGreaterThanOrEqual(2);
    }
  });

  it('binds grades to places, and has byline and place rules that agree with the list on the seeds', () => {
    for (const q of judgments.queries) {
      for (const j of q.judged) {
        const story = stories.find((a) => matchesKey(a, j.story));
        const text = story
          ? [story.kicker, story.headline, story.subheadline, ...story.paragraphs, ...story.captions]
          : [];
        // A judgment whose seed story does not print its place counts only for copies moved there.
        const applies = j.place === undefined || text.some((t) => t?.includes(j.place ?? '') === true);
        expect(story && gradeOf(story, [j]), `${q.q}: ${j.story}`).toBe(applies ? j.grade : 0);
      }
      for (const a of stories) expect(gradeFor(q, a), `${q.q}: ${a.headline}`).toBe(gradeOf(a, q.judged));
    }
  });
});
