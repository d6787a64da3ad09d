/**
 * unified compiler: turns each article node into a draft Article record —
 * credits (article-credits.ts), text and captions (article-body.ts), kind
 * (article-kind.ts), then date, county, figures and topics — and the page's
 * furniture and leftovers into the page draft, returned as file.result.
 */
import type { Plugin } from 'unified';
import type { VFile } from 'vfile';
import type { Article, Correction, Figure, Page } from '../schema.ts';
import type { ArticleNode, BlockNode, PageTree } from './tree.ts';
import { assignHeadlineRoles } from './headlines.ts';
import { paragraphsOf } from './wrapping.ts';
import { lettersOnly } from './text.ts';
import { storyId } from './story-id.ts';
import {
  dayBeforeFiling,
  isMonthDay,
  leadDate,
  resolveDate,
  type IssueDate,
  type MonthDay,
  type ReportedDay,
} from './dates.ts';
import { resolveCounty } from './county.ts';
import { extractFigures } from './figures.ts';
import { assignTopics } from './topics.ts';
import { creditsOf, textOf } from './article-credits.ts';
import { captionsOf, textOfStory } from './article-body.ts';
import { kindOf } from './article-kind.ts';
import { endsWithShot } from './bylines.ts';
import { isSectionName } from './labels.ts';

/** An article before the page's issue date is known. */
export interface DraftArticle {
  record: Omit<Article, 'id' | 'date' | 'dateSource' | 'confidence'>;
  /** How sure the segmenter is of the story's boundaries (0–1). */
  confidence: number;
  reported: ReportedDay | null;
  reportedFrom: 'dateline' | 'lead' | null;
}

export interface PageDraft {
  articles: DraftArticle[];
  furniture: Page['furniture'];
  leftovers: Page['leftovers'];
  layout: Page['layout'];
}

const linesOf = (b: BlockNode) => b.pieces.map((p) => p.line);

function draftArticle(a: ArticleNode, file: string, correctionsAt: Map<number, Correction[]>): DraftArticle {
  const heads = assignHeadlineRoles(a.headlineBlocks);
  const standfirst = a.standfirst.length > 0 ? paragraphsOf(a.standfirst, null).join('') : null;
  const { byline, dateline, body, signedBare } = creditsOf(a);
  const { paragraphs, subheads } = textOfStory(a, body);
  // The story's first paragraph: a photo story's text becomes one caption below, but its opening is still its lead.
  const firstParagraph = paragraphs.find((_, i) => !subheads.includes(i));
  const { captions, credits } = captionsOf(a, paragraphs);
  // The pictures printed in the story are the photographers' part of it (新华社记者张力元 摄).
  for (const c of credits.filter((x) => endsWithShot(x.raw)))
    for (const n of c.photographers) if (!byline.photographers.includes(n)) byline.photographers.push(n);

  const allBlocks = [
    ...a.headlineBlocks,
    ...a.standfirst,
    ...a.bylines,
    ...(a.author ? [a.author] : []),
    ...a.body,
    ...a.subheads.map((h) => h.block),
    ...a.captions,
    ...a.credits,
    ...a.jumps,
    ...a.sources,
  ];
  const lines = new Set(allBlocks.flatMap(linesOf));
  let startLine = Infinity;
  let endLine = -Infinity;
  for (const line of lines) {
    startLine = Math.min(startLine, line);
    endLine = Math.max(endLine, line);
  }

  const headlineText = [heads.kicker, heads.headline, heads.subheadline].filter(Boolean).join(' ');
  const lead = firstParagraph ?? captions[0] ?? '';
  const bodyText = paragraphs.join('');
  const wire = byline.agency !== null && byline.agency !== '本报';
  const placedHeadline = [
    heads.kicker && !isSectionName(heads.kicker) ? heads.kicker : null,
    heads.headline,
    heads.subheadline,
  ];
  const { county, mentioned } = resolveCounty({
    headline: placedHeadline.filter(Boolean).join(' '),
    datelinePlace: dateline?.place ?? null,
    lead,
    body: [...paragraphs.filter((p) => p !== lead), ...captions].join(''),
    wire,
  });
  const figures: Figure[] = [
    ...paragraphs.flatMap((p, i) => extractFigures(p, 'paragraphs', i)),
    ...captions.flatMap((c, i) => extractFigures(c, 'captions', i)),
  ];
  const filed = dateline?.month && dateline.day ? { month: dateline.month, day: dateline.day } : null;
  const opening = leadDate(lead);
  // 本报11月28日讯 26日晚，…: the story reports the day its opening names, a few days before it was filed.
  const reportedDay = filed && opening ? dayBeforeFiling(opening, filed) : null;
  const fromDateline = reportedDay ? null : filed;
  const fromLead = fromDateline ? null : (reportedDay ?? opening);
  const kind = kindOf({
    node: a,
    headline: heads.headline,
    kicker: heads.kicker,
    agency: byline.agency,
    dated: dateline !== null,
    signedBare,
    text: bodyText,
    letters: lettersOnly(bodyText).length,
  });
  if (kind === 'commentary' && signedBare) {
    // A signed opinion's bare names are its authors.
    byline.authors.push(...byline.reporters.filter((n) => !byline.authors.includes(n)));
    byline.reporters = [];
  }
  return {
    record: {
      source: { file, startLine, endLine },
      kind,
      kicker: heads.kicker,
      headline: heads.headline,
      subheadline: heads.subheadline,
      standfirst,
      byline,
      dateline: { raw: dateline?.raw.trim() ?? null, place: dateline?.place ?? null, agency: dateline?.agency ?? null },
      county,
      countiesMentioned: mentioned,
      topics: assignTopics(headlineText, bodyText + captions.join('')),
      figures,
      paragraphs,
      subheads,
      captions,
      credits,
      jump: a.jumps.length > 0 ? a.jumps.map(textOf).join(' ') : null,
      corrections: [...lines].sort((x, y) => x - y).flatMap((line) => correctionsAt.get(line) ?? []),
    },
    confidence: a.confidence,
    reported: fromDateline ?? fromLead,
    reportedFrom: fromDateline ? 'dateline' : fromLead ? 'lead' : null,
  };
}

declare module 'unified' {
  interface CompileResultMap {
    PageDraft: PageDraft;
  }
}

/** unified compiler: the page tree in, the page's draft records out (as file.result). */
const compileRecords: Plugin<[], PageTree, PageDraft> = function () {
  this.compiler = (node, file): PageDraft => {
    const tree = node as PageTree;
    const draft: PageDraft = {
      articles: [],
      furniture: [],
      leftovers: [],
      layout: file.data.layout ?? 'headline-first',
    };
    // The page's fixes by line, so each story finds its own without reading all of them.
    const correctionsAt = new Map<number, Correction[]>();
    for (const c of file.data.corrections ?? []) {
      if (c.line === null) continue;
      const at = correctionsAt.get(c.line);
      if (at) at.push(c);
      else correctionsAt.set(c.line, [c]);
    }
    for (const node of tree.children) {
      if (node.type === 'article') draft.articles.push(draftArticle(node, file.basename ?? '', correctionsAt));
      else if (node.type === 'furniture')
        draft.furniture.push({ line: node.block.pieces[0]?.line ?? 1, text: textOf(node.block) });
      else {
        const block = node.type === 'block' ? node : node.block;
        for (const p of block.pieces) draft.leftovers.push({ line: p.line, text: p.text.trim() });
      }
    }
    return draft;
  };
};
export default compileRecords;

export function finishArticles(
  drafts: DraftArticle[],
  pageId: string,
  issue: IssueDate,
  /** Where what an editor should check is reported (file.message). */
  file: VFile,
): Article[] {
  return drafts.map((d, k) => {
    const r = d.record;
    // The page's id and the story's place on it: a typo fixed in its text keeps its id (story-id.ts).
    const id = storyId(pageId, k + 1, r);
    const resolved = d.reported ? resolveDate(d.reported, issue) : null;
    const date = resolved ?? issue.issueDate;
    const dateSource = resolved ? (d.reportedFrom ?? 'lead') : issue.issueDate ? 'issue' : 'none';
    const where = r.source.startLine;
    const title = r.headline ?? r.kicker ?? (r.paragraphs[0] ?? r.captions[0] ?? '').slice(0, 16);
    const people =
      r.byline.reporters.length +
      r.byline.correspondents.length +
      r.byline.photographers.length +
      r.byline.authors.length;
    if (people === 0 && r.kind !== 'wire')
      file.message(`没有找到署名（记者、通讯员或作者）：「${title}」`, {
        place: { line: where, column: 1 },
        ruleId: 'no-byline',
      });
    if (!r.county && r.kind !== 'wire')
      file.message(`没有判断出所属县区：「${title}」；可在附注文件里用 county 指定`, {
        place: { line: where, column: 1 },
        ruleId: 'no-county',
      });
    if (!date)
      file.message(`没有日期：「${title}」；可在附注文件里用 date 指定`, {
        place: { line: where, column: 1 },
        ruleId: 'no-date',
      });
    return { id, ...r, date, dateSource, confidence: Math.round(d.confidence * 100) / 100 };
  });
}

export function leadDates(drafts: DraftArticle[]): MonthDay[] {
  return drafts.flatMap((d) => (d.reported && isMonthDay(d.reported) ? [d.reported] : []));
}
