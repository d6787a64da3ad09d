/** How dates, counts and labels read on the site. */

export function formatDate(iso: string | null): string {
  if (!iso) return '日期不详';
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** A month (yyyy-mm) as read; the archive's 'undated' month is 日期不详. */
export function formatMonth(ym: string): string {
  if (ym === 'undated') return '日期不详';
  const [y, m] = ym.split('-').map(Number);
  return `${y}年${m}月`;
}

/** A page's date: the issue date, else the year alone when that is all that is known. */
export function formatPageDate(page: { issueDate: string | null; year: number | null }): string {
  if (page.issueDate) return formatDate(page.issueDate);
  return page.year ? `${page.year}年（月日不详）` : '日期不详';
}

/** The opening words of a story, for lists and descriptions. */
export function summaryOf(
  a: { standfirst: string | null; paragraphs: string[]; captions: string[] },
  length = 90,
): string {
  const text = (a.standfirst ?? a.paragraphs.find((p) => p.length > 20) ?? a.captions[0] ?? '').replace(/^◆/u, '');
  return text.length > length ? `${text.slice(0, length)}…` : text;
}

/**
 * A count estimated on the search index's sample (search/engine.ts), as a
 * filter shows it: 约 and two significant figures (1,234 → 约1,200), since
 * more would claim a precision it does not have; 0 stays 0.
 */
export function formatEstimate(n: number): string {
  if (n <= 0) return '0';
  const unit = 10 ** Math.max(0, Math.floor(Math.log10(n)) - 1);
  return `约${(Math.round(n / unit) * unit).toLocaleString('en-US')}`;
}
