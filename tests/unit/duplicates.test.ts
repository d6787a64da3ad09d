/**
 * A page saved twice under two names is published once (issue 10, item 14):
 * the CLI's reading of a folder and the content loader ask one function,
 * refusedSeeds, and both name the two files.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { NO_FACTS, findDuplicates, fingerprintText } from '../../src/lib/duplicates.ts';
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

const candidate = (file: string, t: string) => ({
  file,
  fingerprint: fingerprintText(t),
  facts: NO_FACTS,
  hasSidecar: false,
  namedByIssue: false,
});

describe('copies of a page', () => {
  it('are found identical or near-identical, and a page reprinting one story of another is not', () => {
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

  it('are found however many there are: twelve copies, each with one sentence of its own', () => {
    // Every shared sentence is held by all twelve, so no sentence is rare; each copy differs in one sentence.
    const sentences = seed('003').text.split(/(?<=。)/u);
    const copies = Array.from({ length: 12 }, (_, k) =>
      candidate(
        `copy-${String(k).padStart(2, '0')}.txt`,
        sentences.map((x, i) => (i === 10 + k * 3 ? x.replace('。', '（校）。') : x)).join(''),
      ),
    );
    const found = findDuplicates(copies);
    expect(found.size).toBe(11);
    expect(new Set([...found.values()].map((d) => d.keeper))).toEqual(new Set(['copy-00.txt']));
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

describe('two pages whose names or sidecars say they are two', () => {
  const notice = seed('001').text;

  it('are both published: a 公告 page reprinted unchanged on two days', () => {
    const dir = folder();
    writeFileSync(path.join(dir, '2025-07-08_A7.txt'), notice);
    writeFileSync(path.join(dir, '2025-07-09_A7.txt'), notice);
    // Dates from the sidecars, for names that carry none; and a re-wrapped text.
    writeFileSync(path.join(dir, 'notice-a.txt'), reExported);
    writeFileSync(path.join(dir, 'notice-a.meta.json'), '{ "date": "2025-07-10" }');
    writeFileSync(path.join(dir, 'notice-b.txt'), reExported);
    writeFileSync(path.join(dir, 'notice-b.meta.json'), '{ "date": "2025-07-11" }');
    writeFileSync(path.join(dir, 'notice-c.txt'), text);
    writeFileSync(path.join(dir, 'notice-c.meta.json'), '{ "date": "2025-07-12" }');
    expect(refusedSeeds(dir, seeds(dir))).toEqual(new Map());
    expect(parseSeedDir(dir).map((r) => [r.file, r.ok])).toEqual([
      ['2025-07-08_A7.txt', true],
      ['2025-07-09_A7.txt', true],
      ['notice-a.txt', true],
      ['notice-b.txt', true],
      ['notice-c.txt', true],
    ]);
  });

  it('are both published: the same text in two papers, or on two pages of one issue', () => {
    const dir = folder();
    writeFileSync(path.join(dir, '聊城日报_2025-07-08_A3.txt'), text);
    writeFileSync(path.join(dir, '大众日报_2025-07-08_A3.txt'), reExported);
    writeFileSync(path.join(dir, 'lcwb_2025-07-08_A3.txt'), text);
    writeFileSync(path.join(dir, 'lcwb_2025-07-08_A4.txt'), text);
    // A sidecar's 版次 counts as the name's does, in any spelling.
    writeFileSync(path.join(dir, 'qlwb-a.txt'), text);
    writeFileSync(path.join(dir, 'qlwb-a.meta.json'), '{ "page": "C02" }');
    writeFileSync(path.join(dir, 'qlwb-b.txt'), text);
    writeFileSync(path.join(dir, 'qlwb-b.meta.json'), '{ "page": "第3版" }');
    expect(refusedSeeds(dir, seeds(dir))).toEqual(new Map());
  });

  it('still refuses a copy whose name says nothing, joining it to one page only', () => {
    const dir = folder();
    writeFileSync(path.join(dir, '2025-07-08_A7.txt'), notice);
    writeFileSync(path.join(dir, '2025-07-09_A7.txt'), notice);
    writeFileSync(path.join(dir, '副本.txt'), notice);
    writeFileSync(path.join(dir, 'lcrb_2025-07-08_A3.txt'), text);
    writeFileSync(path.join(dir, 'lcrb_2025-07-08_A03 (2).txt'), reExported);
    expect(refusedSeeds(dir, seeds(dir))).toEqual(
      new Map([
        ['副本.txt', { kind: 'duplicate', keeper: '2025-07-08_A7.txt', identical: true }],
        ['lcrb_2025-07-08_A03 (2).txt', { kind: 'duplicate', keeper: 'lcrb_2025-07-08_A3.txt', identical: false }],
      ]),
    );
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
      expect.stringMatching(
        /^与 2025-07-08_A3\.txt 文字相同，是同一版，只发布 2025-07-08_A3\.txt。如果是复制出来的，请删掉 000\.txt；/u,
      ),
      expect.stringMatching(
        /^与 2025-07-08_A3\.txt 文字几乎相同，是同一版，只发布 2025-07-08_A3\.txt。如果是复制出来的，请删掉 副本\.txt；/u,
      ),
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
