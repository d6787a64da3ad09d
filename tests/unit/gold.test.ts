/**
 * The parser against every truth file the project keeps (rules in
 * tests/fixtures/GOLD-RULES.md; the same scorer runs as `npm run score`):
 * the seeds and the team's real pages (tests/fixtures/real, a copy of
 * ../shared/real) score at least 95% in every field; each batch of the
 * project's own real corpus (tests/fixtures/corpus/*) at least its floor,
 * a ratchet below that target (tests/fixtures/corpus/floors.json).
 */
import { describe, expect, it } from 'vitest';
import { CORPORA } from '../../scripts/lib/corpora.ts';
import { FIELDS, readFloors, readGold, scoreGold } from '../../scripts/lib/gold-score.ts';

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
