/**
 * Property tests: arbitrary text never makes the parser throw, and text built
 * from real seed lines, Markdown syntax and noise never loses a line.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePage } from '../../src/lib/parser/index.ts';
import { ParseOutput } from '../../src/lib/schema.ts';
import { lostCharacters, lostLines, seedFiles, seedText } from '../helpers/seeds.ts';

const seedLines = seedFiles()
  .flatMap((f) => seedText(f).split('\n'))
  .filter((l) => l.trim() !== '');
const noise = [
  '',
  '',
  ' ',
  '#',
  '1. ',
  '- ',
  '> ',
  '* ',
  '| ',
  '```',
  '    ',
  '——',
  '■',
  '□',
  '◆',
  '（下转第2版）',
  '12\n月',
  '本报讯(',
  '记者 ',
  '<img src=x onerror=alert(1)>',
  '\t',
  '2025年',
  '3.5万吨',
];

const pageText = fc
  .array(fc.oneof(fc.constantFrom(...seedLines), fc.constantFrom(...noise), fc.string({ maxLength: 20 })), {
    maxLength: 40,
  })
  .chain((parts) =>
    fc
      .array(fc.constantFrom('\n', '\n\n', '\n\n\n', ''), { minLength: parts.length, maxLength: parts.length })
      .map((seps) => parts.map((p, i) => p + seps[i]).join('')),
  );

describe('parser properties', () => {
  it('never throws on arbitrary text, and its output always validates', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400, unit: 'binary' }), (text) => {
        const { page, articles } = parsePage({ file: 'fuzz.txt', text });
        expect(() => ParseOutput.parse({ pages: [page], articles })).not.toThrow();
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 300) },
    );
  });

  it('never loses a character of text built from seed lines, Markdown and noise', () => {
    fc.assert(
      fc.property(pageText, (text) => {
        const parsed = parsePage({ file: 'fuzz.txt', text });
        expect(lostCharacters(text, parsed)).toEqual([]);
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 300) },
    );
  });

  it('never loses a character of arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300, unit: 'grapheme' }), (text) => {
        expect(lostCharacters(text, parsePage({ file: 'fuzz.txt', text }))).toEqual([]);
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 200) },
    );
  });

  it('finishes on pathological input: one huge line, a run of digits, deep nesting', () => {
    for (const text of [
      '记'.repeat(200_000),
      '1'.repeat(200_000) + '万元',
      '（'.repeat(50_000),
      '本报讯('.repeat(20_000),
      '■ '.repeat(50_000),
    ]) {
      const parsed = parsePage({ file: 'big.txt', text });
      expect(lostLines(text, parsed)).toEqual([]);
    }
  });
});
