/**
 * The parser against every truth file the project keeps: the seeds, the
 * team's real pages (tests/fixtures/real, a copy of ../shared/real) and the
 * project's own real corpus (tests/fixtures/corpus/*). Rules in
 * tests/fixtures/GOLD-RULES.md; the same scorer runs as `npm run score`.
 */
import { describe, expect, it } from 'vitest';
import { CORPORA } from '../../scripts/lib/corpora.ts';
import { FIELDS, readGold, scoreGold } from '../../scripts/lib/gold-score.ts';

describe.each(CORPORA)('$name against its truth', (corpus) => {
  const gold = readGold(corpus.gold);
  const score = scoreGold(gold, corpus.pages);

  it.each(FIELDS)('%s scores at least 95 per cent', (field) => {
    const [ok, total] = score.rows[field];
    const misses = score.misses.filter(
      (m) => m.includes(`: ${field === 'figures' ? 'figure' : field}`) || (field === 'kept' && m.includes('lost line')),
    );
    expect({ share: total === 0 || ok / total >= 0.95, misses }).toMatchObject({ share: true });
  });

  it('finds few records the truth does not know of', () => {
    expect(score.spurious).toBeLessThanOrEqual(Math.ceil(gold.articles.length * 0.05));
  });
});
