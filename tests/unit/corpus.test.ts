import { describe, expect, it } from 'vitest';
import { counties, daysForPages, makeCorpus, relocate, rngOf } from '../../src/lib/corpus.ts';
import { gazetteer } from '../../src/lib/parser/gazetteer.ts';
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

const county = (name: string) => {
  const unit = counties.find((u) => u.name === name);
  if (!unit) throw new Error(`no county ${name} in the gazetteer`);
  return unit;
};

/** A page's text with hard wraps undone (a single line break inside a paragraph), so a name split by a wrap is whole again. */
const unwrapped = (bytes: Uint8Array) => {
  const decoded = decodeBytes(bytes);
  return (decoded.ok ? decoded.text : '').replace(/(?<!\n)\n(?!\n)/gu, '');
};

/**
 * Where a county-level name is followed by a county-level suffix: 「茌平区区」
 * (a short form replaced inside the full name just written) or 「茌平区县委」
 * (「冠县县委」 moved to 茌平区 word by word). The one form a page may keep is the
 * name, its own suffix and 委 (「莘县县委」, 莘县's party committee), as a
 * city-wide seed story prints it.
 */
function garbledNames(text: string): string[] {
  const found: string[] = [];
  for (const unit of gazetteer.units.filter((u) => u.type === 'county')) {
    for (let at = text.indexOf(unit.name); at !== -1; at = text.indexOf(unit.name, at + 1)) {
      const next = text.slice(at + unit.name.length, at + unit.name.length + 2);
      if (!/^[区县市]/u.test(next)) continue;
      if (next === `${unit.name.slice(-1)}委`) continue;
      found.push(text.slice(Math.max(0, at - 4), at + unit.name.length + 4));
    }
  }
  return found;
}

describe('county names in the synthetic corpus', () => {
  it('moves a story to its own county without doubling a suffix', () => {
    const text = '茌平区紧盯目标,茌平县老城和茌平的新区一起发展。';
    expect(relocate(text, county('茌平区'), county('茌平区'), rngOf(1))).toBe(
      '茌平区紧盯目标,茌平区老城和茌平区的新区一起发展。',
    );
  });

  it('reads 「冠县县委」 as 冠县 and 县委, so the new name carries the committee', () => {
    expect(relocate('冠县县委要求党员干部', county('冠县'), county('茌平区'), rngOf(1))).toBe('茌平区委要求党员干部');
    expect(relocate('冠县县委要求党员干部', county('冠县'), county('莘县'), rngOf(1))).toBe('莘县委要求党员干部');
  });

  it('moves each town once, to one town of the new county, wherever the story names it', () => {
    const moved = relocate('杜郎口镇和杜朗口镇,茌平区杜郎口镇', county('茌平区'), county('高唐县'), rngOf(3));
    const towns = county('高唐县').towns.map((t) => t.name);
    const [first, second, third] = moved.split(/[和,]|高唐县/u).filter(Boolean);
    expect(towns).toContain(first);
    expect([second, third]).toEqual([first, first]);
    expect(moved).not.toMatch(/杜郎口|杜朗口|茌平/u);
  });

  it('prints no county-level name doubled or garbled on a few hundred generated pages', () => {
    const many = makeCorpus(sources, { pages: 300, seed: 11 });
    const garbled = many.flatMap((p) => garbledNames(unwrapped(p.bytes)).map((g) => `${p.file}: ${g}`));
    expect(garbled).toEqual([]);
    // The check reads what it should: the pages name every county, and keep the seeds' own 「莘县县委」.
    const all = many.map((p) => unwrapped(p.bytes)).join('\n');
    for (const unit of counties) expect(all).toContain(unit.name);
    expect(all).toContain('莘县县委');
  });
});

describe("the corpus at a newsroom's pace", () => {
  it('spans a year for 3,000 pages and a decade (3,650 days) for 30,000, ending on the given day', () => {
    expect(daysForPages(3000, '2025-12-31')).toEqual({ first: '2025-01-01', last: '2025-12-31' });
    expect(daysForPages(30000, '2025-12-31').first).toBe('2016-01-04');
    expect(daysForPages(1, '2026-01-01')).toEqual({ first: '2026-01-01', last: '2026-01-01' });
  });

  it('dates every page within the days asked for, both ends included', () => {
    const week = makeCorpus(sources, { pages: 120, seed: 5, days: { first: '2025-12-25', last: '2025-12-31' } });
    const dates = new Set(week.map((p) => p.date));
    expect([...dates].sort()).toEqual([
      '2025-12-25',
      '2025-12-26',
      '2025-12-27',
      '2025-12-28',
      '2025-12-29',
      '2025-12-30',
      '2025-12-31',
    ]);
    for (const p of week) expect(p.file.startsWith(p.date)).toBe(true);
  });
});
