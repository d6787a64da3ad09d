/**
 * parsePage: one seed page's text in, typed records out. A pure function: no
 * file system, no Astro. The grammar runs as a unified pipeline — remark-parse
 * for block structure, then this folder's plugins, one job each.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import blocksOnly from './blocks-only.ts';
import boundedParse from './bounded-parse.ts';
import { cleanPageText } from './clean-text.ts';
import { pageIdOf } from './page-id.ts';
import { VFile } from 'vfile';
import { Article as ArticleSchema, Page as PageSchema, Warning as WarningSchema } from '../schema.ts';
import type { Article, Page, PageMeta, Warning } from '../schema.ts';
import type { Node } from 'unist';
import type { BlockNode, PageTree } from './tree.ts';
import rawBlocks from './raw-blocks.ts';
import fixOcr from './ocr.ts';
import classifyBlocks from './classify-blocks.ts';
import segmentArticles from './segment.ts';
import compileRecords, { finishArticles, leadDates, type PageDraft } from './records.ts';
import { readMasthead } from './masthead.ts';
import {
  dateFromFileName,
  folioDate,
  impossibleBecause,
  issueDateFromText,
  nameDateOf,
  yearFromFileName,
  type IssueDate,
} from './dates.ts';

export { PARSER_VERSION } from './version.ts';
export { pageIdOf } from './page-id.ts';

export interface ParseInput {
  /** The seed's file name (no directory): it names the page and may carry its date. */
  file: string;
  text: string;
  encoding?: string;
  meta?: PageMeta | null;
  /** Problems found before parsing (a bad sidecar), reported with the page. */
  warnings?: Warning[];
}

export interface ParsedPage {
  page: Page;
  articles: Article[];
}

/** The grammar up to the segmenter: the page's blocks with their roles. */
const blockStages = unified()
  .use(remarkParse)
  .use(boundedParse)
  .use(blocksOnly)
  .use(rawBlocks)
  .use(fixOcr)
  .use(classifyBlocks)
  .freeze();
/** The whole grammar: those stages, then the stories and their records. */
const processor = blockStages().use(segmentArticles).use(compileRecords).freeze();

/** A page's blocks, each with its role (for the tools and tests that look at one stage). */
export function roleBlocks(pageText: string): BlockNode[] {
  const { text, corrections } = cleanPageText(pageText);
  const file = new VFile({ value: text, data: { lines: text.split('\n'), corrections } });
  const tree: Node = blockStages.runSync(blockStages.parse(file), file);
  return isPageTree(tree) ? tree.children.filter((n): n is BlockNode => n.type === 'block') : [];
}

const isPageTree = (node: Node): node is PageTree => node.type === 'page';

function issueDateOf(input: ParseInput, text: string, draft: PageDraft): IssueDate {
  if (input.meta?.date) {
    return { issueDate: input.meta.date, year: Number(input.meta.date.slice(0, 4)), source: 'meta' };
  }
  const fromName = dateFromFileName(input.file);
  if (fromName) return { issueDate: fromName.date, year: Number(fromName.date.slice(0, 4)), source: 'filename' };
  const fromFolio = folioDate(draft.furniture.map((f) => f.text));
  if (fromFolio) return { issueDate: fromFolio, year: Number(fromFolio.slice(0, 4)), source: 'folio' };
  const fromText = issueDateFromText(text, leadDates(draft.articles));
  const year = yearFromFileName(input.file);
  // A year in the name outranks one guessed from the text; the day is then the stories' own.
  if (year && fromText.year !== year) return { issueDate: null, year, source: 'filename' };
  return fromText;
}

/** What the plugins and the records reported through file.message, as the page's warnings (rule id = code). */
function grammarWarnings(file: VFile): Warning[] {
  return file.messages.map((m) => ({
    line: m.line ?? null,
    code: WarningCode.parse(m.ruleId),
    message: m.reason,
  }));
}
const WarningCode = WarningSchema.shape.code;

export function parsePage(input: ParseInput): ParsedPage {
  const { text, corrections } = cleanPageText(input.text);
  const lines = text.split('\n');
  const file = new VFile({ value: text, path: input.file, data: { lines, corrections: [...corrections] } });
  const cleaned = [...new Set(corrections.map((c) => c.line ?? 0))];
  if (cleaned.length > 0) {
    file.message(
      `去掉了 ${cleaned.length} 行里的控制字符（control characters）：第 ${cleaned.slice(0, 5).join('、')}${cleaned.length > 5 ? ' 等' : ''} 行`,
      { place: { line: cleaned[0] ?? 1, column: 1 }, ruleId: 'encoding' },
    );
  }
  const draft: PageDraft = processor.processSync(file).result;

  const issue = issueDateOf(input, text, draft);
  // A date in the name no calendar has is not used, and said, unless the sidecar gives the date.
  const named = nameDateOf(input.file);
  if (named && !named.date && !input.meta?.date) {
    const label = named.pageLabel ? `；版次 ${named.pageLabel} 照常读取` : '';
    file.message(
      `文件名里的日期「${named.written}」不存在（${impossibleBecause(named)}），没有使用${label}：请改正文件名里的日期，或在附注文件里写 date`,
      { ruleId: 'file-name' },
    );
  }
  if (!issue.year)
    file.message('找不到出版日期：请在文件名（如 2025-07-08_A3.txt）或附注文件的 date 里写明', { ruleId: 'no-date' });
  const pageId = pageIdOf(input.file);
  const articles = finishArticles(draft.articles, pageId, issue, file).map((a) => ArticleSchema.parse(a));
  for (const l of draft.leftovers)
    file.message(
      `这一行不属于任何一篇，发布时不会出现：「${l.text.slice(0, 30)}」；可用附注文件的 moveLeftovers 移到某一篇`,
      {
        place: { line: l.line, column: 1 },
        ruleId: 'leftover',
      },
    );
  // Everything the grammar and the records reported, with what came in (a bad sidecar), in line order.
  const warnings: Warning[] = [...(input.warnings ?? []), ...grammarWarnings(file)];
  warnings.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));

  const page = PageSchema.parse({
    file: input.file,
    id: pageId,
    issueDate: issue.issueDate,
    year: issue.year,
    dateSource: issue.source,
    ...readMasthead({ file: input.file, meta: input.meta, furniture: draft.furniture }),
    encoding: input.encoding ?? 'utf-8',
    layout: draft.layout,
    lineCount: lines.length,
    articleIds: articles.map((a) => a.id),
    furniture: draft.furniture,
    leftovers: draft.leftovers,
    warnings,
  });
  return { page, articles };
}
