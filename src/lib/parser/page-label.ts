/**
 * 版次, one spelling for every source. A page label is printed many ways —
 * A03, A3, a3, Ａ３, 第3版, 3版, A3版, 第三版, 头版, 05 — and a reader, a
 * link and a sort must see one: an upper-case letter (or two) and the page
 * number without leading zeros. So A03 and A3 are both A3, 第3版 and 05 are
 * 3 and 5, 第十二版 is 12, 头版 is 1.
 */

const HAN_DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** 三 → 3, 十二 → 12, 二十 → 20, 二十四 → 24 (page numbers go no higher than 99). */
function hanNumber(text: string): number | null {
  const m = /^([一二两三四五六七八九])?(十)?([一二三四五六七八九])?$/u.exec(text);
  if (!m || text === '') return null;
  const [, tensOrUnit, ten, unit] = m;
  if (!ten) return tensOrUnit && !unit ? (HAN_DIGITS[tensOrUnit] ?? null) : null;
  return (tensOrUnit ? (HAN_DIGITS[tensOrUnit] ?? 0) : 1) * 10 + (unit ? (HAN_DIGITS[unit] ?? 0) : 0);
}

const LATIN_LABEL = /^第?\s*([A-Z]{0,2})\s*0*(\d{1,3})\s*版?$/u;
const HAN_LABEL = /^第?\s*([一二两三四五六七八九十]{1,3})\s*版$/u;

/**
 * The label in its one spelling, or null when the text is no page label
 * (a sidecar's 头条, a word in a file name).
 */
export function normalisePageLabel(raw: string): string | null {
  const text = raw.normalize('NFKC').trim().toUpperCase();
  if (text === '头版') return '1';
  if (/^[A-Z]$/u.test(text)) return text;
  const latin = LATIN_LABEL.exec(text);
  if (latin) {
    const n = Number(latin[2]);
    return n > 0 ? `${latin[1] ?? ''}${n}` : null;
  }
  const han = HAN_LABEL.exec(text);
  const n = han ? hanNumber(han[1] ?? '') : null;
  return n ? String(n) : null;
}
