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
