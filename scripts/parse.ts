/**
 * npm run parse -- [--seeds DIR] [--out FILE]
 * Parses every seed page and writes { pages, articles } as JSON (stdout by
 * default). Unreadable files are skipped with a warning on stderr.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parseSeedDir } from '../src/lib/seeds.ts';
import type { ParseOutput } from '../src/lib/schema.ts';

const { values } = parseArgs({
  options: { seeds: { type: 'string', default: 'seeds' }, out: { type: 'string' } },
});

const output: ParseOutput = { pages: [], articles: [] };
for (const result of parseSeedDir(values.seeds)) {
  if (!result.ok) {
    console.error(`${result.file}：${result.problem.message}`);
    continue;
  }
  output.pages.push(result.parsed.page);
  output.articles.push(...result.parsed.articles);
}
const json = JSON.stringify(output, null, 2) + '\n';
if (values.out) writeFileSync(values.out, json);
else process.stdout.write(json);
