/**
 * A printed page as the page view shows it: its stories, furniture and
 * leftovers in line order; and, for an editor in `astro dev`, what the parser
 * and the sidecar doubted.
 */
import type { Article, Page, Warning } from '../schema.ts';
import type { Archive } from './archive-index.ts';
import { titleOf, lineRange } from './titles.ts';

export type PageItem =
  | { type: 'article'; line: number; article: Article; title: string }
  | { type: 'furniture' | 'leftover'; line: number; text: string };

export function pageItems(archive: Archive, page: Page): PageItem[] {
  return [
    ...archive.storiesOn(page).map((article) => ({
      type: 'article' as const,
      line: article.source.startLine,
      article,
      title: titleOf(article),
    })),
    ...page.furniture.map((f) => ({ type: 'furniture' as const, ...f })),
    ...page.leftovers.map((l) => ({ type: 'leftover' as const, ...l })),
  ].sort((a, b) => a.line - b.line);
}

/** Below this the parser was unsure where a story starts or ends: an editor should look. */
export const DOUBTFUL = 0.5;

export interface StoryDoubt {
  id: string;
  title: string;
  lines: string;
  confidence: number;
  doubtful: boolean;
  /** This story's own warnings (those on its lines). */
  warnings: Warning[];
}

export interface PageDoubts {
  /** Warnings not on any story's lines (the sidecar, the date, leftovers). */
  page: Warning[];
  /** Every story, least sure first. */
  stories: StoryDoubt[];
}

export function pageDoubts(archive: Archive, page: Page): PageDoubts {
  const stories = archive.storiesOn(page);
  const owner = ({ line }: Warning) =>
    line === null ? undefined : stories.find((a) => line >= a.source.startLine && line <= a.source.endLine);
  return {
    page: page.warnings.filter((w) => owner(w) === undefined),
    stories: stories
      .map((a) => ({
        id: a.id,
        title: titleOf(a),
        lines: lineRange(a.source),
        confidence: a.confidence,
        doubtful: a.confidence < DOUBTFUL,
        warnings: page.warnings.filter((w) => owner(w) === a),
      }))
      .sort((x, y) => x.confidence - y.confidence),
  };
}
