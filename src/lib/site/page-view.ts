/**
 * A printed page as the page view shows it: its stories, furniture and
 * leftovers in line order; and, for an editor in `astro dev`, what the parser
 * and the sidecar doubted.
 */
import type { Article, Page, Warning } from '../schema.ts';
import type { Archive } from './archive-index.ts';
import { articleUrl, issueUrl, pageUrl, storyAnchor } from './routes.ts';
import { formatPageDate } from './format.ts';
import { pageName, type PageName } from './page-names.ts';
import { pageTurns, type Turns } from './neighbours.ts';
import { sidecarPath } from '../sidecar.ts';
import { captionParts, lineRange, titleOf } from './titles.ts';

/** How much of a story the page view shows before 阅读全文. */
const LEAD_PARAGRAPHS = 2;

export interface StoryOnPage {
  type: 'article';
  line: number;
  id: string;
  /** The element id the story's anchor (storyOnPageUrl) points to. */
  anchor: string;
  href: string;
  title: string;
  kicker: string | null;
  subheadline: string | null;
  /** The credit line as printed; none for a photo story, whose credit is its caption's. */
  byline: string | null;
  photo: boolean;
  lead: string[];
  captions: Array<{ text: string; credit: string | null }>;
  /** The paragraphs in the whole story, when there are more than the lead shows (else 0). */
  more: number;
}

export type PageItem = StoryOnPage | { type: 'furniture' | 'leftover'; line: number; text: string };

function storyOnPage(a: Article): StoryOnPage {
  const photo = a.kind === 'photo';
  return {
    type: 'article',
    line: a.source.startLine,
    id: a.id,
    anchor: storyAnchor(a.id),
    href: articleUrl(a.id),
    title: titleOf(a),
    kicker: a.kicker,
    subheadline: a.subheadline,
    byline: photo ? null : a.byline.raw || null,
    photo,
    lead: a.paragraphs.slice(0, LEAD_PARAGRAPHS),
    captions: a.captions.map(captionParts),
    more: a.paragraphs.length > LEAD_PARAGRAPHS ? a.paragraphs.length : 0,
  };
}

export function pageItems(archive: Archive, page: Page): PageItem[] {
  return [
    ...archive.storiesOn(page).map(storyOnPage),
    ...page.furniture.map((f) => ({ type: 'furniture' as const, ...f })),
    ...page.leftovers.map((l) => ({ type: 'leftover' as const, ...l })),
  ].sort((a, b) => a.line - b.line);
}

/** The page view for readers: everything /pages/<id>/ shows (its cacheKey is a digest of this). */
export interface PageView {
  name: PageName;
  turns: Turns;
  /** The issue's date as read, linked to the issue when the page has a date. */
  date: { text: string; href: string | null };
  storyCount: number;
  items: PageItem[];
}

export function pageView(archive: Archive, page: Page): PageView {
  return {
    name: pageName(page),
    turns: pageTurns(archive, page),
    date: { text: formatPageDate(page), href: page.issueDate ? issueUrl(page.issueDate) : null },
    storyCount: page.articleIds.length,
    items: pageItems(archive, page),
  };
}

/** A page as /pages/ lists it: name, date, its number of stories. */
export interface PageRow {
  href: string;
  name: PageName;
  date: string;
  storyCount: number;
}

export const pageRow = (page: Page): PageRow => ({
  href: pageUrl(page.id),
  name: pageName(page),
  date: formatPageDate(page),
  storyCount: page.articleIds.length,
});

/** Below this the parser was unsure where a story starts or ends: an editor should look. */
export const DOUBTFUL = 0.5;

export interface StoryDoubt {
  id: string;
  /** Where the story is on this page (its anchor). */
  href: string;
  title: string;
  lines: string;
  confidence: number;
  doubtful: boolean;
  /** This story's own warnings (those on its lines). */
  warnings: Warning[];
}

export interface PageDoubts {
  file: string;
  /** The sidecar where an editor corrects this page's stories. */
  sidecar: string;
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
    file: page.file,
    sidecar: sidecarPath(page.file),
    page: page.warnings.filter((w) => owner(w) === undefined),
    stories: stories
      .map((a) => ({
        id: a.id,
        href: `#${storyAnchor(a.id)}`,
        title: titleOf(a),
        lines: lineRange(a.source),
        confidence: a.confidence,
        doubtful: a.confidence < DOUBTFUL,
        warnings: page.warnings.filter((w) => owner(w) === a),
      }))
      .sort((x, y) => x.confidence - y.confidence),
  };
}
