/** How dates, counts and labels read on the site. */

export function formatDate(iso: string | null): string {
  if (!iso) return '日期不详';
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

export function formatMonth(ym: string): string {
  const [y, m] = ym.split('-').map(Number);
  return `${y}年${m}月`;
}

/** The opening words of a story, for lists and descriptions. */
export function summaryOf(
  a: { standfirst: string | null; paragraphs: string[]; captions: string[] },
  length = 90,
): string {
  const text = (a.standfirst ?? a.paragraphs.find((p) => p.length > 20) ?? a.captions[0] ?? '').replace(/^◆/u, '');
  return text.length > length ? `${text.slice(0, length)}…` : text;
}
