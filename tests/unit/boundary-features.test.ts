/**
 * The boundary features on real pages: at the gaps a reader would point to,
 * the best reading decides as the reader does, for the reasons the reader
 * would give, and by a margin that says how sure it is.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { toUnits } from '../../src/lib/parser/units.ts';
import { bestReading, type Boundary } from '../../src/lib/parser/layouts.ts';
import { START_FEATURES, CONTINUE_FEATURES } from '../../src/lib/parser/boundary-features.ts';
import { seed } from '../helpers/seeds.ts';
import { parsePage, roleBlocks } from '../../src/lib/parser/index.ts';

const REAL = path.resolve(import.meta.dirname, '../fixtures/real/pages');

function read(text: string) {
  const units = toUnits(roleBlocks(text));
  const reading = bestReading(units);
  /** The decision at the unit whose text starts with `start`. */
  const at = (start: string): Boundary & { part: string } => {
    const i = units.findIndex((u) => u.text.startsWith(start));
    const b = reading.boundaries.find((x) => x.unit === i);
    if (!b) throw new Error(`no boundary at ${start}`);
    return { ...b, part: reading.parts[i] ?? '' };
  };
  return { reading, at };
}
const page = (file: string) => read(readFileSync(path.join(REAL, file), 'utf8'));
const names = (b: Boundary) => b.features.map((f) => f.name);

describe('boundary features on real pages', () => {
  it('every feature is named, explained to editors in Chinese, and weighted', () => {
    for (const f of [...START_FEATURES, ...CONTINUE_FEATURES]) {
      expect(f.name).toMatch(/^[a-z-]+$/u);
      expect(f.says).toMatch(/\p{Script=Han}/u);
      expect(f.weight).not.toBe(0);
    }
  });

  it('a heading after a finished paragraph opens a story (齐鲁晚报 C02)', () => {
    const { at } = page('qlwb_2011-10-31_C02.txt');
    const b = at('滨州数万亩棉花遭遇采摘难');
    expect(b).toMatchObject({ starts: true, part: 'head' });
    expect(names(b)).toContain('heading');
    // A dated dateline after a finished story opens the next one, headline or not.
    expect(at('本报聊城10月30日讯')).toMatchObject({ starts: true, part: 'lead' });
  });

  it('a closing line ends the story above; a caption with its credit right under it opens an item', () => {
    const { at } = page('lcrb_2022-08-12.txt');
    const b = at('8月11日');
    expect(b.starts).toBe(true);
    expect(names(b)).toEqual(expect.arrayContaining(['after-closing-line', 'photo-caption']));
  });

  it('a headline set below a story ends it (聊城晚报, headline-after)', () => {
    const { reading, at } = page('20130724.txt');
    expect(reading.layout).toBe('headline-after');
    expect(names(at('天气渐渐转入炎热的酷夏'))).toContain('after-tail-headline');
  });

  it('a caption under a headline is no story of its own: the dateline below goes on the same story', () => {
    const { at } = page('20220121.txt');
    expect(at('本报聊城1月20日讯')).toMatchObject({ starts: false, part: 'lead' });
  });

  it('a line cut off by the column is no headline: the story goes on through it (seed 000)', () => {
    const { at } = read(seed('000').text);
    expect(at('2022年,我省发布《关于深化改革')).toMatchObject({ starts: false, part: 'body' });
  });

  it('doubtful decisions have small margins, and the records carry them as confidence', () => {
    const { at } = page('20230922_A2.txt');
    // Two photo captions set one after the other: the second is an item of its own, but only just.
    const b = at('8月28日');
    expect(b.starts).toBe(true);
    expect(b.margin).toBeLessThan(1.5);
    // The records carry it: the story with clear boundaries is sure, the second caption is not.
    const text = readFileSync(path.join(REAL, '20230922_A2.txt'), 'utf8');
    const stories = parsePage({ file: '2023-09-22.txt', text }).articles;
    const sure = stories.find((a) => a.headline === '临清市推进轴承产业集群化发展');
    const unsure = stories.find((a) => a.captions[0]?.startsWith('8月28日'));
    expect(sure?.confidence).toBeGreaterThanOrEqual(0.5);
    expect(unsure?.confidence).toBeLessThan(0.5);
  });
});
