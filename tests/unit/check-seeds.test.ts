/**
 * npm run check:seeds for a newsroom (issue 10, items 13 and 14): run on
 * folders of real seed text, it reports in Chinese, the least certain story
 * first, the sidecar's problems apart from the page's, and exits 1 only when
 * a page would lose text or its date is a guess.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pageReport } from '../../src/lib/seed-report.ts';
import { parsePage } from '../../src/lib/parser/index.ts';
import { SEEDS_DIR, articleWith, parsedSeed, seed } from '../helpers/seeds.ts';

const root = path.resolve(import.meta.dirname, '../..');
const check = (...args: string[]) =>
  spawnSync(process.execPath, [path.join(root, 'scripts/check-seeds.ts'), ...args], { cwd: root, encoding: 'utf8' });
const folder = (files: Record<string, string>) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'check-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
};
/** One page's part of the report. */
const pageOf = (stdout: string, file: string) =>
  stdout.split(/\n\n/u).find((block) => new RegExp(`^[✓!✗] ${file.replace(/[.()]/gu, '\\$&')}：`, 'u').test(block)) ??
  '';

describe('each page', () => {
  it('is named 报名 · 日期 · 版次 · 版名 with where each came from', () => {
    const dir = folder({
      '聊城日报_2025-07-08_A3.txt': seed('000').text,
      '聊城日报_2025-07-08_A3.meta.json': JSON.stringify({ section: '今日聊城' }),
    });
    const r = check('--seeds', dir);
    expect(r.stdout).toMatch(
      /^[✓!] 聊城日报_2025-07-08_A3\.txt：聊城日报 · 2025年7月8日 · A3版 · 今日聊城\n {2}来源 {2}报名：文件名 {2}日期：文件名 {2}版次：文件名 {2}版名：附注文件\n {2}8 篇稿件/u,
    );
    expect(r.status).toBe(0);
  });

  it('reads 「2025年7月8日 第3版.txt」 as that day and 第3版, and a folio’s label and section', () => {
    const real = path.join(root, 'tests/fixtures/real/pages');
    const dir = folder({ '2025年7月8日 第3版.txt': seed('004').text });
    copyFileSync(path.join(real, 'lcrb_A2.txt'), path.join(dir, 'lcrb_A2.txt'));
    const r = check('--seeds', dir);
    expect(pageOf(r.stdout, '2025年7月8日 第3版.txt')).toMatch(
      /：报名？ · 2025年7月8日 · 第3版\n.*日期：文件名 {2}版次：文件名/u,
    );
    expect(pageOf(r.stdout, 'lcrb_A2.txt')).toMatch(
      /：聊城日报 · 2025年4月29日 · A2版 · 要闻\n {2}来源 {2}报名：文件名 {2}日期：版头 {2}版次：文件名 {2}版名：版头/u,
    );
    expect(r.status).toBe(0);
  });
});

describe('a file name with a date no calendar has', () => {
  it('keeps its 版次 and says, under the page’s problems, why the date is not used', () => {
    const r = check('--seeds', folder({ '2025-02-30_A1.txt': seed('001').text }));
    const page = pageOf(r.stdout, '2025-02-30_A1.txt');
    expect(page).toMatch(
      /^✗ 2025-02-30_A1\.txt：报名？ · 2025年6月20日 · A1版\n {2}来源 .*日期：正文推断 {2}版次：文件名/u,
    );
    expect(page).toContain(
      '    - 文件名里的日期「2025-02-30」不存在（2025年2月只有28天），没有使用；版次 A1 照常读取：请改正文件名里的日期，或在附注文件里写 date',
    );
    expect(r.status).toBe(1);
    // Its year is the name's when the text speaks of another: the day is still unknown, and it blocks.
    const other = check('--seeds', folder({ '2025-02-30_头版.txt': seed('004').text }));
    expect(pageOf(other.stdout, '2025-02-30_头版.txt')).toMatch(
      /^✗ 2025-02-30_头版\.txt：报名？ · 2025年（月日不详） · 第1版\n[\s\S]*\n {4}- 文件名里的日期「2025-02-30」不存在（2025年2月只有28天），没有使用；版次 1 照常读取/u,
    );
    expect(other.status).toBe(1);
  });
});

describe('each story', () => {
  it('shows its lines, title, id, confidence and doubts, the least certain first', () => {
    const r = check('--seeds', path.join(root, 'tests/fixtures/real/pages'));
    const page = pageOf(r.stdout, '20230922_A2.txt');
    const stories = [...page.matchAll(/^ {2}[?·] 第 ([\d–]+) 行「[^」]*」 {2}(\S+)\n {6}.* {2}分篇把握 (\d+)%/gmu)];
    expect(stories.map((m) => m[1])).toEqual(['15', '17', '4–12', '20–22']);
    const sure = stories.map((m) => Number(m[3]));
    expect(sure).toEqual([...sure].sort((a, b) => a - b));
    expect(page).toMatch(
      /\? 第 17 行「图片新闻 · 东昌府区」 {2}\S+\n {6}图片新闻 · 2023年8月28日 · 东昌府区 {2}分篇把握 25%（存疑）/u,
    );
    // A doubtful boundary is said under its story, in Chinese, before the story's other doubts.
    const rain = pageOf(r.stdout, '20130509_L04.txt');
    expect(rain).toMatch(
      /分篇把握 13%（存疑）\n {6}- 第 15 行 分篇存疑：这里接着上一篇，另一种读法只差 [0-9.]+ 分\n {6}- 第 22 行 分篇存疑/u,
    );
    expect(r.stdout).not.toMatch(/no-county|no-byline|articles,/u);
    expect(r.status).toBe(0);
  });
});

describe('the sidecar', () => {
  const dateless = seed('000').text;
  // Article ids start with the page's id, which comes from the file's name.
  const named = parsePage({ file: '2025-07-08_A3.txt', text: dateless });
  const gaotang = articleWith(named, '有事来聊').id;
  const morning = articleWith(named, '晨星');

  it('has its problems apart, with its own name and line, and a suggestion for what was meant', () => {
    const sidecar = JSON.stringify(
      {
        date: '2025-7-8',
        edtion: '聊城日报',
        corrections: { [gaotang]: { countty: '高唐县' }, [morning.id]: { county: '阳谷', headline: '新标题' } },
      },
      null,
      2,
    );
    const r = check('--seeds', folder({ '2025-07-08_A3.txt': dateless, '2025-07-08_A3.meta.json': sidecar }));
    const page = pageOf(r.stdout, '2025-07-08_A3.txt');
    const [, sidecarPart = ''] = page.split('  附注文件问题：\n');
    expect(sidecarPart.split('\n')).toEqual([
      '    - 2025-07-08_A3.meta.json 第 2 行：日期（date）「2025-7-8」应写成「2025-07-08」；已忽略',
      '    - 2025-07-08_A3.meta.json 第 3 行：不认识的字段「edtion」，已忽略（是不是「edition」？）',
      `    - 2025-07-08_A3.meta.json 第 5 行：对 ${gaotang} 的更正：不认识的字段「countty」（是不是「county」？）；这条更正未应用`,
      `    - 2025-07-08_A3.meta.json 第 9 行：对 ${morning.id} 的更正：县区（county）「阳谷」不是县区名，这一项未应用；应写成「阳谷县」`,
    ]);
    expect(page).not.toMatch(/版面问题/u);
    // The rest of a correction still applies.
    expect(page).toMatch(/「新标题」/u);
    expect(r.status).toBe(0);
  });

  it('names a corrected field and its values as the newsroom says them', () => {
    const sidecar = JSON.stringify({
      date: '2025-07-08',
      corrections: { [gaotang]: { kind: 'commentary', byline: { reporters: ['李梦'] } } },
    });
    const r = check('--seeds', folder({ '2025-07-08_A3.txt': dateless, '2025-07-08_A3.meta.json': sidecar }));
    const page = pageOf(r.stdout, '2025-07-08_A3.txt');
    expect(page).toMatch(/已按附注文件更正 体裁：「消息」 → 「评论」/u);
    expect(page).toMatch(/已按附注文件更正 记者：「[^」]*」 → 「李梦」/u);
    expect(page).not.toMatch(/byline\.|commentary|news/u);
  });

  it('warns of a 版次 it cannot read, with what was meant, and keeps it as written', () => {
    const r = check(
      '--seeds',
      folder({
        'p.txt': dateless,
        'p.meta.json': '{\n  "date": "2025-07-08",\n  "page": "头条"\n}',
        'q.txt': seed('001').text,
        'q.meta.json': '{ "date": "2025-06-20", "page": "A03" }',
      }),
    );
    const p = pageOf(r.stdout, 'p.txt');
    expect(p).toMatch(/^! p\.txt：报名？ · 2025年7月8日 · 头条\n/u);
    expect(p).toContain(
      '  附注文件问题：\n    - p.meta.json 第 3 行：版次（page）「头条」读不出是第几版，已照原样使用：是不是「1」？应写成 A3、3、第3版 或 头版 这样',
    );
    // One the records can read is kept in their spelling, and said as the site says it.
    const q = pageOf(r.stdout, 'q.txt');
    expect(q).toMatch(/^[✓!] q\.txt：报名？ · 2025年6月20日 · A3版\n {2}来源 .*版次：附注文件/u);
    expect(q).not.toMatch(/附注文件问题/u);
  });

  it('silences what it fixed, and does not report a correction that changes nothing', () => {
    const sidecar = JSON.stringify({
      date: '2025-07-08',
      corrections: { [morning.id]: { county: '市级', headline: morning.headline } },
    });
    const r = check('--seeds', folder({ '2025-07-08_A3.txt': dateless, '2025-07-08_A3.meta.json': sidecar }));
    const page = pageOf(r.stdout, '2025-07-08_A3.txt');
    expect(page).toMatch(/日期：附注文件/u);
    expect(page).not.toMatch(/附注文件问题/u);
    const from = page.indexOf(morning.id);
    const story = page.slice(from, from + page.slice(from).search(/\n {2}[^ ]|$/u));
    expect(story).toMatch(/评论 · 2025年7月\d+日 · 市级/u);
    expect(story).toMatch(/已按附注文件更正 县区：「（无）」 → 「市级」/u);
    expect(story).not.toMatch(/没有判断出所属县区|更正 标题/u);
    expect(page).not.toMatch(/日期只是|版面问题/u);
    expect(r.status).toBe(0);
    // Without the sidecar the same page has both.
    const bare = pageOf(check('--seeds', folder({ 'p.txt': dateless })).stdout, 'p.txt');
    expect(bare).toMatch(/没有判断出所属县区/u);
    expect(bare).toMatch(/日期只是从正文推断的/u);
  });
});

describe('the exit code gates publishing', () => {
  it('is 1 for a date only guessed from the text, naming the page', () => {
    const r = check('--seeds', folder({ 'a.txt': seed('001').text }));
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^✗ a\.txt：报名？ · 2025年6月20日 · 版次？/u);
    expect(r.stdout).toMatch(/版面问题（a\.txt）：\n {4}- 日期只是从正文推断的（2025年6月20日）/u);
    expect(r.stdout).toMatch(/1 个文件需要先处理才能发布/u);
  });

  it('is 1 for a page copied under a second name, naming both files', () => {
    const text = seed('001').text;
    const r = check('--seeds', folder({ '2025-06-20_A1.txt': text, '2025-06-20_A1 - 副本.txt': text }));
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(
      /^✗ 2025-06-20_A1 - 副本\.txt：与 2025-06-20_A1\.txt 文字相同，是同一版，只发布 2025-06-20_A1\.txt。如果是复制出来的，请删掉 2025-06-20_A1 - 副本\.txt/mu,
    );
    expect(pageOf(r.stdout, '2025-06-20_A1.txt')).toMatch(/^[✓!] 2025-06-20_A1\.txt：/u);
  });

  it('is 1 for text that no story holds, and for a file that cannot be read; 0 for an empty one', () => {
    const { page, articles } = parsedSeed('000');
    const report = pageReport(
      { ...page, dateSource: 'meta', leftovers: [{ line: 200, text: '（本版责编 王五）' }] },
      articles,
    );
    expect(report.blocking).toBe(true);
    expect(report.lines).toContain(
      '    - 第 200 行不属于任何一篇，发布时不会出现：「（本版责编 王五）」；可用附注文件的 moveLeftovers 移到某一篇',
    );
    const dir = folder({ 'empty.txt': '', '2025-07-08_A3.txt': seed('000').text });
    expect(check('--seeds', dir).status).toBe(0);
    writeFileSync(path.join(dir, 'binary.txt'), new Uint8Array([0, 1, 2]));
    const r = check('--seeds', dir);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^✗ binary\.txt：无法读取，已跳过/mu);
    expect(r.stdout).toMatch(/^! empty\.txt：空文件，已跳过/mu);
  });

  it('is 0 on the real pages, whose dates are all in their names or folios; the shipped seeds are 1', () => {
    expect(check('--seeds', path.join(root, 'tests/fixtures/real/pages')).status).toBe(0);
    expect(check('--seeds', SEEDS_DIR).status).toBe(1);
  });

  it('is explained by --help, and is 2 for a wrong option', () => {
    const help = check('--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(
      /退出码：\n {2}0 {2}全部可以发布[\s\S]*\n {2}1 {2}有版面会丢内容[\s\S]*\n {2}2 {2}命令用法不对/u,
    );
    const wrong = check('--seed', 'x');
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toMatch(/用法：npm run check:seeds/u);
  });
});
