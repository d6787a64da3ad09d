import { describe, expect, it } from 'vitest';
import { makeCorpus } from '../../src/lib/corpus.ts';
import { parseSeedBytes } from '../../src/lib/seeds.ts';
import { decodeBytes } from '../../src/lib/parser/decode.ts';
import { parsedSeed, lostLines } from '../helpers/seeds.ts';

const sources = ['000', '001', '002', '003', '004'].flatMap((p) => parsedSeed(p).articles);

describe('the synthetic corpus', () => {
  const pages = makeCorpus(sources, { pages: 60, seed: 42 });

  it('is deterministic for a seed number, and differs between seeds', () => {
    const again = makeCorpus(sources, { pages: 60, seed: 42 });
    expect(again.map((p) => [p.file, Buffer.from(p.bytes).toString('base64')])).toEqual(
      pages.map((p) => [p.file, Buffer.from(p.bytes).toString('base64')]),
    );
    const other = makeCorpus(sources, { pages: 60, seed: 43 });
    expect(other.map((p) => p.file)).not.toEqual(pages.map((p) => p.file));
  });

  it('mixes both headline layouts, wrapped pages and GB18030', () => {
    expect(new Set(pages.map((p) => p.layout))).toEqual(new Set(['headline-first', 'headline-after']));
    expect(pages.some((p) => p.wrapped)).toBe(true);
    expect(makeCorpus(sources, { pages: 200, seed: 42 }).some((p) => p.encoding === 'gb18030')).toBe(true);
  });

  it('parses every generated page with nothing lost', () => {
    for (const p of pages) {
      const result = parseSeedBytes(p.file, p.bytes);
      expect(result.ok).toBe(true);
      if (!result.ok) continue;
      const decoded = decodeBytes(p.bytes);
      expect(lostLines(decoded.ok ? decoded.text : '', result.parsed)).toEqual([]);
      expect(result.parsed.page.issueDate).toBe(p.date);
    }
  });

  it('is segmented as generated on nearly every page', () => {
    const right = pages.filter((p) => {
      const result = parseSeedBytes(p.file, p.bytes);
      return result.ok && result.parsed.articles.length === p.stories.length;
    });
    expect(right.length / pages.length).toBeGreaterThanOrEqual(0.95);
  });
});
