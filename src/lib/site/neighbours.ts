/**
 * 上一版/下一版 and 上一期/下一期: where a reader turns from a page, as on an
 * e-paper site. 上一期 is the earlier issue, 下一期 the later one.
 */
import type { Page } from '../schema.ts';
import type { Archive, Issue } from './archive-index.ts';
import { pageName } from './page-names.ts';
import { formatDate } from './format.ts';
import { issueUrl, pageUrl } from './routes.ts';

export interface Turn {
  /** 上一版, 下一版, 上一期, 下一期 */
  rel: '上一版' | '下一版' | '上一期' | '下一期';
  href: string;
  /** What the link leads to: A2版, 2025年7月6日. */
  label: string;
}

export interface Turns {
  pages: { previous: Turn | null; next: Turn | null };
  issues: { previous: Turn | null; next: Turn | null };
}

const pageTurn = (rel: '上一版' | '下一版', page: Page | undefined): Turn | null =>
  page ? { rel, href: pageUrl(page.id), label: pageName(page).short } : null;

const issueTurn = (rel: '上一期' | '下一期', issue: Issue | undefined): Turn | null =>
  issue ? { rel, href: issueUrl(issue.date), label: formatDate(issue.date) } : null;

/** The issues either side of a date (issues are newest first). */
export function issueTurns(archive: Archive, date: string | null): Turns['issues'] {
  const at = date ? archive.issues.findIndex((i) => i.date === date) : -1;
  if (at < 0) return { previous: null, next: null };
  return { previous: issueTurn('上一期', archive.issues[at + 1]), next: issueTurn('下一期', archive.issues[at - 1]) };
}

/**
 * The pages either side of a page in its issue — in the same paper: 下一版 of
 * 聊城日报 A8 is never 大众日报 第1版 — and the issues either side of its date.
 */
export function pageTurns(archive: Archive, page: Page): Turns {
  const pages = (archive.issueOf(page)?.pages ?? []).filter((p) => p.edition === page.edition);
  const at = pages.indexOf(page);
  return {
    pages: {
      previous: at > 0 ? pageTurn('上一版', pages[at - 1]) : null,
      next: at >= 0 ? pageTurn('下一版', pages[at + 1]) : null,
    },
    issues: issueTurns(archive, page.issueDate),
  };
}
