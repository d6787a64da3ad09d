/**
 * Everything the story page shows beyond the record itself: its title, where
 * it was printed (报名 · 日期 · 版次), the way to turn pages and issues, its
 * neighbours on the page, related stories and the search engines' summary.
 */
import type { Article } from '../schema.ts';
import { relatedTo, type Archive } from './archive-index.ts';
import { formatDate, summaryOf } from './format.ts';
import { fieldName, fieldValue, KIND_NAMES } from './labels.ts';
import { pageName, type PageName } from './page-names.ts';
import { pageTurns, issueTurns, type Turns } from './neighbours.ts';
import { articleUrl, countyUrl, storyOnPageUrl } from './routes.ts';
import { captionParts, lineRange, titleOf } from './titles.ts';
import type { Crumb } from './trail.ts';
import { topicName } from '../parser/topics.ts';
import { storyLink, type StoryLink } from './issue-view.ts';
import { creditsLine, type Credits } from './people.ts';
import { listedStories } from './story-list.ts';
import { cacheKeyOf, recordKey } from './cache-key.ts';

export interface Caption {
  text: string;
  /** The caption's own photo credit, printed after it (a photo story's first shows the linked byline instead). */
  credit: string | null;
  marks: Mark[];
}

type Mark = { start: number; end: number; title: string };

export interface ArticleView {
  title: string;
  trail: Crumb[];
  /** Where the byline goes: in the header, or — for a photo story, whose credit is its caption's — with the caption. */
  bylineAt: 'header' | 'caption' | 'after-captions';
  captions: Caption[];
  /** An editor's corrections, in the newsroom's words: 标题：由“…”改为“…”. */
  editorNotes: Array<{ field: string; from: string; to: string; note: string | null }>;
  /** Known misreadings fixed in the text: line, from, to. */
  ocrNotes: Array<{ line: number | null; from: string; to: string }>;
  /** 第 37–40 行 on its page. */
  lines: string;
  kindName: string;
  /** The page it was printed on: the story in place there, and the issue's date. */
  onPage: { href: string; issueDate: string | null } | undefined;
  pageName: PageName | null;
  /** 聊城日报 · 2025年7月8日 · A3版: the citation a reader would write. */
  printed: string;
  turns: Turns;
  previous: StoryLink | undefined;
  next: StoryLink | undefined;
  related: Article[];
  credits: Credits;
  /** The figures to mark in one paragraph or caption. */
  figureMarks: (
    field: 'paragraphs' | 'captions',
    index: number,
  ) => Array<{ start: number; end: number; title: string }>;
  jsonLd: Record<string, unknown>;
}

export function articleView(a: Article, archive: Archive, site: URL | undefined): ArticleView {
  const page = archive.pageOf(a);
  const name = page ? pageName(page) : null;
  const siblings = page ? archive.storiesOn(page) : [];
  const at = siblings.findIndex((s) => s.id === a.id);
  const previous = at > 0 ? siblings[at - 1] : undefined;
  const next = at >= 0 ? siblings[at + 1] : undefined;
  const title = titleOf(a);
  const figureMarks = (field: 'paragraphs' | 'captions', index: number): Mark[] =>
    a.figures
      .filter((f) => f.field === field && f.index === index)
      .map((f) => ({ start: f.start, end: f.end, title: `${f.label || '数据'}：${f.valueText}${f.unit}` }));
  const captions = a.captions.map((c, i) => {
    const { text, credit } = captionParts(c);
    // A figure in the credit cannot be marked in the text shown.
    return { text, credit, marks: figureMarks('captions', i).filter((m) => m.end <= text.length) };
  });
  const photo = a.kind === 'photo';
  const people = [...a.byline.reporters, ...a.byline.authors, ...a.byline.photographers];
  return {
    title,
    trail: [...(a.county ? [{ label: a.county.name, href: countyUrl(a.county.slug) }] : []), { label: title }],
    bylineAt: !photo ? 'header' : captions[0]?.credit ? 'caption' : 'after-captions',
    captions,
    editorNotes: a.corrections
      .filter((c) => c.type === 'editor')
      .map((c) => ({
        field: fieldName(c.field),
        from: fieldValue(c.field, c.from),
        to: fieldValue(c.field, c.to),
        note: c.note ?? null,
      })),
    ocrNotes: a.corrections.filter((c) => c.type === 'ocr').map(({ line, from, to }) => ({ line, from, to })),
    lines: lineRange(a.source),
    kindName: KIND_NAMES[a.kind],
    onPage: page && { href: storyOnPageUrl(page.id, a.id), issueDate: page.issueDate },
    pageName: name,
    printed: [page?.edition, formatDate(page?.issueDate ?? a.date), page?.pageLabel && name?.short]
      .filter(Boolean)
      .join(' · '),
    turns: page
      ? pageTurns(archive, page)
      : { pages: { previous: null, next: null }, issues: issueTurns(archive, null) },
    previous: previous && storyLink(previous),
    next: next && storyLink(next),
    related: relatedTo(a, archive),
    credits: creditsLine(a, archive.person),
    figureMarks,
    jsonLd: {
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: title.slice(0, 110),
      ...(a.kicker ? { alternativeHeadline: a.kicker } : {}),
      ...(a.date ? { datePublished: a.date } : {}),
      inLanguage: 'zh-CN',
      mainEntityOfPage: new URL(articleUrl(a.id), site).href,
      author: people.map((person) => ({ '@type': 'Person', name: person })),
      publisher: { '@type': 'Organization', name: page?.edition ?? '聊城日报' },
      articleSection: a.topics.map(topicName),
      ...(a.county
        ? { contentLocation: { '@type': 'Place', name: a.county.name === '市级' ? '聊城市' : a.county.name } }
        : {}),
      description: summaryOf(a, 150),
    },
  };
}

/**
 * The story page's cacheKey: its record and everything its view shows —
 * where it was printed, the turns, the stories either side, the related
 * stories as listed, the people's links. The template renders only these.
 */
export function articlePageKey(a: Article, archive: Archive, site: URL | undefined): string {
  const { related, ...shown } = articleView(a, archive, site);
  return cacheKeyOf({ article: recordKey(a), shown, related: listedStories(related, false) });
}
