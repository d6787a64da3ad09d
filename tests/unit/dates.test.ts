import { describe, expect, it } from 'vitest';
import { articleWith, parsedSeed } from '../helpers/seeds.ts';
import { dateFromFileName, issueDateFromText, leadDate, resolveDate, yearsIn } from '../../src/lib/parser/dates.ts';
import { parsePage } from '../../src/lib/parser/index.ts';

describe('issue date of a page', () => {
  it('reads a date from the file name, with the page label', () => {
    expect(dateFromFileName('2025-07-08_A3.txt')).toEqual({ date: '2025-07-08', pageLabel: 'A3' });
    expect(dateFromFileName('20250708.txt')).toEqual({ date: '2025-07-08', pageLabel: null });
    expect(dateFromFileName('000_84d0d68a418f73b1.txt')).toBeNull();
    expect(dateFromFileName('2025-02-30.txt')).toBeNull();
  });

  it('infers the year and latest day from the text when nothing else says', () => {
    expect(parsedSeed('003').page).toMatchObject({ year: 2024, issueDate: '2024-12-23', dateSource: 'text' });
    expect(parsedSeed('004').page).toMatchObject({ year: 2020, dateSource: 'text' });
    expect(parsedSeed('000').page.year).toBe(2025);
  });

  it('ignores years spoken of as targets', () => {
    expect(yearsIn('2024年完成目标,力争到2030年建成')).toEqual([2024]);
  });

  it('prefers an editor’s sidecar date over the file name and the text', () => {
    const { page, articles } = parsePage({
      file: '2020-01-01_A1.txt',
      text: '本报讯(记者 张浩)记者7月6日从高唐县了解到,2024年全县新建公园3个。',
      meta: { date: '2025-07-08' },
    });
    expect(page).toMatchObject({ issueDate: '2025-07-08', dateSource: 'meta', pageLabel: 'A1' });
    expect(articles[0]).toMatchObject({ date: '2025-07-06', dateSource: 'lead' });
  });

  it('warns when no date can be found', () => {
    const { page } = parsePage({ file: 'x.txt', text: '本报讯(记者 张浩)全县新建公园3个。' });
    expect(page.year).toBeNull();
    expect(page.warnings.map((w) => w.code)).toContain('no-date');
  });
});

describe('date of an article', () => {
  it('reads the dateline and opening sentence, after a quotation too', () => {
    expect(leadDate('记者7月6日从高唐县了解到,近年来')).toEqual({ month: 7, day: 6 });
    expect(leadDate('“真没想到现在办证这么方便!”7月4日一大早,拿着')).toEqual({ month: 7, day: 4 });
    const a = articleWith(parsedSeed('003'), '现在只需通过手机App提交一次申请');
    expect(a).toMatchObject({ date: '2024-12-22', dateSource: 'lead' });
  });

  it('reads a wire dateline', () => {
    expect(articleWith(parsedSeed('003'), '八一大楼')).toMatchObject({ date: '2024-12-23', dateSource: 'dateline' });
  });

  it('falls back to the issue date and says so', () => {
    const a = articleWith(parsedSeed('001'), '一场与时间赛跑的夏粮');
    expect(a).toMatchObject({ date: parsedSeed('001').page.issueDate, dateSource: 'issue' });
  });

  it('counts 昨日 and 前天 back from an issue date given by file name or editor', () => {
    expect(leadDate('记者昨日从市农业农村局获悉,全市小麦收获已完成')).toEqual({ daysBeforeIssue: 1 });
    // A month-day in the opening wins; a quoted 今天 and 日前 are not the story's day.
    expect(leadDate('昨天(1月2日),全市首届冰雪节开幕')).toEqual({ month: 1, day: 2 });
    expect(leadDate('“今天的日子越过越好。”村民说。日前,该村')).toBeNull();
    const byName = { issueDate: '2026-01-03', year: 2026, source: 'filename' as const };
    expect(resolveDate({ daysBeforeIssue: 1 }, byName)).toBe('2026-01-02');
    expect(resolveDate({ daysBeforeIssue: 2 }, { ...byName, issueDate: '2026-03-01' })).toBe('2026-02-27');
    // An issue date guessed from the text is only a lower bound: no day is counted from it.
    expect(resolveDate({ daysBeforeIssue: 1 }, { ...byName, source: 'text' })).toBeNull();
    const { articles } = parsePage({
      file: '2026-01-03_A2.txt',
      text: '本报讯(记者 张浩)昨日,江北水城旅游度假区首届冰雪嘉年华开幕。',
    });
    expect(articles[0]).toMatchObject({ date: '2026-01-02', dateSource: 'lead' });
  });

  it('puts a December story on a February page in the year before', () => {
    const issue = { issueDate: '2025-02-10', year: 2025, source: 'filename' as const };
    expect(resolveDate({ month: 12, day: 28 }, issue)).toBe('2024-12-28');
    expect(resolveDate({ month: 2, day: 8 }, issue)).toBe('2025-02-08');
  });

  it('reads the latest day across a year boundary', () => {
    const d = issueDateFromText('2025年', [
      { month: 12, day: 30 },
      { month: 1, day: 2 },
    ]);
    expect(d.issueDate).toBe('2025-01-02');
  });
});
