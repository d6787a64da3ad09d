/**
 * WordFinder stands in for a regex alternation (place names) and repeated
 * indexOf (topic keywords); it must find exactly what they find.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { literalAlternation } from '../../src/lib/parser/text.ts';
import { WordFinder } from '../../src/lib/parser/word-finder.ts';

// A small alphabet, so words overlap, nest and repeat often.
const text = fc.string({ unit: fc.constantFrom('东', '阿', '县', '镇', '聊', '城', 'a', '。'), maxLength: 60 });
const words = fc.uniqueArray(
  fc.string({ unit: fc.constantFrom('东', '阿', '县', '镇', '聊', '城', 'a'), minLength: 1, maxLength: 4 }),
  { minLength: 1, maxLength: 12 },
);

function indexOfCount(haystack: string, needle: string): number {
  let n = 0;
  for (let i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + needle.length)) n++;
  return n;
}

describe('WordFinder', () => {
  it('finds what a longest-first regex alternation finds', () => {
    fc.assert(
      fc.property(words, text, (ws, t) => {
        const regex = new RegExp(literalAlternation(ws), 'gu');
        const expected = [...t.matchAll(regex)].map((m) => ({ word: m[0], index: m.index }));
        expect(new WordFinder(ws).matches(t)).toEqual(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('counts each word as repeated indexOf does', () => {
    fc.assert(
      fc.property(words, text, (ws, t) => {
        const counts = new WordFinder(ws).counts(t);
        for (const w of ws) expect(counts.get(w) ?? 0).toBe(indexOfCount(t, w));
      }),
      { numRuns: 2000 },
    );
  });

  it('prefers the longest name at a position', () => {
    const finder = new WordFinder(['东阿', '东阿县', '阿县', '县']);
    expect(finder.matches('东阿县刘集镇')).toEqual([{ word: '东阿县', index: 0 }]);
    expect(finder.counts('东阿县东阿县')).toEqual(
      new Map([
        ['东阿县', 2],
        ['东阿', 2],
        ['阿县', 2],
        ['县', 2],
      ]),
    );
  });
});
