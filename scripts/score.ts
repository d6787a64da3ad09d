/**
 * npm run score [-- GOLD.json PAGES_DIR] [--verbose]
 * Parses the pages and scores them against their truth (default: every
 * corpus the tests score). Prints one line a corpus and, with --verbose,
 * every miss. Exits non-zero when a field is under 95%.
 */
import { parseArgs } from 'node:util';
import path from 'node:path';
import { readGold, scoreGold, summary, worstField } from './lib/gold-score.ts';
import { CORPORA } from './lib/corpora.ts';

const { values, positionals } = parseArgs({
  options: { verbose: { type: 'boolean', default: false } },
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
for (const corpus of corpora) {
  const score = scoreGold(readGold(corpus.gold), corpus.pages);
  if (values.verbose) for (const m of score.misses) console.log(`  miss: ${m}`);
  const worst = worstField(score);
  if (worst < 0.95) failed = true;
  console.log(`${corpus.name}: ${summary(score)} · worst ${(worst * 100).toFixed(1)}%`);
}
process.exit(failed ? 1 : 0);
