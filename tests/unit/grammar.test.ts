/**
 * The newspaper's grammar, rule by rule, on real lines: every line below is
 * printed text from the real corpus (tests/fixtures/real, corpus/*; the
 * sources are in their sources.json), set in the forms real exports take.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePage } from '../../src/lib/parser/index.ts';
import { parseCreditLine, parseDateline, parseSignoffLine, splitTrailingCredit } from '../../src/lib/parser/bylines.ts';
import { dayBeforeFiling, leadDate, resolveDate } from '../../src/lib/parser/dates.ts';
import { resolveCounty } from '../../src/lib/parser/county.ts';
import { extractFigures } from '../../src/lib/parser/figures.ts';

const REAL = path.resolve(import.meta.dirname, '../fixtures/real/pages');
const realLines = (file: string, from: number, to: number) =>
  readFileSync(path.join(REAL, file), 'utf8')
    .replace(/\r/gu, '')
    .split('\n')
    .slice(from - 1, to)
    .join('\n');
const CORPUS = path.resolve(import.meta.dirname, '../fixtures/corpus');
/** Lines from:to of a page in one of the project's own batches (corpus/a…d). */
const corpusLines = (batch: string, file: string, from: number, to: number) =>
  readFileSync(path.join(CORPUS, batch, 'pages', file), 'utf8')
    .replace(/\r/gu, '')
    .split('\n')
    .slice(from - 1, to)
    .join('\n');
const parse = (text: string, file = '2019-12-10.txt') => parsePage({ file, text }).articles;
const headlines = (text: string, file?: string) => parse(text, file).map((a) => a.headline);

describe('story boundaries', () => {
  it('a heading after a finished paragraph opens a story whose lead is a plain sentence', () => {
    // 齐鲁晚报 C02, 2011-10-31: the cotton story has no dateline.
    const text = realLines('qlwb_2011-10-31_C02.txt', 50, 74);
    expect(headlines(text, '2011-10-31.txt')).toEqual([null, '滨州数万亩棉花遭遇采摘难']);
  });

  it('a heading opens a story led by a county dateline (东昌府讯)', () => {
    const text = realLines('lcrb_2019-12-10.txt', 1, 23);
    expect(parse(text).map((a) => [a.headline, a.dateline.raw])).toEqual([
      ['17省市、逾两千葫芦商参展聊城葫芦节', '本报聊城11月5日讯(记者 谢晓丽)'],
      ['东昌府区:6万志愿者成文明“德善因子”', '东昌府讯'],
    ]);
  });

  it('a small headline set right after a signed item opens the next column item', () => {
    const text = realLines('lcrb_2019-12-10.txt', 24, 38);
    expect(parse(text).map((a) => [a.kicker, a.headline, a.byline.reporters])).toEqual([
      ['简讯', null, ['申东方']],
      [null, '保护身边环境', ['高靓']],
    ]);
  });

  it('a dated dateline after a finished story opens a new one, with no headline', () => {
    const text = realLines('qlwb_2011-10-31_C02.txt', 5, 47);
    const stories = parse(text, '2011-10-31.txt');
    expect(stories).toHaveLength(2);
    expect(stories[1]?.dateline.raw).toBe('本报聊城10月30日讯(记者 张召旭)');
  });

  it('a picture’s caption ends with its credit, and what follows is a new item', () => {
    const text = realLines('lcrb_2022-08-12.txt', 2, 13);
    expect(parse(text, '2022-08-12.txt').map((a) => [a.kind, a.byline.photographers])).toEqual([
      ['photo', ['许金松']],
      ['photo', ['许金松']],
    ]);
  });

  it('on a headline-after page a headline mid-page ends the story above it', () => {
    const stories = parse(realLines('20130724.txt', 1, 35), '2013-07-24.txt');
    expect(stories.map((a) => a.headline)).toEqual(['聊城昨日普降大到暴雨 多个县市区遭雨水围城', '天热也别忘了文明']);
  });

  it('a page with one story keeps its headline where it stands', () => {
    const one = realLines('20230922_A2.txt', 4, 12);
    expect(headlines(one, '2023-09-22.txt')).toEqual(['临清市推进轴承产业集群化发展']);
  });

  it('closing lines belong to the story above: a signature, a source, a cross-reference', () => {
    const stories = parse(realLines('lcrb_A2.txt', 1, 22), '2025-04-29.txt');
    expect(stories.at(-1)).toMatchObject({ kind: 'wire', byline: { agency: '新华社' } });
    expect(parseSignoffLine('(记者 侯晓)')).toMatchObject({ reporters: ['侯晓'] });
    expect(parseSignoffLine('(孟庆朋)')).toMatchObject({ reporters: ['孟庆朋'] });
  });

  it('page banners and column labels are furniture or kickers', () => {
    const [first] = parse(realLines('20130509_L04.txt', 1, 33), '2013-05-09.txt');
    expect(first).toMatchObject({ kicker: '今日聊城·城事', headline: null });
  });

  it('a headline may end in ！ or ？', () => {
    const body = realLines('lcrb_2019-12-10.txt', 28, 28);
    expect(headlines(`${body}\n\n聊城这个冬天为何格外暖？\n\n${realLines('lcrb_2019-12-10.txt', 36, 38)}`)).toEqual([
      null,
      '聊城这个冬天为何格外暖？',
    ]);
  });
  it('a headline set under a picture story is matched with the text past its caption', () => {
    // 聊城日报 A3, 2021-09-23: caption, the picture's story, its credit, then the headline.
    const text = corpusLines('d', 'd_2021_page_a3.txt', 6, 19);
    expect(parse(text, '2021-09-23.txt').map((a) => [a.headline, a.kind])).toEqual([
      ['产业集群加速崛起', 'photo'],
      ['为给消防车让道,众人合力抬走挡路车', 'photo'],
    ]);
  });
  it('a group of pictures under one headline: each caption with its credit is a picture of its own', () => {
    const stories = parse(corpusLines('d', 'd_2025_page_a6.txt', 13, 19), '2025-12-15.txt');
    expect(stories.map((a) => [a.kind, a.byline.photographers])).toEqual([
      ['photo', ['许金松']],
      ['photo', ['赵寰']],
      ['photo', ['赵寰']],
    ]);
  });
});

describe('credits', () => {
  it('datelines carry the byline inside them, bracketed or not', () => {
    expect(parseDateline('本报高唐9月29日讯(记者 刘 铭 通讯员 杨丽丽)10月18日')).toMatchObject({
      place: '高唐',
      month: 9,
      day: 29,
      people: { reporters: ['刘铭'], correspondents: ['杨丽丽'] },
    });
    expect(parseDateline('本报1月27日讯 记者 于飞 26日是春运首日')?.people.reporters).toEqual(['于飞']);
  });

  it('role words led by an outlet: 聊城日报全媒体记者, 齐鲁壹点记者, 大众日报记者, 本报特约记者, 新华社记者', () => {
    expect(parseDateline('本报讯(聊城日报全媒体记者申东方)9月29日下午')?.people.reporters).toEqual(['申东方']);
    expect(parseCreditLine('齐鲁晚报·齐鲁壹点记者 蔚晓贤 摄影报道')?.photographers).toEqual(['蔚晓贤']);
    expect(parseCreditLine('□大众日报记者 高田 报道')?.reporters).toEqual(['高田']);
    expect(parseCreditLine('本报特约记者 张召旭')?.reporters).toEqual(['张召旭']);
    expect(splitTrailingCredit('黑龙江垦区各地陆续进入“秋收季”。■ 新华社记者 王松 摄')?.people.photographers).toEqual([
      '王松',
    ]);
  });

  it('本报评论员 is an institution, not a person', () => {
    const [piece] = parse('短评\n\n本报评论员\n\n聊城大小事,一报尽知之。读者轻松读报的背后,是报社记者的辛勤采写。');
    expect(piece?.byline.authors).toEqual(['本报评论员']);
  });

  it('an outlet alone before its reporters, and 摄 closing in brackets', () => {
    expect(parseCreditLine('齐鲁晚报·齐鲁壹点 陶春燕 崔宇晴 通讯员 赵玉国(摄)')).toMatchObject({
      reporters: ['陶春燕', '崔宇晴'],
      correspondents: ['赵玉国'],
    });
  });

  it('a picture story’s credit run on after its last sentence with no space at all', () => {
    const line = corpusLines('d', 'd_2021_page_a3.txt', 18, 18);
    expect(splitTrailingCredit(line)).toMatchObject({
      credit: '齐鲁晚报·齐鲁壹点记者郭庆文通讯员宋建洲摄影报道',
      people: { reporters: ['郭庆文'], correspondents: ['宋建洲'] },
    });
    // A sentence that merely ends in 摄 is not a credit: the scanner must read roles and names.
    expect(splitTrailingCredit('现场火势被成功扑灭。游客纷纷驻足拍照留念并用手机拍摄')).toBeNull();
  });

  it('a slash credit with no space at all, two names run together taken apart where only one split gives two people', () => {
    const line = corpusLines('d', 'd_2026_page_a2.txt', 137, 137);
    expect(parseCreditLine(line)).toMatchObject({ reporters: ['万昊'], photographers: ['葛思逸', '王越'] });
    // Body copy after a role word is no credit, run together or not.
    expect(parseCreditLine('记者张三来到现场')).toBeNull();
    expect(parseCreditLine('文/记者走进田间地头')).toBeNull();
  });

  it('unspaced credits and a bare name in brackets', () => {
    expect(parseDateline('本报聊城1月20日讯(记者谢晓丽)春运')?.people.reporters).toEqual(['谢晓丽']);
    expect(parseDateline('本报讯 (纪媛媛) 近日')?.people.reporters).toEqual(['纪媛媛']);
    expect(parseCreditLine('□记者孙亚飞通讯员马红坤 报道')).toMatchObject({
      reporters: ['孙亚飞'],
      correspondents: ['马红坤'],
    });
  });

  it('picture credits in every position: the next line, a hard wrap, a bare name, 文/… 片/…', () => {
    const stories = parse(readFileSync(path.resolve(REAL, '../../corpus/a/pages/a_2023_lcrb_page_a2.txt'), 'utf8'));
    expect(stories.slice(0, 3).map((a) => a.byline.photographers)).toEqual([['朱玉东'], ['吴建正'], ['张洁']]);
    expect(parseCreditLine('文/本报记者 张召旭 片/本报记者 邹俊美 李军')).toMatchObject({
      reporters: ['张召旭'],
      photographers: ['邹俊美', '李军'],
    });
  });
});

describe('kinds, county, date, figures', () => {
  it('photo, wire, brief and commentary', () => {
    const page = parse(realLines('20220121.txt', 76, 114), '2022-01-21.txt');
    expect(page.map((a) => a.kind)).toEqual(['photo', 'wire']);
    const briefs = parse(realLines('lcrb_A2.txt', 1, 12), '2025-04-29.txt');
    expect(briefs[0]?.kind).toBe('brief');
    const opinion = parse(realLines('20130724.txt', 22, 33), '2013-07-24.txt');
    expect(opinion[0]).toMatchObject({ kind: 'commentary', byline: { authors: ['侯敬方'] } });
  });

  it('a picture story credited above its text; its county read from its opening, not its last caption', () => {
    // 聊城日报 A6, 2025-12-15: the credit ends (摄); the second caption (▲…东昌府区梁水镇) names one of many places.
    const [story] = parse(corpusLines('d', 'd_2025_page_a6.txt', 6, 10), '2025-12-15.txt');
    expect(story).toMatchObject({ kind: 'photo', county: { name: '市级' } });
  });

  it('a county in the lead beats 聊城 inside a festival’s name', () => {
    // The lead as the record holds it: after its dateline.
    const lead = realLines('lcrb_2019-12-10.txt', 4, 4).replace(/^.*?\)\s*/u, '');
    expect(
      resolveCounty({
        headline: '17省市、逾两千葫芦商参展聊城葫芦节',
        datelinePlace: '聊城',
        lead,
        body: '',
        wire: false,
      }).county?.name,
    ).toBe('东昌府区');
  });

  it('another city’s 高新区 is not Liaocheng’s', () => {
    const lead = '本报讯 (潍坊日报社全媒体记者 巩建国)9月16日至17日,潍坊高新区举行活动。';
    expect(resolveCounty({ headline: '', datelinePlace: null, lead, body: '', wire: false }).county).toBeNull();
  });

  it('a county named only further down beats 市级 when the lead names no place', () => {
    const lead = '天气渐渐转入炎热的酷夏,高温蹭蹭上蹿。';
    const body = '全市各地纷纷行动。在临清,多地出现大量积水。';
    expect(resolveCounty({ headline: '', datelinePlace: null, lead, body, wire: false }).county?.name).toBe('临清市');
  });

  it('a day-only date resolves against the issue’s month, or against its dateline', () => {
    const issue = { issueDate: '2013-05-09', year: 2013, source: 'filename' as const };
    expect(resolveDate(leadDate('7日晚,聊城迎来今夏首场降雨。') ?? { dayOfMonth: 0 }, issue)).toBe('2013-05-07');
    expect(dayBeforeFiling({ dayOfMonth: 26 }, { month: 11, day: 28 })).toEqual({ month: 11, day: 26 });
  });

  it('an announced future date is not moved to last year', () => {
    const issue = { issueDate: '2011-09-29', year: 2011, source: 'filename' as const };
    const day = leadDate('10月18日至20日,第六届中国·高唐书画艺术博览会将在高唐县举行。');
    expect(day && resolveDate(day, issue)).toBe('2011-10-18');
  });

  it('a power line’s voltage class in 千伏', () => {
    const line = corpusLines('d', 'd_2025_page_a6.txt', 19, 19);
    expect(extractFigures(line, 'paragraphs', 0).map((x) => x.text)).toEqual(['35千伏']);
  });

  it('figures in mm, ℃, 岁, 对, 趟, 期, 名, labelled by the noun phrase they measure', () => {
    const f = (t: string) => extractFigures(t, 'paragraphs', 0).map((x) => [x.value, x.unit, x.label]);
    expect(f('全市普降小到中雨,平均降水量为12.9mm。')).toEqual([[12.9, 'mm', '平均降水量']]);
    expect(f('两名男子分别21岁、23岁。').map(([v, u]) => [v, u])).toEqual([
      [21, '岁'],
      [23, '岁'],
    ]);
    expect(f('最高气温37℃,新开通2趟列车,第6期培训班招收30名学员。').map(([v, u]) => [v, u])).toEqual([
      [37, '℃'],
      [2, '趟'],
      [30, '名'],
    ]);
  });
});

describe('what the grammar never reads as a story’s parts', () => {
  it('a word that begins with 电 ends no dateline, nor does 本报通讯员', () => {
    expect(parseDateline('旅行社工作人员电话告诉记者,明天出发。')).toBeNull();
    expect(parseDateline('新华社记者电话采访了当地农民。')).toBeNull();
    expect(parseDateline('本报通讯员近日从市教育局获悉,全市新增学位3000个。')).toBeNull();
    expect(parseDateline('本报１月２７日讯 ２６日是春运首日')).toMatchObject({ month: 1, day: 27 });
  });

  it('a heading in a caption’s words, with no picture or credit, is a news story', () => {
    const [story] = parse('老旧小区改造提速\n\n目前,我市正在加快推进老旧小区改造,年内完成改造小区120个。');
    expect(story).toMatchObject({ kind: 'news', headline: '老旧小区改造提速' });
  });

  it('two characters that could be a name are a heading, not an author, away from a headline', () => {
    const body = realLines('lcrb_2019-12-10.txt', 28, 28);
    const stories = parse(`${body}\n\n高温\n\n${realLines('lcrb_2019-12-10.txt', 36, 38)}`);
    expect(stories.flatMap((a) => a.byline.authors)).toEqual([]);
  });

  it('days inside words are no dates: 目前天气, 如今日益, 压缩至3日', () => {
    expect(leadDate('目前天气晴好,游客如织。')).toBeNull();
    expect(leadDate('如今日益完善的服务让市民满意。')).toBeNull();
    expect(leadDate('审批时间压缩至3日以内。')).toBeNull();
  });
});
