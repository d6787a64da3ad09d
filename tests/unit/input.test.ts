import { mkdtempSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { parsePage } from '../../src/lib/parser/index.ts';
import { indexArchive } from '../../src/lib/site/archive-index.ts';
import { pageDoubts } from '../../src/lib/site/page-view.ts';
import { Warning as WarningSchema } from '../../src/lib/schema.ts';
import { warningName } from '../../src/lib/site/labels.ts';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../src/lib/parser/decode.ts';
import { parseSeedDir, readSidecar } from '../../src/lib/seeds.ts';
import { SEEDS_DIR, seed } from '../helpers/seeds.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);
const sample = '本报讯(记者 张浩)记者7月6日从高唐县了解到,全县新建公园3个。';

describe('decoding', () => {
  it('reads UTF-8 with and without a BOM, and CRLF line ends', () => {
    expect(decodeBytes(utf8(sample))).toEqual({ ok: true, text: sample, encoding: 'utf-8', damage: [] });
    const bom = decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(sample)]));
    expect(bom).toEqual({ ok: true, text: sample, encoding: 'utf-8-bom', damage: [] });
    const crlf = decodeBytes(utf8('第一行\r\n第二行\r\n'));
    expect(crlf.ok && crlf.text).toBe('第一行\n第二行\n');
  });

  it('reads GB18030 (and so GBK) text', () => {
    const decoded = decodeBytes(new Uint8Array(iconv.encode(seed('000').text, 'gb18030')));
    expect(decoded).toMatchObject({ ok: true, encoding: 'gb18030' });
    expect(decoded.ok && decoded.text).toBe(seed('000').text);
  });

  it('reads UTF-16 with a BOM', () => {
    const bytes = new Uint8Array(iconv.encode(sample, 'utf-16le', { addBOM: true }));
    expect(decodeBytes(bytes)).toMatchObject({ ok: true, text: sample, encoding: 'utf-16le' });
  });

  it('refuses empty, binary and undecodable files with a reason', () => {
    expect(decodeBytes(new Uint8Array())).toMatchObject({ ok: false, reason: 'empty' });
    expect(decodeBytes(utf8(' \n\r\n'))).toMatchObject({ ok: false, reason: 'empty' });
    expect(decodeBytes(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]))).toMatchObject({
      ok: false,
      reason: 'binary',
    });
    // No NUL byte, but mostly control characters: junk that decodes.
    expect(decodeBytes(utf8('\x01\x02\x1b[0m\x7f聊城\x03\x04'))).toMatchObject({ ok: false, reason: 'binary' });
    // One stray control character in a page of text is a typo, not binary.
    expect(decodeBytes(utf8(`${'聊城日报'.repeat(20)}\x07`))).toMatchObject({ ok: true });
    // Bytes that are neither valid UTF-8 nor valid GB18030.
    expect(decodeBytes(new Uint8Array([0xff, 0xff, 0xff, 0x41]))).toMatchObject({ ok: false, reason: 'undecodable' });
  });
});

describe('a folder with bad files', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'seeds-'));
  copyFileSync(path.join(SEEDS_DIR, seed('000').file), path.join(dir, 'a-good.txt'));
  writeFileSync(path.join(dir, 'b-empty.txt'), '');
  writeFileSync(path.join(dir, 'c-binary.txt'), new Uint8Array([0, 1, 2, 3, 0xff, 0]));
  writeFileSync(path.join(dir, 'd-gbk.txt'), iconv.encode(seed('001').text, 'gbk'));
  writeFileSync(path.join(dir, 'e-bad.txt'), new Uint8Array([0xff, 0xfe + 1, 0xff, 0x41, 0xff]));
  const results = parseSeedDir(dir);

  it('still parses the readable pages', () => {
    const ok = results.filter((r) => r.ok).map((r) => r.file);
    expect(ok).toEqual(['a-good.txt', 'd-gbk.txt']);
  });

  it('names each skipped file and why', () => {
    const problems = results.flatMap((r) => (r.ok ? [] : [r.problem]));
    expect(problems.map((p) => [p.file, p.fatal])).toEqual([
      ['b-empty.txt', false],
      ['c-binary.txt', true],
      ['e-bad.txt', true],
    ]);
    expect(problems.map((p) => p.message)).toEqual([
      '空文件，已跳过：文件是空的',
      '无法读取，已跳过：文件里有 NUL 字节，是二进制文件，不是版面文字：请导出为 .txt 文本',
      expect.stringMatching(/^无法读取，已跳过：/u),
    ]);
    // In Chinese: no English word left in any of them.
    expect(problems.map((p) => p.message).join()).not.toMatch(/[A-Za-z]{4}/u);
  });
});

describe('sidecars', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'meta-'));
  const seedPath = path.join(dir, 'page.txt');
  writeFileSync(seedPath, sample);

  it('reads date, edition and page label', () => {
    writeFileSync(
      path.join(dir, 'page.meta.json'),
      JSON.stringify({ date: '2025-07-08', edition: '聊城日报', page: 'A3' }),
    );
    expect(readSidecar(seedPath)).toMatchObject({
      meta: { date: '2025-07-08', edition: '聊城日报', page: 'A3' },
      warnings: [],
    });
  });

  it('names the file and line of broken JSON, and the page still parses', () => {
    writeFileSync(path.join(dir, 'page.meta.json'), '{\n  "date": "2025-07-08",\n  oops\n}');
    const { meta, warnings } = readSidecar(seedPath);
    expect(meta).toBeNull();
    expect(warnings[0]?.message).toMatch(/^page\.meta\.json 第 3 行：不是有效的 JSON/u);
    // Its line is the sidecar's, in the message: a warning's own line is the page's.
    expect(warnings[0]?.line).toBeNull();
    const [result] = parseSeedDir(dir);
    expect(result?.ok && result.parsed.page.warnings.some((w) => w.code === 'meta')).toBe(true);
  });

  it('rejects an unknown field or a bad date by name and line, keeping the rest', () => {
    writeFileSync(
      path.join(dir, 'page.meta.json'),
      JSON.stringify({ date: '2025-13-01', colour: 'red', page: 'A2' }, null, 2),
    );
    const { meta, warnings } = readSidecar(seedPath);
    expect(meta).toEqual({ page: 'A2' });
    expect(warnings.map((w) => w.message)).toEqual([
      expect.stringMatching(/^page\.meta\.json 第 2 行：日期（date）「2025-13-01」不是 1900–2200 年间的日期/u),
      'page.meta.json 第 3 行：不认识的字段「colour」，已忽略',
    ]);
  });
});

describe('the parser’s own warnings, which the page view shows an editor in `npm run dev`', () => {
  it('are in Chinese and say what to do', () => {
    const { page } = parsePage({
      file: 'x.txt',
      text: '某地举办活动\n\n近日，某地举办了一场活动，吸引了很多市民参加。\n',
    });
    expect(page.warnings.map((w) => [w.code, w.message])).toEqual([
      ['no-date', '找不到出版日期：请在文件名（如 2025-07-08_A3.txt）或附注文件的 date 里写明'],
      ['no-byline', '没有找到署名（记者、通讯员或作者）：「某地举办活动」'],
      ['no-county', '没有判断出所属县区：「某地举办活动」；可在附注文件里用 county 指定'],
      ['no-date', '没有日期：「某地举办活动」；可在附注文件里用 date 指定'],
    ]);
  });
});

describe('a sidecar’s warning on the dev page view', () => {
  it('is the page’s, never the story that happens to stand at the sidecar’s line number', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'doubts-'));
    writeFileSync(path.join(dir, 'p.txt'), seed('000').text);
    // Line 3 of the sidecar; the page's first story spans lines 3–34.
    writeFileSync(path.join(dir, 'p.meta.json'), '{\n  "date": "2025-07-08",\n  "edtion": "聊城日报"\n}');
    const [result] = parseSeedDir(dir);
    if (!result?.ok) throw new Error('p.txt was not read');
    const { page, articles } = result.parsed;
    const doubts = pageDoubts(indexArchive(articles, [page]), page);
    const message = 'p.meta.json 第 3 行：不认识的字段「edtion」，已忽略（是不是「edition」？）';
    expect(doubts.page.map((w) => w.message)).toContain(message);
    expect(doubts.stories.flatMap((s) => s.warnings).map((w) => w.message)).not.toContain(message);
  });
});

describe('the kind of each warning', () => {
  it('has a Chinese name for the dev page view, for every code the records may carry', () => {
    expect(WarningSchema.shape.code.options.map(warningName).filter((n) => !/^\p{Script=Han}+$/u.test(n))).toEqual([]);
  });
});
