/**
 * The text helpers are hand-written loops for speed; each must agree with
 * the plain definition it replaces, on real seed text and on any string.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sentences } from '../../src/lib/parser/dates.ts';
import { endsSentence, letterCodePoints, letterCount, lettersOnly } from '../../src/lib/parser/text.ts';
import { seedFiles, seedText } from '../helpers/seeds.ts';

const byDefinition = {
  lettersOnly: (t: string) => t.normalize('NFKC').replace(/[^\p{L}\p{N}]/gu, ''),
  letterCount: (t: string) => t.replace(/[^\p{L}\p{N}]/gu, '').length,
  endsSentence: (t: string) => {
    const chars = [...t.trimEnd()];
    let i = chars.length - 1;
    while (i >= 0 && '”’」』"\'）)》'.includes(chars[i] ?? '')) i--;
    return i >= 0 && '。！？!?…；;'.includes(chars[i] ?? '');
  },
  letterCodePoints: (t: string) => [...byDefinition.lettersOnly(t)].map((ch) => ch.codePointAt(0)),
  sentences: (t: string) => {
    const out: string[] = [];
    let depth = 0;
    let start = 0;
    const chars = [...t];
    chars.forEach((ch, i) => {
      if (ch === '“' || ch === '「') depth++;
      else if ((ch === '”' || ch === '」') && depth > 0) depth--;
      else if (depth === 0 && /[。！？!?]/u.test(ch)) {
        out.push(chars.slice(start, i + 1).join(''));
        start = i + 1;
      }
    });
    if (start < chars.length) out.push(chars.slice(start).join(''));
    return out;
  },
};

function expectAgreement(t: string) {
  expect(lettersOnly(t)).toBe(byDefinition.lettersOnly(t));
  expect(letterCount(t)).toBe(byDefinition.letterCount(t));
  expect(endsSentence(t)).toBe(byDefinition.endsSentence(t));
  expect(letterCodePoints(t)).toEqual(byDefinition.letterCodePoints(t));
  expect(sentences(t)).toEqual(byDefinition.sentences(t));
}

const seedLines = seedFiles().flatMap((f) => seedText(f).split('\n'));
// Han, ASCII, full-width forms, astral letters and emoji, lone surrogates.
const anyText = fc.string({
  unit: fc.oneof(
    fc.constantFrom(
      '聊',
      '城',
      '〇',
      '０',
      'Ａ',
      'a',
      '7',
      '。',
      '”',
      '）',
      ' ',
      '\u3000',
      '𠀀',
      '😀',
      '\ud800',
      '\udc00',
    ),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
  ),
  maxLength: 40,
});

describe('text helpers', () => {
  it('agree with their definitions on every seed line', () => {
    for (const line of seedLines) expectAgreement(line);
    for (const file of seedFiles()) expect(sentences(seedText(file))).toEqual(byDefinition.sentences(seedText(file)));
  });

  it('agree with their definitions on any string', () => {
    fc.assert(
      fc.property(anyText, (t) => expectAgreement(t)),
      { numRuns: 2000 },
    );
  });

  it('read real sentence ends', () => {
    expect(endsSentence('全市新建公园3个。”  ')).toBe(true);
    expect(endsSentence('全市新建公园3个，')).toBe(false);
    expect(letterCount('2025年，聊城！')).toBe(7);
    expect(lettersOnly('１２月23日，聊城')).toBe('12月23日聊城');
  });
});
