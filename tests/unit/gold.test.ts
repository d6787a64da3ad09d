/**
 * The parser against every truth file the project keeps (rules in
 * tests/fixtures/GOLD-RULES.md; the same scorer runs as `npm run score`):
 * the seeds, the team's real pages (tests/fixtures/real, a copy of
 * ../shared/real), the project's own corpus (tests/fixtures/corpus/*, at
 * least 65 items) together and all the real pages together score at least
 * 95% in every field; each batch of the own corpus, too small to hold to 95%
 * alone, at least its floor (tests/fixtures/corpus/floors.json), a ratchet.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPORA } from '../../scripts/lib/corpora.ts';
import { addScores, FIELDS, raisedFloor, readFloors, readGold, scoreGold } from '../../scripts/lib/gold-score.ts';

const floors = readFloors();
const missesOf = (misses: string[], field: string) =>
  misses.filter(
    (m) => m.includes(`: ${field === 'figures' ? 'figure' : field}`) || (field === 'kept' && m.includes('lost line')),
  );

describe.each(CORPORA.filter((c) => !(c.name in floors)))('$name against its truth', (corpus) => {
  const gold = readGold(corpus.gold);
  const score = scoreGold(gold, corpus.pages);

  it.each(FIELDS)('%s scores at least 95 per cent', (field) => {
    const [ok, total] = score.rows[field];
    expect({ share: total === 0 || ok / total >= 0.95, misses: missesOf(score.misses, field) }).toMatchObject({
      share: true,
    });
  });

  it('finds few records the truth does not know of', () => {
    expect(score.spurious).toBeLessThanOrEqual(Math.ceil(gold.articles.length * 0.05));
  });
});

describe.each(CORPORA.filter((c) => c.name in floors))('$name holds its floors', (corpus) => {
  const score = scoreGold(readGold(corpus.gold), corpus.pages);
  const floor = floors[corpus.name];

  it.each(FIELDS)('%s scores no fewer right answers than before', (field) => {
    expect(score.rows[field][0], missesOf(score.misses, field).join('\n')).toBeGreaterThanOrEqual(
      floor?.[field] ?? Infinity,
    );
  });

  it('finds no more spurious records than before', () => {
    expect(score.spurious).toBeLessThanOrEqual(floor?.spurious ?? 0);
  });
});

const realCorpora = CORPORA.filter((c) => c.name !== 'seeds');
describe.each([
  { name: 'the project’s own corpus, every batch together', corpora: realCorpora.filter((c) => c.name !== 'real') },
  { name: 'all real pages together (the team’s and the own corpus)', corpora: realCorpora },
])('$name', ({ corpora }) => {
  const score = addScores(corpora.map((c) => scoreGold(readGold(c.gold), c.pages)));

  it('holds at least 65 items', () => {
    expect(corpora.reduce((n, c) => n + readGold(c.gold).articles.length, 0)).toBeGreaterThanOrEqual(65);
  });

  it.each(FIELDS)('%s scores at least 95 per cent', (field) => {
    const [ok, total] = score.rows[field];
    expect(ok / total, missesOf(score.misses, field).join('\n')).toBeGreaterThanOrEqual(0.95);
  });
});

describe('the scorer’s own inputs', () => {
  it('a malformed truth file is refused with its path and the entry at fault', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'gold-'));
    const file = path.join(dir, 'gold.json');
    writeFileSync(file, JSON.stringify({ pages: {}, articles: [{ file: 'a.txt', lead: '近日' }] }));
    expect(() => readGold(file)).toThrow(file);
    expect(() => readGold(file)).toThrow(/articles\[0\]\.tail/u);
  });

  it('floors only rise, and the spurious count only falls', () => {
    const old = floors['corpus/a'] as NonNullable<(typeof floors)[string]>;
    const better = { ...old, segment: old.segment + 2, spurious: 3 };
    const raised = raisedFloor({ ...old, headline: 9, spurious: 1 }, better);
    expect(raised).toMatchObject({ segment: old.segment + 2, headline: 9, spurious: 1 });
  });
});
