import { describe, expect, it } from 'vitest';
import { articleWith, parsedSeed } from '../helpers/seeds.ts';
import { isHeadlineLike, paragraphsOf } from '../../src/lib/parser/wrapping.ts';
import type { BlockNode } from '../../src/lib/parser/tree.ts';

const block = (...lines: string[]): BlockNode => ({
  type: 'block',
  role: 'text',
  gapBefore: 1,
  pieces: lines.map((text, i) => ({ line: i + 1, text })),
});

describe('hard-wrapped lines', () => {
  it('joins a date cut across lines: 12\\n月23日', () => {
    const a = articleWith(parsedSeed('003'), '金融专题讲座举行');
    expect(a.paragraphs[0]).toMatch(/^12月23日上午，市委理论学习中心组/u);
    expect(a.date).toBe('2024-12-23');
  });

  it('joins a number cut across lines: 17.17\\n万户', () => {
    const a = articleWith(parsedSeed('003'), '云菊花的经历');
    expect(a.paragraphs.join('')).toContain('总数达到17.17万户');
    expect(a.figures.some((f) => f.value === 17.17 && f.unit === '万户')).toBe(true);
  });

  it('joins a paragraph split across a blank line mid-sentence (seed 000)', () => {
    const a = articleWith(parsedSeed('000'), '公布了上述数据');
    expect(a.paragraphs.join('\n')).toContain('于2024年顺利完成全省“亩产效益”评价改革试点工作,形成了成熟的工作体系');
  });

  it('joins a one-word tail left alone after a blank line (活力。)', () => {
    const a = articleWith(parsedSeed('001'), '蒋珂新一段节奏明快的快板');
    expect(a.paragraphs.join('\n')).toContain('为基层治理现代化注入源源不断的活力。');
  });

  it('starts a new paragraph after a line that ends a sentence', () => {
    expect(paragraphsOf([block('第一句话。', '第二句话。')], null)).toEqual(['第一句话。', '第二句话。']);
    expect(paragraphsOf([block('一句话被', '切断了。')], null)).toEqual(['一句话被切断了。']);
  });
});

describe('headline or cut-off line', () => {
  const column = 16;
  it('takes a short line set apart for a headline', () => {
    expect(isHeadlineLike(block('开办运输企业“一件事高效办”', '让现代物流跑出新活力'), column)).toBe(true);
    expect(isHeadlineLike(block('茌平区获评省科技创新强县'), 37)).toBe(true);
  });

  it('takes a column-wide line that body copy continues for a cut-off line (seed 003)', () => {
    const next = block('指导全省运政系统技术改造和数据对');
    expect(isHeadlineLike(block('今年 5 月，山东省交通运输厅统筹'), column, next)).toBe(false);
    expect(isHeadlineLike(block('“本来以为要跑好几个部门，没想到'), column, next)).toBe(false);
  });

  it('never takes a sentence for a headline', () => {
    expect(isHeadlineLike(block('活力。'), null)).toBe(false);
    expect(isHeadlineLike(block('本报讯(记者 张浩)记者'), null)).toBe(false);
  });
});
