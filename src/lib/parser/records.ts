/**
 * unified plugin: turns each article node into an Article record — byline,
 * dateline, paragraphs, captions, date, county, figures, topics, kind — and
 * the page's leftovers and furniture into the Page record.
 */
import type { Plugin } from 'unified';
import type { Article, Byline, Correction, Figure, Page, Warning } from '../schema.ts';
import type { ArticleNode, BlockNode, PageTree } from './tree.ts';
import { assignHeadlineRoles } from './headlines.ts';
import {
  asPhotoCredit,
  emptyPeople,
  mergePeople,
  parseAuthorLine,
  parseCreditLine,
  parseDateline,
  scanCredit,
  type ParsedDateline,
  type People,
} from './bylines.ts';
import { paragraphsOf } from './wrapping.ts';
import { displayWidth, endsSentence, lettersOnly } from './text.ts';
import { isMonthDay, leadDate, resolveDate, type IssueDate, type MonthDay, type ReportedDay } from './dates.ts';
import { resolveCounty } from './county.ts';
import { extractFigures } from './figures.ts';
import { assignTopics } from './topics.ts';
import { COMMENTARY_LABEL } from './labels.ts';

/** An article before the page's issue date is known. */
export interface DraftArticle {
  record: Omit<Article, 'id' | 'date' | 'dateSource'>;
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
const textOf = (b: BlockNode) => b.pieces.map((p) => p.text.trim()).join(' ');

/** The median width of lines cut mid-sentence: the column width of a hard-wrapped story. */
function wrapWidthOf(blocks: BlockNode[]): number | null {
  const widths: number[] = [];
  for (const b of blocks) {
    for (const p of b.pieces.slice(0, -1)) if (!endsSentence(p.text)) widths.push(displayWidth(p.text.trim()));
  }
  if (widths.length < 3) return null;
  widths.sort((a, b) => a - b);
  return widths[Math.floor(widths.length / 2)] ?? null;
}

function peopleOfCreditBlock(b: BlockNode): People {
  const people = emptyPeople();
  for (const p of b.pieces) {
    const inner = p.text
      .trim()
      .replace(/^[■□●▲◆★]\s*/u, '')
      .replace(/^[（(]|[）)]$/gu, '');
    const parsed = parseCreditLine(p.text) ?? scanCredit(inner)?.people;
    if (parsed) mergePeople(people, parsed);
  }
  return people;
}

function kindOf(
  a: ArticleNode,
  headline: string | null,
  kicker: string | null,
  agency: string | null,
  bodyLength: number,
): Article['kind'] {
  if (agency && agency !== '本报') return 'wire';
  if (a.layout === 'photo') return 'photo';
  if (a.author || (kicker && COMMENTARY_LABEL.test(kicker))) return 'commentary';
  if (!headline && bodyLength < 300) return 'brief';
  return 'news';
}

function draftArticle(a: ArticleNode, file: string, corrections: Correction[]): DraftArticle {
  const heads = assignHeadlineRoles(a.headlineBlocks);
  const standfirst = a.standfirst.length > 0 ? paragraphsOf(a.standfirst, null).join('') : null;

  // Byline: credit blocks, then a dateline opening the first paragraph.
  const people = emptyPeople();
  const raw: string[] = [];
  for (const b of a.bylines) {
    raw.push(textOf(b));
    const credited = peopleOfCreditBlock(b);
    mergePeople(people, a.layout === 'photo' ? asPhotoCredit(credited) : credited);
  }
  if (a.author) {
    raw.push(textOf(a.author));
    people.authors.push(...(parseAuthorLine(textOf(a.author)) ?? []));
  }
  const body = a.body.map((b) => ({ ...b, pieces: b.pieces.map((p) => ({ ...p })) }));
  let dateline: ParsedDateline | null = null;
  const firstPiece = body[0]?.pieces[0];
  if (firstPiece) {
    dateline = parseDateline(firstPiece.text);
    if (dateline) {
      raw.push(dateline.raw.trim());
      mergePeople(people, dateline.people);
      firstPiece.text = firstPiece.text.slice(dateline.raw.length);
      if (firstPiece.text.trim() === '') body[0]?.pieces.shift();
    }
  }

  // Paragraphs, with the subheads of a long feature in place.
  const wrap = wrapWidthOf(body);
  const paragraphs: string[] = [];
  const subheads: number[] = [];
  let run: BlockNode[] = [];
  const flush = () => {
    paragraphs.push(...paragraphsOf(run, wrap));
    run = [];
  };
  const subheadsAt = (k: number) => a.subheads.filter((h) => h.before === k).map((h) => h.block);
  const pushSubheads = (k: number) => {
    for (const sub of subheadsAt(k)) {
      subheads.push(paragraphs.length);
      paragraphs.push(textOf(sub));
    }
  };
  body.forEach((b, k) => {
    if (subheadsAt(k).length > 0) {
      flush();
      pushSubheads(k);
    }
    if (b.pieces.length > 0) run.push(b);
  });
  flush();
  pushSubheads(body.length);

  // Captions, with any photo credit printed apart from them. A photo story's
  // text is its caption, printed with the credit after it.
  const captions = a.captions.map((b) => paragraphsOf([b], null).join(''));
  if (a.layout === 'photo') {
    const caption = paragraphs.splice(0).join('');
    captions.unshift([caption, ...a.bylines.map(textOf)].join(' ').trim());
  }
  const credits = a.credits.map((b) => {
    const p = asPhotoCredit(peopleOfCreditBlock(b));
    return { raw: textOf(b), photographers: p.photographers, correspondents: p.correspondents };
  });
  for (const c of credits) {
    if (captions.length > 0) captions[captions.length - 1] = `${captions[captions.length - 1]} ${c.raw.trim()}`;
    else captions.push(c.raw.trim());
  }

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
  ];
  const lines = new Set(allBlocks.flatMap(linesOf));
  const startLine = Math.min(...lines);
  const endLine = Math.max(...lines);

  const headlineText = [heads.kicker, heads.headline, heads.subheadline].filter(Boolean).join(' ');
  const lead = paragraphs.find((_, i) => !subheads.includes(i)) ?? captions[0] ?? '';
  const bodyText = paragraphs.join('');
  const agency = dateline?.agency ?? (raw.length > 0 ? '本报' : null);
  const byline: Byline = { raw: raw.join(' '), ...people, agency };
  const { county, mentioned } = resolveCounty({
    headline: headlineText,
    datelinePlace: dateline?.place ?? null,
    lead,
    body: [...paragraphs.filter((p) => p !== lead), ...captions].join(''),
    wire: agency !== null && agency !== '本报',
  });
  const figures: Figure[] = [
    ...paragraphs.flatMap((p, i) => extractFigures(p, 'paragraphs', i)),
    ...captions.flatMap((c, i) => extractFigures(c, 'captions', i)),
  ];
  const fromDateline = dateline?.month && dateline.day ? { month: dateline.month, day: dateline.day } : null;
  const fromLead = fromDateline ? null : leadDate(lead);
  return {
    record: {
      source: { file, startLine, endLine },
      kind: kindOf(a, heads.headline, heads.kicker, dateline?.agency ?? null, lettersOnly(bodyText).length),
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
      corrections: corrections.filter((c) => c.line !== null && lines.has(c.line)),
    },
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
    const corrections = file.data.corrections ?? [];
    for (const node of tree.children) {
      if (node.type === 'article') draft.articles.push(draftArticle(node, file.basename ?? '', corrections));
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

/** FNV-1a, base 36: short, stable ids from text. */
export function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}

export function finishArticles(
  drafts: DraftArticle[],
  pageId: string,
  issue: IssueDate,
  warnings: Warning[],
): Article[] {
  const used = new Set<string>();
  return drafts.map((d) => {
    const r = d.record;
    const key = lettersOnly(r.paragraphs[0] ?? r.captions[0] ?? r.headline ?? '').slice(0, 40);
    let id = `${pageId}-${shortHash(key || String(r.source.startLine))}`;
    for (let n = 2; used.has(id); n++) id = `${pageId}-${shortHash(key)}-${n}`;
    used.add(id);
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
      warnings.push({ line: where, code: 'no-byline', message: `no byline: 「${title}」` });
    if (!r.county && r.kind !== 'wire')
      warnings.push({ line: where, code: 'no-county', message: `no county: 「${title}」` });
    if (!date) warnings.push({ line: where, code: 'no-date', message: `date not found: 「${title}」` });
    return { id, ...r, date, dateSource };
  });
}

export function leadDates(drafts: DraftArticle[]): MonthDay[] {
  return drafts.flatMap((d) => (d.reported && isMonthDay(d.reported) ? [d.reported] : []));
}
