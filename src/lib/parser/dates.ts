/**
 * Dates. Pages carry no date, so the issue date comes from an editor's
 * sidecar, else the file name, else the text; an article's date from its
 * dateline or opening sentence, resolved against the issue date.
 */
import { isPaperYear, type DateSource } from '../schema.ts';
import { asciiDigits } from './text.ts';
import { normalisePageLabel } from './page-label.ts';

export interface MonthDay {
  month: number;
  day: number;
  year?: number;
  /** Announced for the future (…将在…举行): never read as last year's. */
  announced?: boolean;
}

/** 昨日, 前天: a day counted back from the issue date. */
export interface DaysBeforeIssue {
  daysBeforeIssue: number;
}

/** 7日晚, 26日: a day of the issue's month (or the month before, for a day after the issue's). */
export interface DayOfMonth {
  dayOfMonth: number;
}

export type ReportedDay = MonthDay | DaysBeforeIssue | DayOfMonth;

export const isMonthDay = (d: ReportedDay): d is MonthDay => 'month' in d;

export interface IssueDate {
  issueDate: string | null;
  year: number | null;
  source: DateSource;
}

const pad = (n: number) => String(n).padStart(2, '0');

export function isoDate(year: number, month: number, day: number): string | null {
  if (!isPaperYear(year)) return null;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/**
 * The date in a file name, as exports and editors write it: 2025-07-08,
 * 20250708, 2025.07.08, 2025-7-8, 2025.7.8, 2025年7月8日, 2025年07月08日,
 * 2025 年 7 月 8 日. A month or day of one digit needs a separator around it.
 */
const NAME_DATES = [
  /(?<![0-9])((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?(?![0-9])/u,
  /(?<![0-9])((?:19|20)\d{2})([-_./])(\d{1,2})\2(\d{1,2})(?![0-9])/u,
  /(?<![0-9])((?:19|20)\d{2})[-_.]?(0[1-9]|1[0-2])[-_.]?(0[1-9]|[12]\d|3[01])(?![0-9])/u,
];

/** The page label right after the date: _A3, _05, 第3版, 3版, A3版, -C02, _头版. */
const LABEL_AFTER_DATE =
  /^[-_.\s]*(头版|第\s*[0-9一二两三四五六七八九十]{1,3}\s*版|[A-Za-z]{0,2}\d{1,3}\s*版|[A-Za-z]?\d{1,3}|[A-Za-z]\d{0,3})(?=[-_.\s]|\p{Script=Han}|$)/u;

/** A date as a file name writes it, possible or not, and the page label after it. */
export interface NameDate {
  /** As written in the name: 2025-02-30. */
  written: string;
  year: number;
  month: number;
  day: number;
  /** The date, or null when no calendar has it (2025-02-30, 2025-13-01). */
  date: string | null;
  pageLabel: string | null;
}

/**
 * The date written in a file name, even one no calendar has, so that an
 * impossible 2025-02-30_A1.txt still gives its page label and a hint (the
 * issue date never comes from it).
 */
export function nameDateOf(name: string): NameDate | null {
  const stem = name.normalize('NFKC').replace(/\.[^.]*$/u, '');
  for (const pattern of NAME_DATES) {
    const m = pattern.exec(stem);
    if (!m) continue;
    const [year, month, day] = (m[2] && /^[-_./]$/u.test(m[2]) ? [m[1], m[3], m[4]] : [m[1], m[2], m[3]]).map(Number);
    const label = LABEL_AFTER_DATE.exec(stem.slice(m.index + m[0].length));
    return {
      written: m[0].trim(),
      year: year ?? 0,
      month: month ?? 0,
      day: day ?? 0,
      date: isoDate(year ?? 0, month ?? 0, day ?? 0),
      pageLabel: label?.[1] ? normalisePageLabel(label[1]) : null,
    };
  }
  return null;
}

/** 2025-07-08_A3.txt, 20250708.txt, 大众日报_2025.07.08_05.txt, 2025年7月8日 第3版.txt; null for no date or an impossible one. */
export function dateFromFileName(name: string): { date: string; pageLabel: string | null } | null {
  const named = nameDateOf(name);
  return named?.date ? { date: named.date, pageLabel: named.pageLabel } : null;
}

/** Why a date in a file name is no date, for the hint: 2025年2月只有28天, 没有13月. */
export function impossibleBecause({ year, month, day }: NameDate): string {
  if (month < 1 || month > 12) return `没有${month}月`;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day < 1 ? `没有${day}日` : `${year}年${month}月只有${days}天`;
}

/** A year alone in a file name (c_2018_dzrb.txt, 2023/A3.txt): the page's year when no full date is given. */
export function yearFromFileName(name: string): number | null {
  const m = /(?:^|[^0-9])((?:19|20)\d{2})(?![0-9])/u.exec(name);
  return m ? Number(m[1]) : null;
}

/** The date in a page's folio: 2025年11月20日 星期四. */
export const FOLIO_DATE = /((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*(?:星期|周)[一二三四五六日天]/u;

/** The issue date printed in the page's folio, if a furniture line holds one. */
export function folioDate(furniture: string[]): string | null {
  for (const line of furniture) {
    const m = FOLIO_DATE.exec(line);
    const date = m ? isoDate(Number(m[1]), Number(m[2]), Number(m[3])) : null;
    if (date) return date;
  }
  return null;
}

const FUTURE_BEFORE = /(?:到|至|力争|预计|计划|将于|将在|拟于?|定于|目标)\s*$/u;
const FUTURE_AFTER = /^(?:年前|年底前|年远景|年目标|年将)/u;

/** Calendar years the text speaks of as past or present. */
export function yearsIn(text: string): number[] {
  const years: number[] = [];
  for (const m of text.matchAll(/(?<![0-9])((?:19|20)\d{2})\s*年/gu)) {
    const before = text.slice(Math.max(0, (m.index ?? 0) - 4), m.index);
    const after = text.slice((m.index ?? 0) + m[0].length, (m.index ?? 0) + m[0].length + 4);
    if (FUTURE_BEFORE.test(before) || FUTURE_AFTER.test(`年${after}`)) continue;
    years.push(Number(m[1]));
  }
  return years;
}

const MONTH_DAY = /(?<![0-9])(?:((?:19|20)\d{2})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*日/gu;

/** Every full month-day in the text that is not announced for the future. */
function monthDaysIn(text: string): MonthDay[] {
  const out: MonthDay[] = [];
  for (const m of text.matchAll(MONTH_DAY)) {
    const before = text.slice(Math.max(0, (m.index ?? 0) - 4), m.index);
    if (FUTURE_BEFORE.test(before)) continue;
    const month = Number(m[2]);
    const day = Number(m[3]);
    if (month < 1 || month > 12 || day < 1 || day > 31) continue;
    out.push({ month, day, ...(m[1] ? { year: Number(m[1]) } : {}) });
  }
  return out;
}

const DAYS_BACK: Record<string, number> = { 今天: 0, 今日: 0, 昨天: 1, 昨日: 1, 前天: 2, 前日: 2 };
// 日前 (recently) and 今日头条 are not days; a quoted remark speaks of its own day.
const RELATIVE_DAY = /(?<![日目当此之提如])(今天|今日|昨天|昨日|前天|前日)(?!头条)/u;
const QUOTED = /“[^“”]*”|「[^「」]*」/gu;

/** How much of a story's opening is read for its date: its first sentences. */
const LEAD_READ = 400;

/**
 * The date an article reports: the first month-day in its opening two
 * sentences (记者7月6日从…, “…”7月4日一大早, 3月18日、19日…; marked when the
 * opening announces it), else a day counted from the issue (记者昨日从…获悉),
 * else a day with no month in the opening sentence (7日晚，…).
 */
export function leadDate(printed: string): ReportedDay | null {
  const lead = asciiDigits(printed.slice(0, LEAD_READ));
  const [first = '', second = ''] = sentences(lead);
  const opening = (first + second).slice(0, 160);
  const monthDay = monthDaysIn(opening)[0];
  if (monthDay) return ANNOUNCED.test(first) ? { ...monthDay, announced: true } : monthDay;
  const relative = RELATIVE_DAY.exec(opening.replace(QUOTED, ''));
  if (relative) return { daysBeforeIssue: DAYS_BACK[relative[1] ?? ''] ?? 0 };
  const dayOfMonth = Number(DAY_ONLY.exec(first)?.[1]);
  return dayOfMonth >= 1 && dayOfMonth <= 31 ? { dayOfMonth } : null;
}

/** 将在…举行, 即将, 拟于: the opening sentence announces what is to come. */
const ANNOUNCED = /将(?:在|于|举行|举办|开幕|启动|召开)|即将|拟于|定于/u;

/** 7日晚, 记者26日从…: a day with no month, in the opening sentence. */
const DAY_ONLY = /(?<![0-9０-９月年号至到连续近每第])([0-9]{1,2})\s*日(?![0-9])/u;

const SENTENCE_STOPS = new Set(['。', '！', '？', '!', '?']);

/** Splits at sentence stops outside quotations: a quoted remark is part of its sentence. */
export function sentences(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  // By code unit: quotes and stops are all in the BMP, so no cut splits a pair.
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (ch === '“' || ch === '「') depth++;
    else if ((ch === '”' || ch === '」') && depth > 0) depth--;
    else if (depth === 0 && SENTENCE_STOPS.has(ch)) {
      out.push(text.slice(start, i + 1));
      start = i + 1;
    }
  }
  if (start < text.length) out.push(text.slice(start));
  return out;
}

/** Latest of the month-days, reading Nov/Dec as last year when Jan/Feb appear too. */
function latestMonthDay(days: MonthDay[]): MonthDay | null {
  if (days.length === 0) return null;
  const wraps = days.some((d) => d.month <= 2) && days.some((d) => d.month >= 11);
  const key = (d: MonthDay) => (wraps && d.month >= 11 ? d.month - 12 : d.month) * 40 + d.day;
  return days.reduce((a, b) => (key(b) > key(a) ? b : a));
}

/** The page's issue date from its text: the latest year spoken of as current, the latest reported day. */
export function issueDateFromText(text: string, articleDays: MonthDay[]): IssueDate {
  const years = yearsIn(text);
  const explicit = [...articleDays, ...monthDaysIn(text)]
    .filter((d) => d.year !== undefined)
    .map((d) => d.year as number);
  const all = [...years, ...explicit];
  const year = all.length > 0 ? all.reduce((a, b) => Math.max(a, b)) : null;
  if (year === null) return { issueDate: null, year: null, source: 'none' };
  const latest = latestMonthDay(articleDays.length > 0 ? articleDays : monthDaysIn(text));
  const issueDate = latest ? isoDate(year, latest.month, latest.day) : null;
  return { issueDate, year, source: 'text' };
}

/**
 * Resolves a month-day against the issue date: a December story on a February
 * page is last year's. A day counted back (昨日) needs an issue date given by
 * an editor or the file name, not one guessed from the text.
 */
export function resolveDate(md: ReportedDay, issue: IssueDate): string | null {
  if ('dayOfMonth' in md) return dayOfIssueMonth(md.dayOfMonth, issue);
  if (!isMonthDay(md)) {
    if (!issue.issueDate || issue.source === 'text') return null;
    return new Date(Date.parse(issue.issueDate) - md.daysBeforeIssue * 86_400_000).toISOString().slice(0, 10);
  }
  if (md.year) return isoDate(md.year, md.month, md.day);
  if (issue.year === null) return null;
  const sameYear = isoDate(issue.year, md.month, md.day);
  if (!sameYear || !issue.issueDate) return sameYear;
  const ahead = (Date.parse(sameYear) - Date.parse(issue.issueDate)) / 86_400_000;
  return ahead > 31 && !md.announced ? isoDate(issue.year - 1, md.month, md.day) : sameYear;
}

/** A day with no month is in the issue's month, or the month before when it is after the issue's day. */
function dayOfIssueMonth(day: number, issue: IssueDate): string | null {
  if (!issue.issueDate || issue.source === 'text') return null;
  const [y, m, d] = issue.issueDate.split('-').map(Number) as [number, number, number];
  if (day <= d) return isoDate(y, m, day);
  return m === 1 ? isoDate(y - 1, 12, day) : isoDate(y, m - 1, day);
}

/** How many days before its filing a story's opening may report. */
const REPORTED_BEFORE_FILING = 7;

/**
 * The day a story's opening names (26日晚, 7月31日上午), placed against the
 * day its dateline filed it (本报11月28日讯): that day, when it falls up to a
 * week before the filing; otherwise null (the dateline's day stands).
 */
export function dayBeforeFiling(opening: ReportedDay, filed: MonthDay): MonthDay | null {
  const year = 2001; // any year that is not a leap year: only the distance counts
  const filedAt = Date.UTC(year, filed.month - 1, filed.day);
  let candidate: MonthDay | null = null;
  if ('dayOfMonth' in opening) {
    const sameMonth = opening.dayOfMonth <= filed.day;
    const month = sameMonth ? filed.month : filed.month === 1 ? 12 : filed.month - 1;
    candidate = { month, day: opening.dayOfMonth };
  } else if (isMonthDay(opening)) candidate = { month: opening.month, day: opening.day };
  if (!candidate) return null;
  const wraps = candidate.month > filed.month;
  const at = Date.UTC(wraps ? year - 1 : year, candidate.month - 1, candidate.day);
  const days = (filedAt - at) / 86_400_000;
  return days > 0 && days <= REPORTED_BEFORE_FILING ? candidate : null;
}
