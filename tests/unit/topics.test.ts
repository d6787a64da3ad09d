import { describe, expect, it } from 'vitest';
import { assignTopics, taxonomy } from '../../src/lib/parser/topics.ts';
import { parsedSeed } from '../helpers/seeds.ts';

describe('topics', () => {
  it('gives every seed story one to three known topics', () => {
    const known = new Set([...taxonomy.topics.map((t) => t.slug), taxonomy.fallback.slug]);
    for (const p of ['000', '001', '002', '003', '004']) {
      for (const a of parsedSeed(p).articles) {
        expect(a.topics.length).toBeGreaterThanOrEqual(1);
        expect(a.topics.length).toBeLessThanOrEqual(3);
        for (const t of a.topics) expect(known.has(t)).toBe(true);
      }
    }
  });

  it('weighs the headline above the body', () => {
    expect(assignTopics('脱贫攻坚 聊城在行动', '会议强调要抓好工作。')[0]).toBe('poverty-relief');
    expect(assignTopics('外贸进出口总值同比增长', '海关数据显示出口增长')[0]).toBe('trade');
  });

  it('falls back to 综合 when no rule matches', () => {
    expect(assignTopics('今天', '天气晴')).toEqual(['general']);
  });
});
