/**
 * npm run check:seeds [-- --seeds DIR]
 * Checks every page in the seeds folder before it is published, and reports
 * in Chinese for the newsroom (see src/lib/seed-report.ts). Exit codes:
 *   0  every page can be published (doubts are listed, but block nothing)
 *   1  a page would lose text (leftovers, a copy of another page, a file that
 *      cannot be read) or its date is only a guess from its text, or its
 *      name's date does not exist (2025-02-30)
 *   2  the command was called wrongly
 */
import { parseArgs } from 'node:util';
import { parseSeedDir } from '../src/lib/seeds.ts';
import { seedReport } from '../src/lib/seed-report.ts';

const HELP = `用法：npm run check:seeds [-- --seeds 文件夹]

逐个检查 seeds 文件夹（默认 seeds/）里的版面文件，列出每一版的
报名 · 日期 · 版次 · 版名及其来源，每篇稿件的编号、行号、标题和存疑之处
（最可疑的在前），版面问题，以及附注文件（NAME.meta.json）的问题。

退出码：
  0  全部可以发布（存疑之处只提示，不阻止发布）
  1  有版面会丢内容（有文字不属于任何一篇、重复的版面、读不了的文件），
     或日期只是从正文推断的、文件名里的日期不存在：发布前请先处理
  2  命令用法不对
`;

let values: { seeds: string; help: boolean };
try {
  ({ values } = parseArgs({
    options: { seeds: { type: 'string', default: 'seeds' }, help: { type: 'boolean', short: 'h', default: false } },
  }));
} catch (e) {
  process.stderr.write(`${(e as Error).message}\n\n${HELP}`);
  process.exit(2);
}
if (values.help) {
  process.stdout.write(HELP);
  process.exit(0);
}

let blocking = 0;
let stories = 0;
let doubts = 0;
const results = parseSeedDir(values.seeds);
for (const result of results) {
  const report = seedReport(result);
  console.log(report.lines.join('\n'));
  console.log('');
  if (report.blocking) blocking++;
  stories += report.stories;
  doubts += report.doubts;
}
console.log(
  `共 ${results.length} 个文件，${stories} 篇稿件，${doubts} 篇存疑。` +
    (blocking > 0 ? `${blocking} 个文件需要先处理才能发布（标 ✗ 的）。` : '全部可以发布。'),
);
process.exit(blocking > 0 ? 1 : 0);
