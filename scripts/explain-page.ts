/**
 * npm run explain -- FILE
 * How the segmenter reads one page: every unit with its shape, the part it
 * takes in its story, and at each gap whether a story starts, the margin the
 * runner-up reading lost by and the features behind the decision.
 */
import { readFileSync } from 'node:fs';
import { decodeBytes } from '../src/lib/parser/decode.ts';
import { roleBlocks } from '../src/lib/parser/index.ts';
import { toUnits } from '../src/lib/parser/units.ts';
import { affinityOf, bestReading, readPage } from '../src/lib/parser/layouts.ts';

const file = process.argv[2];
if (!file) throw new Error('usage: npm run explain -- FILE');
const decoded = decodeBytes(readFileSync(file));
if (!decoded.ok) throw new Error(decoded.message);
const units = toUnits(roleBlocks(decoded.text));
const forced = process.env.LAYOUT as 'headline-first' | 'headline-after' | 'mixed' | undefined;
const reading = forced ? readPage(units, forced) : bestReading(units);
for (const layout of ['headline-first', 'headline-after', 'mixed'] as const) {
  const r = readPage(units, layout);
  console.log(`${layout}: score ${r.score.toFixed(1)}, headlines' kinship ${affinityOf(units, r).toFixed(2)}`);
}
console.log(`layout: ${reading.layout}`);
units.forEach((u, i) => {
  const b = reading.boundaries.find((x) => x.unit === i);
  if (b) {
    const why = b.features.map((f) => `${f.name}${f.weight > 0 ? '+' : ''}${f.weight}`).join(' ');
    console.log(`   ${b.starts ? '════ new story' : '──── same story'} (margin ${b.margin.toFixed(1)}) ${why}`);
  }
  const line = u.block.pieces[0]?.line ?? 0;
  const aff = u.shape === 'heading' ? ` [above ${u.affinityAbove.toFixed(2)}]` : '';
  console.log(
    `${String(line).padStart(4)} ${reading.parts[i]?.padEnd(9)} ${u.shape.padEnd(12)} ${u.text.slice(0, 40)}${aff}`,
  );
});
