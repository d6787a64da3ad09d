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

const OPENING = 28;

/** A headline for any article: its headline, else its label and opening words. */
export function titleOf(a: {
  headline: string | null;
  kicker: string | null;
  paragraphs: string[];
  captions: string[];
}): string {
  if (a.headline) return a.headline;
  // Only the opening is shown, so only the opening is read (a paragraph can be a whole 10 MB page).
  const text = (a.captions[0] ?? a.paragraphs[0] ?? '').slice(0, OPENING + 1).replace(/\s*[■□].*$/u, '');
  const opening = text.length > OPENING ? `${text.slice(0, OPENING)}…` : text;
  return a.kicker ? `${a.kicker}：${opening}` : opening;
}

/** The opening words of a story, for lists and descriptions. */
export function summaryOf(
  a: { standfirst: string | null; paragraphs: string[]; captions: string[] },
  length = 90,
): string {
  const text = (a.standfirst ?? a.paragraphs.find((p) => p.length > 20) ?? a.captions[0] ?? '').replace(/^◆/u, '');
  return text.length > length ? `${text.slice(0, length)}…` : text;
}
