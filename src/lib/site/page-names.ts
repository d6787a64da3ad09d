/**
 * What a reader calls a printed page: 报名 + 版次 (+ 版名), the way e-paper
 * sites and citations name it — 聊城日报 A3版 · 要闻. The seed's file name is
 * only a last resort, and then it is shown apart, in small type.
 */
import type { Page } from '../schema.ts';
import { normalisePageLabel } from '../parser/page-label.ts';

type PageLabels = Pick<Page, 'edition' | 'pageLabel' | 'section' | 'file'>;

/**
 * 版次 as said aloud: a bare number is 第5版, a lettered one A3版. Labels
 * are read in page-label.ts's one spelling; one it cannot read (a sidecar's
 * 头条, which check:seeds warns about) is shown as written, never 头条版.
 */
export function pageNumberName(pageLabel: string | null): string | null {
  if (!pageLabel?.trim()) return null;
  const label = normalisePageLabel(pageLabel);
  if (label === null) return pageLabel.trim();
  return /^\d+$/u.test(label) ? `第${label}版` : `${label}版`;
}

export interface PageName {
  /** 聊城日报 A3版 · 要闻; without any label, 版次不详. */
  title: string;
  /** A3版 (or 版次不详): short enough for a navigation link. */
  short: string;
  /** The file name, when nothing better names the page: shown in small type beside the title. */
  file: string | null;
}

/** paperInShort: the short name says the paper too (大众日报 第1版), where pages of two papers sit side by side. */
export function pageName(page: PageLabels, { paperInShort = false } = {}): PageName {
  const number = pageNumberName(page.pageLabel);
  const head = [page.edition, number].filter(Boolean).join(' ');
  const title = [head, page.section].filter(Boolean).join(' · ');
  const short = number ?? page.section ?? '版次不详';
  return {
    title: title || '版次不详',
    short: paperInShort ? `${page.edition ?? '报名不详'} ${short}` : short,
    file: page.pageLabel || page.section ? null : page.file,
  };
}

const LABEL_ORDER = /^([A-Z]*)0*(\d+)$/u;

/**
 * The order pages are printed in, paper by paper: A1 A2 … B1, 1 2 … 10;
 * unlabelled pages after the labelled ones, by file name.
 */
export function comparePageOrder(a: PageLabels, b: PageLabels): number {
  if (a.edition !== b.edition) {
    if (a.edition === null) return 1;
    if (b.edition === null) return -1;
    return a.edition.localeCompare(b.edition, 'zh');
  }
  const ma = LABEL_ORDER.exec(normalisePageLabel(a.pageLabel ?? '') ?? '');
  const mb = LABEL_ORDER.exec(normalisePageLabel(b.pageLabel ?? '') ?? '');
  if (ma && !mb) return -1;
  if (mb && !ma) return 1;
  if (ma && mb) {
    const byLetter = (ma[1] ?? '').localeCompare(mb[1] ?? '');
    if (byLetter) return byLetter;
    const byNumber = Number(ma[2]) - Number(mb[2]);
    if (byNumber) return byNumber;
  }
  return a.file.localeCompare(b.file);
}
