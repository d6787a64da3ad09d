/**
 * npm run check:seeds [-- --seeds DIR]
 * Prints, per seed file, the articles found and every warning with its line
 * number. Exits non-zero only when a file could not be read at all.
 */
import { parseArgs } from 'node:util';
import { parseSeedDir } from '../src/lib/seeds.ts';

const { values } = parseArgs({ options: { seeds: { type: 'string', default: 'seeds' } } });

let unreadable = 0;
let articles = 0;
let warnings = 0;
for (const result of parseSeedDir(values.seeds)) {
  if (!result.ok) {
    console.log(`✗ ${result.file}: ${result.problem.message}`);
    if (result.problem.fatal) unreadable++;
    continue;
  }
  const { page, articles: found } = result.parsed;
  articles += found.length;
  warnings += page.warnings.length;
  const date = page.issueDate ?? (page.year ? `${page.year}` : 'no date');
  console.log(
    `${page.warnings.length === 0 ? '✓' : '!'} ${page.file}: ${found.length} articles · issue ${date} (${page.dateSource}) · ${page.layout} · ${page.encoding}`,
  );
  for (const a of found) {
    const title = a.headline ?? a.kicker ?? (a.captions[0] ?? a.paragraphs[0] ?? '').slice(0, 20);
    console.log(
      `    line ${a.source.startLine}-${a.source.endLine} [${a.kind}] ${title} · ${a.date ?? '—'} · ${a.county?.name ?? '—'} · ${a.id}`,
    );
    for (const c of a.corrections.filter((x) => x.type === 'editor')) {
      console.log(
        `      edited (${c.note ?? 'sidecar'}${c.line ? ` line ${c.line}` : ''}): ${c.field} ${c.from} → ${c.to}`,
      );
    }
  }

  for (const w of page.warnings) console.log(`    ${w.line ? `line ${w.line}` : 'page'}: ${w.code}: ${w.message}`);
}
console.log(
  `\n${articles} articles, ${warnings} warnings${unreadable ? `, ${unreadable} file(s) could not be read` : ''}`,
);
process.exit(unreadable > 0 ? 1 : 0);
