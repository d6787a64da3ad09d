/**
 * npm run check:seeds [-- --seeds DIR]
 * Prints, per seed file, the articles found and every warning with its line
 * number. Exits non-zero only when a file could not be read at all.
 */
import { parseArgs } from 'node:util';
import { parseSeedDir } from '../src/lib/seeds.ts';

const { values } = parseArgs({ options: { seeds: { type: 'string', default: 'seeds' } } });

let unreadable = 0;
let doubts = 0;
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
  doubts += page.warnings.filter((w) => w.code === 'doubtful-boundary').length;
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

  // Doubtful story boundaries first: where an editor's look (and perhaps a correction) matters most.
  const doubtful = page.warnings.filter((w) => w.code === 'doubtful-boundary');
  for (const w of doubtful) console.log(`    ? 第 ${w.line} 行 ${w.message}`);
  const low = found.filter((a) => a.confidence < 0.5);
  for (const a of low) {
    const title = a.headline ?? (a.captions[0] ?? a.paragraphs[0] ?? '').slice(0, 16);
    console.log(
      `    ? 第 ${a.source.startLine}–${a.source.endLine} 行「${title}」分篇把握 ${Math.round(a.confidence * 100)}%`,
    );
  }
  for (const w of page.warnings.filter((x) => x.code !== 'doubtful-boundary'))
    console.log(`    ${w.line ? `line ${w.line}` : 'page'}: ${w.code}: ${w.message}`);
}
console.log(
  `\n${articles} articles, ${warnings} warnings (${doubts} doubtful story boundaries)${unreadable ? `, ${unreadable} file(s) could not be read` : ''}`,
);
process.exit(unreadable > 0 ? 1 : 0);
