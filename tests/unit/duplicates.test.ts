/**
 * A page saved twice under two names is published once (issue 10, item 14):
 * the CLI's reading of a folder and the content loader ask one function,
 * refusedSeeds, and both name the two files.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findDuplicates, fingerprintText } from '../../src/lib/duplicates.ts';
import { parseSeedDir, refusedSeeds } from '../../src/lib/seeds.ts';
import { SEEDS_DIR, seed } from '../helpers/seeds.ts';

const folder = () => mkdtempSync(path.join(tmpdir(), 'dups-'));
const root = path.resolve(import.meta.dirname, '../..');
const seeds = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.txt'));
const text = seed('000').text;
/** The same page re-exported: CRLF, wider spacing, full-width digits, and one typo fixed. */
const reExported = text
  .replace(/\n/gu, '\r\n')
  .replace(/，/gu, ' ，')
  .replace(/2025/u, '２０２５')
  .replace('现场', '現场');

describe('copies of a page', () => {
  it('are found identical or near-identical, and a page reprinting one story of another is not', () => {
    const candidate = (file: string, t: string) => ({
      file,
      fingerprint: fingerprintText(t),
      hasSidecar: false,
      namedByIssue: false,
    });
    const half = text.slice(0, text.length / 2);
    const found = findDuplicates([
      candidate('a.txt', text),
      candidate('b.txt', text),
      candidate('c.txt', reExported),
      candidate('d.txt', `${half}\n\n${seed('001').text}`),
      candidate('e.txt', seed('002').text),
    ]);
    expect(found).toEqual(
      new Map([
        ['b.txt', { keeper: 'a.txt', identical: true }],
        ['c.txt', { keeper: 'a.txt', identical: false }],
      ]),
    );
  });

  it('are none among the seeds and the real pages', () => {
    for (const dir of [SEEDS_DIR, path.join(root, 'tests/fixtures/real/pages')])
      expect(refusedSeeds(dir, seeds(dir))).toEqual(new Map());
    for (const batch of ['a', 'b', 'c', 'd']) {
      const dir = path.join(root, 'tests/fixtures/corpus', batch, 'pages');
      expect(refusedSeeds(dir, seeds(dir))).toEqual(new Map());
    }
  });
});

describe('npm run parse and check:seeds reading a folder (parseSeedDir)', () => {
  it('publish the copy with the better name, and refuse the other naming both files', () => {
    const dir = folder();
    writeFileSync(path.join(dir, '000.txt'), text);
    writeFileSync(path.join(dir, '2025-07-08_A3.txt'), text);
    writeFileSync(path.join(dir, '副本.txt'), reExported);
    writeFileSync(path.join(dir, 'other.txt'), seed('001').text);
    const results = parseSeedDir(dir);
    expect(results.map((r) => [r.file, r.ok])).toEqual([
      ['000.txt', false],
      ['2025-07-08_A3.txt', true],
      ['other.txt', true],
      ['副本.txt', false],
    ]);
    const refused = results.flatMap((r) => (r.ok ? [] : [r.problem]));
    expect(refused.map((p) => p.message)).toEqual([
      expect.stringMatching(/^skipped: the same text as 2025-07-08_A3\.txt, .*delete 000\.txt if it is a copy/u),
      expect.stringMatching(/^skipped: nearly the same text as 2025-07-08_A3\.txt, .*delete 副本\.txt/u),
    ]);
    expect(refused.every((p) => p.fatal && p.refused?.kind === 'duplicate')).toBe(true);
  });

  it('keep the copy that has a sidecar, whatever its name', () => {
    const dir = folder();
    writeFileSync(path.join(dir, '2025-07-08_A3.txt'), text);
    writeFileSync(path.join(dir, 'zz.txt'), text);
    writeFileSync(path.join(dir, 'zz.meta.json'), '{ "date": "2025-07-08" }');
    expect(refusedSeeds(dir, seeds(dir))).toEqual(
      new Map([['2025-07-08_A3.txt', { kind: 'duplicate', keeper: 'zz.txt', identical: true }]]),
    );
    // The copy is deleted: the other is published again.
    rmSync(path.join(dir, 'zz.txt'));
    expect(parseSeedDir(dir).map((r) => r.ok)).toEqual([true]);
  });
});
