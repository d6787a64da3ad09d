import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../src/lib/parser/decode.ts';
import { dateFromFileName } from '../../src/lib/parser/dates.ts';
import { mastheadFromFileName, readFolioLine, readMasthead } from '../../src/lib/parser/masthead.ts';
import { normalisePageLabel } from '../../src/lib/parser/page-label.ts';
import { parsePage } from '../../src/lib/parser/index.ts';
import { seed } from '../helpers/seeds.ts';
import { parseSidecarText } from '../../src/lib/sidecar.ts';
import { pageNumberName } from '../../src/lib/site/page-names.ts';

const root = path.resolve(import.meta.dirname, '../..');
const fixture = (rel: string) => {
  const file = path.basename(rel);
  const decoded = decodeBytes(readFileSync(path.join(root, 'tests/fixtures', rel)));
  if (!decoded.ok) throw new Error(`${rel}: ${decoded.message}`);
  return { file, text: decoded.text };
};
/** The first line of a fixture page: its folio, as exported. */
const folioOf = (rel: string) =>
  fixture(rel)
    .text.replace(/^\uFEFF/u, '')
    .split(/\r?\n/u)[0] ?? '';

describe('版次 in one spelling', () => {
  it('drops leading zeros and 第…版, upper-cases the letter, reads Chinese numerals', () => {
    expect(
      ['A03', 'a3', 'Ａ３', 'A3版', '第3版', '3版', '05', 'C02', '第十二版', '第三版', '头版'].map(normalisePageLabel),
    ).toEqual(['A3', 'A3', 'A3', 'A3', '3', '3', '5', 'C2', '12', '3', '1']);
    expect(['头条', '要闻', '0', ''].map(normalisePageLabel)).toEqual([null, null, null, null]);
  });
});

describe('版次 from a sidecar, end to end', () => {
  it('is stored in the one spelling, or kept as written with a warning that says what was meant', () => {
    const read = (page: string) => parseSidecarText('x.meta.json', JSON.stringify({ page }));
    const readable = [
      ['A03', 'A3'],
      ['第3版', '3'],
      ['第十二版', '12'],
      ['头版', '1'],
    ] as const;
    for (const [written, stored] of readable)
      expect(read(written)).toMatchObject({ meta: { page: stored }, warnings: [] });
    const cases = [
      ['头条', '1'],
      ['A-3', 'A3'],
      ['第 05 面', '5'],
      ['要闻', null],
    ] as const;
    for (const [written, meant] of cases) {
      const sidecar = read(written);
      expect(sidecar.meta?.page).toBe(written);
      expect(sidecar.warnings).toEqual([
        {
          line: null,
          code: 'meta',
          message: `x.meta.json 第 1 行：版次（page）「${written}」读不出是第几版，已照原样使用：${meant ? `是不是「${meant}」？` : ''}应写成 A3、3、第3版 或 头版 这样`,
        },
      ]);
    }
  });

  it('is named as the site names it, and a label it cannot read is shown as written', () => {
    expect(['A3', 'A03', '5', '05', '第3版', '第十二版', '头条', ' ', null].map(pageNumberName)).toEqual([
      'A3版',
      'A3版',
      '第5版',
      '第5版',
      '第3版',
      '第12版',
      '头条',
      null,
      null,
    ]);
  });
});

describe('dates and page labels in file names', () => {
  it('reads Chinese dates, with or without spaces and zeros, and 第N版 / N版 / A3版', () => {
    expect(dateFromFileName('2025年7月8日 第3版.txt')).toEqual({ date: '2025-07-08', pageLabel: '3' });
    expect(dateFromFileName('2025年07月08日第3版.txt')).toEqual({ date: '2025-07-08', pageLabel: '3' });
    expect(dateFromFileName('2025 年 7 月 8 日 A3版.txt')).toEqual({ date: '2025-07-08', pageLabel: 'A3' });
    expect(dateFromFileName('2025.7.8.txt')).toEqual({ date: '2025-07-08', pageLabel: null });
    expect(dateFromFileName('2025-7-8_05.txt')).toEqual({ date: '2025-07-08', pageLabel: '5' });
    expect(dateFromFileName('qlwb_2011-10-31_C02.txt')).toEqual({ date: '2011-10-31', pageLabel: 'C2' });
    expect(dateFromFileName('2025年2月30日.txt')).toBeNull();
    expect(dateFromFileName('c_2018_dzrb.txt')).toBeNull();
  });

  it('reads 头版 as page 1, after a date or anywhere in the name', () => {
    expect(dateFromFileName('2025-07-08_头版.txt')).toEqual({ date: '2025-07-08', pageLabel: '1' });
    expect(dateFromFileName('2025年7月8日头版.txt')).toEqual({ date: '2025-07-08', pageLabel: '1' });
    expect(mastheadFromFileName('聊城日报_2025-07-08_头版.txt')).toMatchObject({ edition: '聊城日报', pageLabel: '1' });
    expect(mastheadFromFileName('lcrb 头版.txt')).toMatchObject({ edition: '聊城日报', pageLabel: '1' });
  });

  it('keeps the page label beside a date no calendar has, and says why the date is not used', () => {
    expect(mastheadFromFileName('2025-02-30_A1.txt')).toMatchObject({ pageLabel: 'A1' });
    expect(mastheadFromFileName('lcrb_2025-13-01_头版.txt')).toMatchObject({ edition: '聊城日报', pageLabel: '1' });
    const { text } = seed('001');
    const { page } = parsePage({ file: '2025-02-30_A1.txt', text });
    expect(page).toMatchObject({ pageLabel: 'A1', dateSource: 'text', origins: { pageLabel: 'filename' } });
    expect(page.warnings.filter((w) => w.code === 'file-name')).toEqual([
      {
        line: null,
        code: 'file-name',
        message:
          '文件名里的日期「2025-02-30」不存在（2025年2月只有28天），没有使用；版次 A1 照常读取：请改正文件名里的日期，或在附注文件里写 date',
      },
    ]);
    const month = parsePage({ file: '2025-13-01.txt', text }).page.warnings.find((w) => w.code === 'file-name');
    expect(month?.message).toMatch(/^文件名里的日期「2025-13-01」不存在（没有13月），没有使用：/u);
    // A sidecar that gives the date has answered it.
    const fixed = parsePage({ file: '2025-02-30_A1.txt', text, meta: { date: '2025-02-28' } }).page;
    expect(fixed).toMatchObject({ issueDate: '2025-02-28', pageLabel: 'A1' });
    expect(fixed.warnings.some((w) => w.code === 'file-name')).toBe(false);
  });

  it('reads 报名 from a paper code or name, and 版次 beside a date, a paper or the word page', () => {
    expect(mastheadFromFileName('聊城日报_2025-07-08_A3.txt')).toMatchObject({ edition: '聊城日报', pageLabel: 'A3' });
    expect(mastheadFromFileName('dzrb_2017-10-12.txt')).toMatchObject({ edition: '大众日报', pageLabel: null });
    expect(mastheadFromFileName('lcrb_A2.txt')).toMatchObject({ edition: '聊城日报', pageLabel: 'A2' });
    expect(mastheadFromFileName('qlwb_2011-10-31_C02.txt')).toMatchObject({ edition: '齐鲁晚报', pageLabel: 'C2' });
    expect(mastheadFromFileName('b_page_l4.txt')).toMatchObject({ edition: null, pageLabel: 'L4' });
    expect(mastheadFromFileName('a_2024_page_04.txt')).toMatchObject({ pageLabel: '4' });
    expect(mastheadFromFileName('聊城日报 第5版.txt')).toMatchObject({ edition: '聊城日报', pageLabel: '5' });
    // A letter and a number alone are no page label; nor is a seed's number or hash.
    expect(mastheadFromFileName('notes-v2.txt')).toMatchObject({ edition: null, pageLabel: null });
    expect(mastheadFromFileName('000_84d0d68a418f73b1.txt')).toMatchObject({ edition: null, pageLabel: null });
  });
});

describe('the folio on real pages', () => {
  it('reads label, section and date-bearing folios as printed in the fixtures', () => {
    expect(readFolioLine(folioOf('real/pages/lcrb_A2.txt'))).toEqual({
      edition: null,
      pageLabel: 'A2',
      section: '要闻',
    });
    expect(readFolioLine(folioOf('real/pages/qlwb_2011-10-31_C02.txt'))).toEqual({
      edition: null,
      pageLabel: 'C2',
      section: '今日聊城·城事',
    });
    expect(readFolioLine(folioOf('real/pages/dzrb_2017-10-12.txt'))).toEqual({
      edition: null,
      pageLabel: '16',
      section: null,
    });
    expect(readFolioLine(folioOf('corpus/c/pages/c_2024_dzrb_lcgc.txt'))).toEqual({
      edition: null,
      pageLabel: '10',
      section: '聊城观察',
    });
    expect(readFolioLine(folioOf('corpus/c/pages/c_2025_lc.txt'))).toEqual({
      edition: null,
      pageLabel: null,
      section: '县域·聊城',
    });
    expect(readFolioLine(folioOf('corpus/b/pages/b_20210104_A03.txt'))).toMatchObject({
      pageLabel: 'A3',
      section: '壹读·关注',
    });
  });

  it('reads a folio that names its paper and 第N版, or sets the date first', () => {
    expect(readFolioLine('聊城日报 第3版 今日聊城·城事')).toEqual({
      edition: '聊城日报',
      pageLabel: '3',
      section: '今日聊城·城事',
    });
    expect(readFolioLine('2025年11月20日 星期四 A3 要闻 责任编辑：张 浩')).toEqual({
      edition: null,
      pageLabel: 'A3',
      section: '要闻',
    });
  });

  it('never takes a paper from a promo, a hotline, a banner or the body', () => {
    expect(readFolioLine('扫码下载聊城日报客户端 看更多精彩图片')).toBeNull();
    expect(readFolioLine('齐鲁晚报新闻热线:96706  欢迎提供新闻线索')).toBeNull();
    expect(readFolioLine('聊城市“局长大讲堂”邀请媒体、企业代表现场发问')).toBeNull();
    const { page } = parsePage({
      file: 'x.txt',
      text: '据聊城日报报道\n\n本报讯(记者 张浩)聊城日报社今天举办开放日,大众日报记者到场。\n\n扫码下载聊城日报客户端 看更多精彩图片\n',
    });
    expect(page).toMatchObject({ edition: null, origins: { edition: 'none' } });
  });

  it('takes a section set on its own line under the folio', () => {
    const { text } = fixture('corpus/d/pages/d_2022_page_b2.txt');
    expect(parsePage({ file: 'x.txt', text }).page).toMatchObject({
      pageLabel: 'B2',
      section: '城事·民生',
      origins: { edition: 'none', pageLabel: 'folio', section: 'folio' },
    });
  });
});

describe('a page’s 报名 · 版次 · 版名, strongest source first', () => {
  it('fills each from the sidecar, else the file name, else the folio, and says where', () => {
    const { text } = fixture('real/pages/qlwb_2011-10-31_C02.txt');
    expect(parsePage({ file: 'qlwb_2011-10-31_C02.txt', text }).page).toMatchObject({
      edition: '齐鲁晚报',
      pageLabel: 'C2',
      section: '今日聊城·城事',
      origins: { edition: 'filename', pageLabel: 'filename', section: 'folio' },
    });
    const withMeta = parsePage({
      file: 'qlwb_2011-10-31_C02.txt',
      text,
      meta: { edition: '齐鲁晚报·今日聊城', page: 'C03', section: '城事' },
    }).page;
    expect(withMeta).toMatchObject({
      edition: '齐鲁晚报·今日聊城',
      pageLabel: 'C3',
      section: '城事',
      origins: { edition: 'meta', pageLabel: 'meta', section: 'meta' },
    });
    const bare = readMasthead({ file: seed('000').file, furniture: [] });
    expect(bare).toEqual({
      edition: null,
      pageLabel: null,
      section: null,
      origins: { edition: 'none', pageLabel: 'none', section: 'none' },
    });
  });

  it('reads 「2025年7月8日 第3版.txt」 as 2025-07-08, 第3版, not a date guessed from the text', () => {
    const { text } = seed('004');
    const { page } = parsePage({ file: '2025年7月8日 第3版.txt', text });
    expect(page).toMatchObject({ issueDate: '2025-07-08', dateSource: 'filename', pageLabel: '3' });
    expect(parsePage({ file: 'x.txt', text }).page).toMatchObject({ issueDate: '2020-03-19', dateSource: 'text' });
  });

  it('keeps the folio 「聊城日报 第3版 今日聊城·城事」 out of the stories', () => {
    const { text } = seed('000');
    const { page, articles } = parsePage({ file: 'x.txt', text: `聊城日报 第3版 今日聊城·城事\n\n${text}` });
    expect(page).toMatchObject({ edition: '聊城日报', pageLabel: '3', section: '今日聊城·城事' });
    expect(page.furniture[0]).toEqual({ line: 1, text: '聊城日报 第3版 今日聊城·城事' });
    expect(articles.some((a) => a.source.startLine === 1)).toBe(false);
  });
});
