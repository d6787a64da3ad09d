/**
 * npm run score [-- GOLD.json PAGES_DIR] [--verbose]
 * Parses the pages and scores them against their truth (default: every
 * corpus the tests score). Prints one line a corpus and, with --verbose,
 * every miss. Exits non-zero when a field of the seeds, the team's real
 * pages, the own corpus together or all real pages together is under 95%. --raise-floors
 * raises the own corpus's floors (tests/fixtures/corpus/floors.json) to what
 * the parser scores now, never lowering one.
 */
import { parseArgs } from 'node:util';
import path from 'node:path';
import { writeFileSync } from 'node:fs';
import {
  addScores,
  FIELDS,
  FLOORS_FILE,
  floorsOf,
  raisedFloor,
  readFloors,
  readFloorsFile,
  readGold,
  scoreGold,
  summary,
  worstField,
  type GoldScore,
} from './lib/gold-score.ts';
import { CORPORA } from './lib/corpora.ts';

const { values, positionals } = parseArgs({
  options: { verbose: { type: 'boolean', default: false }, 'raise-floors': { type: 'boolean', default: false } },
  allowPositionals: true,
});

const corpora =
  positionals.length >= 2
    ? [
        {
          name: path.basename(path.dirname(positionals[0] ?? '')),
          gold: positionals[0] ?? '',
          pages: positionals[1] ?? '',
        },
      ]
    : CORPORA;

let failed = false;
const floors = readFloors();
const scores: Array<{ name: string; score: GoldScore }> = [];
for (const corpus of corpora) {
  const score = scoreGold(readGold(corpus.gold), corpus.pages);
  scores.push({ name: corpus.name, score });
  if (values['raise-floors'] && corpus.name in floors) {
    const now = floorsOf(score);
    floors[corpus.name] = raisedFloor(floors[corpus.name] ?? now, now);
  }
  if (values.verbose) for (const m of score.misses) console.log(`  miss: ${m}`);
  const worst = worstField(score);
  // A batch of the own corpus is held to its floors; the real pages together to 95%.
  const floor = floors[corpus.name];
  if (floor) {
    const below: string[] = FIELDS.filter((f) => score.rows[f][0] < floor[f]);
    if (score.spurious > floor.spurious) below.push('spurious');
    if (below.length > 0 && !values['raise-floors']) {
      failed = true;
      console.log(`${corpus.name}: below its floors in ${below.join(', ')}`);
    }
  } else if (worst < 0.95) failed = true;
  console.log(`${corpus.name}: ${summary(score)} · worst ${(worst * 100).toFixed(1)}%`);
}
if (positionals.length < 2) {
  // The project's own corpus as one (every batch), and all real pages: the team's and the own corpus.
  const together = [
    ['own corpus', (name: string) => name.startsWith('corpus/')],
    ['all real pages', (name: string) => name !== 'seeds'],
  ] as const;
  for (const [label, within] of together) {
    const score = addScores(scores.filter((x) => within(x.name)).map((x) => x.score));
    const worst = worstField(score);
    if (worst < 0.95) failed = true;
    console.log(`${label}: ${summary(score)} · worst ${(worst * 100).toFixed(1)}%`);
  }
}
if (values['raise-floors']) {
  const { about } = readFloorsFile();
  writeFileSync(FLOORS_FILE, `${JSON.stringify({ about, floors }, null, 2)}\n`);
}
process.exit(failed ? 1 : 0);
