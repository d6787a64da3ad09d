/**
 * The issue calendar: for each year and month that has issues, the month laid
 * out Monday first, as Chinese calendars print it, each day linked when an
 * issue carries that date.
 */
import { formatDate } from './format.ts';
import { issueUrl } from './routes.ts';

export const WEEKDAYS = ['一', '二', '三', '四', '五', '六', '日'] as const;

export interface CalendarDay {
  day: number;
  /** The issue of that date, if there is one. */
  href: string | null;
  label: string;
}

export interface CalendarMonth {
  year: number;
  month: number;
  /** Blank cells before the 1st, so it falls under its weekday. */
  leadingBlanks: number;
  days: CalendarDay[];
}

const pad = (n: number) => String(n).padStart(2, '0');
const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const firstWeekday = (y: number, m: number) => (new Date(Date.UTC(y, m - 1, 1)).getUTCDay() + 6) % 7;

/** Years newest first, each with its months in the order the issues give them (newest first). */
export function issueCalendar(issueDates: string[]): Array<{ year: number; months: CalendarMonth[] }> {
  const dated = new Set(issueDates);
  const years = new Map<number, Set<number>>();
  for (const date of issueDates) {
    const [y, m] = date.split('-').map(Number) as [number, number];
    years.set(y, (years.get(y) ?? new Set()).add(m));
  }
  return [...years].map(([year, months]) => ({
    year,
    months: [...months].map((month) => ({
      year,
      month,
      leadingBlanks: firstWeekday(year, month),
      days: Array.from({ length: daysIn(year, month) }, (_, i) => {
        const date = `${year}-${pad(month)}-${pad(i + 1)}`;
        return { day: i + 1, href: dated.has(date) ? issueUrl(date) : null, label: formatDate(date) };
      }),
    })),
  }));
}
