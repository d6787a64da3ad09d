/**
 * What `npm run check:seeds` tells a newsroom about each seed, in Chinese:
 * the page's 报名 · 日期 · 版次 · 版名 and where each came from; its stories,
 * the least certain first, each with its id, lines, title and what is
 * doubtful; the page's own problems; and the sidecar's problems apart, with
 * the sidecar's name and line. A page that would lose text (leftovers, a copy
 * or a file that cannot be read) or whose date is only a guess blocks
 * publishing: the command then exits 1.
 */
import type { Article, DateSource, LabelOrigin, Page, Warning } from './schema.ts';
import type { SeedResult } from './seeds.ts';
import { KIND_NAMES, fieldName, fieldValue } from './site/labels.ts';
import { pageNumberName } from './site/page-names.ts';
import { formatDate, formatPageDate } from './site/format.ts';
import { titleOf } from './site/titles.ts';

export interface PageReport {
  lines: string[];
  /** Publishing this page would lose text, or its date is a guess. */
  blocking: boolean;
  stories: number;
  doubts: number;
}

const ORIGIN_WORDS: Record<LabelOrigin | DateSource, string> = {
  meta: '附注文件',
  filename: '文件名',
  folio: '版头',
  text: '正文推断',
  none: '无',
  dateline: '电头',
  lead: '导语',
  issue: '出版日期',
};

/** What a warning the records carry means, said of the story it is on. */
const STORY_DOUBTS: Partial<Record<Warning['code'], string>> = {
  'no-byline': '没有找到署名（记者、通讯员或作者）',
  'no-county': '没有判断出所属县区：可在附注文件里用 county 指定',
  'no-date': '没有日期',
};
const SIDECAR_CODES = new Set<Warning['code']>(['meta', 'correction']);

const percent = (confidence: number) => `${Math.round(confidence * 100)}%`;
const quote = (text: string, max = 24) => `「${text.length > max ? `${text.slice(0, max)}…` : text}」`;

/** 聊城日报 · 2025年7月8日 · A3版 · 要闻 (版次 said as the site says it), with a question mark for what is not known. */
function pageName(page: Page): string {
  // The site's wording for a page's date; a question mark where nothing at all is known, for the editor to fill in.
  const date = page.issueDate || page.year ? formatPageDate(page) : '日期？';
  const label = pageNumberName(page.pageLabel) ?? '版次？';
  return [page.edition ?? '报名？', date, label, ...(page.section ? [page.section] : [])].join(' · ');
}

function origins(page: Page): string {
  const o = page.origins;
  return [
    `报名：${ORIGIN_WORDS[o.edition]}`,
    `日期：${ORIGIN_WORDS[page.dateSource]}`,
    `版次：${ORIGIN_WORDS[o.pageLabel]}`,
    `版名：${ORIGIN_WORDS[o.section]}`,
  ].join('  ');
}

interface StoryNotes {
  article: Article;
  doubts: string[];
}

/** Each story with what is doubtful about it, the least certain first, then by the number of doubts and by line. */
function storyNotes(articles: Article[], warnings: Warning[]): StoryNotes[] {
  const storyAt = (line: number) => articles.find((a) => a.source.startLine <= line && line <= a.source.endLine);
  const boundaries = new Map<Article, string[]>(articles.map((a) => [a, []]));
  const others = new Map<Article, string[]>(articles.map((a) => [a, []]));
  // Warnings come in line order: each story's doubts read top to bottom, its boundaries first.
  for (const w of warnings) {
    const story = w.line === null ? undefined : storyAt(w.line);
    if (!story) continue;
    if (w.code === 'doubtful-boundary') boundaries.get(story)?.push(`第 ${w.line} 行 ${w.message}`);
    else if (STORY_DOUBTS[w.code]) others.get(story)?.push(STORY_DOUBTS[w.code] ?? '');
  }
  return articles
    .map((article) => ({ article, doubts: [...(boundaries.get(article) ?? []), ...(others.get(article) ?? [])] }))
    .sort(
      (a, b) =>
        a.article.confidence - b.article.confidence ||
        b.doubts.length - a.doubts.length ||
        a.article.source.startLine - b.article.source.startLine,
    );
}

function storyLines({ article: a, doubts }: StoryNotes): string[] {
  const lines =
    a.source.startLine === a.source.endLine ? `${a.source.startLine}` : `${a.source.startLine}–${a.source.endLine}`;
  const facts = [KIND_NAMES[a.kind], a.date ? formatDate(a.date) : '日期？', a.county?.name ?? '县区？'].join(' · ');
  const sure = a.confidence < 0.5 ? `分篇把握 ${percent(a.confidence)}（存疑）` : `分篇把握 ${percent(a.confidence)}`;
  const out = [`  ${doubts.length > 0 || a.confidence < 0.5 ? '?' : '·'} 第 ${lines} 行${quote(titleOf(a))}  ${a.id}`];
  out.push(`      ${facts}  ${sure}`);
  for (const d of doubts) out.push(`      - ${d}`);
  for (const c of a.corrections.filter((x) => x.type === 'editor')) {
    const [from, to] = [fieldValue(c.field, c.from), fieldValue(c.field, c.to)];
    out.push(`      已按附注文件更正 ${fieldName(c.field)}：${quote(from, 16)} → ${quote(to, 16)}`);
  }
  return out;
}

/** The report of one page that was read. */
export function pageReport(page: Page, articles: Article[]): PageReport {
  const pageProblems: string[] = [];
  let blocking = false;
  if (page.dateSource === 'text' || page.dateSource === 'none') {
    blocking = true;
    pageProblems.push(
      page.dateSource === 'text'
        ? `日期只是从正文推断的（${page.issueDate ? formatDate(page.issueDate) : `${page.year ?? '?'}年`}），不一定是出版日期：请在文件名（如 2025-07-08_A3.txt）或附注文件的 date 里写明`
        : '找不到日期：请在文件名（如 2025-07-08_A3.txt）或附注文件的 date 里写明',
    );
  }
  // A name whose date no calendar has (2025-02-30) left the page with a year at most: its
  // date is unknown, and the 'file-name' warning below says why.
  if (page.issueDate === null && page.warnings.some((w) => w.code === 'file-name')) blocking = true;
  for (const l of page.leftovers) {
    blocking = true;
    pageProblems.push(
      `第 ${l.line} 行不属于任何一篇，发布时不会出现：${quote(l.text, 30)}；可用附注文件的 moveLeftovers 移到某一篇`,
    );
  }
  const storyCodes = new Set(['doubtful-boundary', ...Object.keys(STORY_DOUBTS)]);
  for (const w of page.warnings) {
    if (SIDECAR_CODES.has(w.code) || w.code === 'leftover') continue;
    if (storyCodes.has(w.code) && w.line !== null) continue;
    if (w.code === 'no-date' && (page.dateSource === 'none' || page.dateSource === 'text')) continue;
    pageProblems.push(`${w.line ? `第 ${w.line} 行 ` : ''}${w.message}`);
  }
  const sidecarProblems = page.warnings.filter((w) => SIDECAR_CODES.has(w.code)).map((w) => w.message);

  const notes = storyNotes(articles, page.warnings);
  const doubts = notes.filter((n) => n.doubts.length > 0 || n.article.confidence < 0.5).length;
  const mark = blocking ? '✗' : doubts > 0 || pageProblems.length > 0 || sidecarProblems.length > 0 ? '!' : '✓';
  const lines = [
    `${mark} ${page.file}：${pageName(page)}`,
    `  来源  ${origins(page)}`,
    `  ${articles.length} 篇稿件${doubts > 0 ? `，${doubts} 篇存疑（最可疑的在前）` : ''}`,
    ...notes.flatMap(storyLines),
  ];
  if (pageProblems.length > 0) lines.push(`  版面问题（${page.file}）：`, ...pageProblems.map((p) => `    - ${p}`));
  if (sidecarProblems.length > 0) lines.push('  附注文件问题：', ...sidecarProblems.map((p) => `    - ${p}`));
  return { lines, blocking, stories: articles.length, doubts };
}

/** Why a seed was not read, in Chinese, naming the file kept instead where there is one. */
export function problemReport(result: Extract<SeedResult, { ok: false }>): PageReport {
  const { file, problem } = result;
  // The same words the build log gives (seeds.ts): what is wrong, and what to do.
  return {
    lines: [`${problem.fatal ? '✗' : '!'} ${file}：${problem.message}`],
    blocking: problem.fatal,
    stories: 0,
    doubts: 0,
  };
}

export function seedReport(result: SeedResult): PageReport {
  return result.ok ? pageReport(result.parsed.page, result.parsed.articles) : problemReport(result);
}
