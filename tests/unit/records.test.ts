import { describe, expect, it } from 'vitest';
import { parsePage } from '../../src/lib/parser/index.ts';
import { Article, ParseOutput } from '../../src/lib/schema.ts';
import { parsedSeed, seed } from '../helpers/seeds.ts';

describe('records', () => {
  it('validate against the zod schemas', () => {
    const pages = ['000', '001', '002', '003', '004'].map((p) => parsedSeed(p));
    expect(() =>
      ParseOutput.parse({ pages: pages.map((p) => p.page), articles: pages.flatMap((p) => p.articles) }),
    ).not.toThrow();
  });

  it('have unique, URL-safe ids that survive a reparse', () => {
    const ids = ['000', '001', '002', '003', '004'].flatMap((p) => parsedSeed(p).articles.map((a) => a.id));
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9_-]+$/u);
    const { file, text } = seed('002');
    expect(parsePage({ file, text }).articles.map((a) => a.id)).toEqual(parsedSeed('002').articles.map((a) => a.id));
  });

  it('say where each article came from', () => {
    const a = parsedSeed('000').articles[1];
    expect(a?.source).toEqual({ file: seed('000').file, startLine: 36, endLine: 46 });
    expect(parsedSeed('000').page.articleIds).toEqual(parsedSeed('000').articles.map((x) => x.id));
  });

  it('reject a record that breaks the contract', () => {
    const a = parsedSeed('000').articles[0];
    expect(Article.safeParse({ ...a, kind: 'rumour' }).success).toBe(false);
    expect(Article.safeParse({ ...a, date: '2025-7-1' }).success).toBe(false);
    expect(Article.safeParse({ ...a, topics: ['a', 'b', 'c', 'd'] }).success).toBe(false);
  });
});
