/**
 * A page's name as a reader knows it: 报名 (edition), 版次 (page label) and
 * 版名 (section) — 聊城日报 A3 要闻. Each comes from the strongest source
 * that has it: the editor's sidecar, else the file name, else the page's
 * folio (the header line the grammar keeps as furniture), else none, and
 * each records where it came from. Only the folio is read on the page: body
 * text, a promo (扫码下载聊城日报客户端) or a hotline that names a paper is
 * never the paper's name.
 *
 * Page labels are spelled one way whatever the source (see page-label.ts):
 * A03 → A3, 第3版 → 3.
 */
import type { LabelOrigin, PageMeta } from '../schema.ts';
import { FOLIO_DATE, nameDateOf } from './dates.ts';
import { normalisePageLabel } from './page-label.ts';

export interface Masthead {
  edition: string | null;
  pageLabel: string | null;
  section: string | null;
  origins: { edition: LabelOrigin; pageLabel: LabelOrigin; section: LabelOrigin };
}

interface Facts {
  edition: string | null;
  pageLabel: string | null;
  section: string | null;
}

/** Short names exports give the papers in file names. */
export const EDITION_CODES: Readonly<Record<string, string>> = {
  lcrb: '聊城日报',
  dzrb: '大众日报',
  qlwb: '齐鲁晚报',
  lcwb: '聊城晚报',
};

/** A paper's name: 聊城日报, 大众日报, 齐鲁晚报, 中国青年报. */
const EDITION_NAME = /^\p{Script=Han}{2,6}(?:日报|晚报|早报|晨报|时报|商报|都市报|青年报|农民报)$/u;
const EDITION_IN_NAME = /\p{Script=Han}{2,6}?(?:日报|晚报|早报|晨报|时报|商报|都市报)/u;

/** The words a file name is made of: lcrb_2025-07-08_A3 → lcrb, 2025, 07, 08, A3. */
const nameWords = (stem: string) => stem.split(/[-_.\s]+/u).filter(Boolean);

const LETTER_LABEL = /^[A-Za-z]\d{1,2}$/u;
const HAN_LABEL_IN_NAME = /头版|第\s*[0-9一二两三四五六七八九十]{1,3}\s*版|(?<![0-9A-Za-z])[A-Za-z]?\d{1,3}\s*版/u;

/**
 * 报名 and 版次 in a file name: 聊城日报_2025-07-08_A3.txt, lcrb_A2.txt,
 * qlwb_2011-10-31_C02.txt, 2025年7月8日 第3版.txt, b_page_l4.txt. A bare
 * letter-and-number word (A2, l4) is a page label only beside a date, a paper
 * or the word page, so that notes-v2.txt has no page V2.
 */
export function mastheadFromFileName(file: string): Facts {
  const stem = file.normalize('NFKC').replace(/\.[^.]*$/u, '');
  const words = nameWords(stem);
  const code = words.find((w) => EDITION_CODES[w.toLowerCase()] !== undefined);
  const edition = (code ? EDITION_CODES[code.toLowerCase()] : EDITION_IN_NAME.exec(stem)?.[0]) ?? null;
  // A date no calendar has (2025-02-30) still stands beside its page label.
  const dated = nameDateOf(file);
  let pageLabel = dated?.pageLabel ?? null;
  const han = HAN_LABEL_IN_NAME.exec(stem);
  if (!pageLabel && han) pageLabel = normalisePageLabel(han[0]);
  if (!pageLabel) {
    const afterPage = words.findIndex((w) => w.toLowerCase() === 'page');
    const next = afterPage >= 0 ? words[afterPage + 1] : undefined;
    if (next && /^[A-Za-z]?\d{1,3}$/u.test(next)) pageLabel = normalisePageLabel(next);
  }
  if (!pageLabel && (dated || edition)) {
    const word = words.find((w) => LETTER_LABEL.test(w));
    if (word) pageLabel = normalisePageLabel(word);
  }
  return { edition, pageLabel, section: null };
}

/** The desk's names that end a folio: 责任编辑：…, 编辑：…, 美编：…. */
const DESK_CREDITS = /(?:责任编辑|责编|美术编辑|美编|编辑|校对|版式设计|版式|组版|值班编辑)\s*[:：].*$/u;
const FOLIO_LABEL = /^(?:第\s*[0-9一二两三四五六七八九十]{1,3}\s*版|[A-Z]{1,2}\d{1,2}|\d{1,2})$/u;
/** 要闻, 今日聊城·城事, 县域·聊城: a section's name, Han words joined by a dot at most. */
const SECTION_WORD = /^\p{Script=Han}{2,8}(?:·\p{Script=Han}{1,8}){0,2}$/u;

/**
 * What one furniture line says, if it is a folio: 「A2  要闻 2025年4月29日 星期二
 * 责任编辑：…」, 「2025年11月20日 星期四 A3 要闻 责任编辑…」, 「聊城日报 第3版
 * 今日聊城·城事」, 「县域·聊城  责任编辑：…」. A folio carries a page label, the
 * issue's day or the desk's names, and nothing else but a paper and a
 * section; any other line (a banner, a promo, a hotline) says nothing.
 */
export function readFolioLine(line: string): Facts | null {
  const hasDate = FOLIO_DATE.test(line);
  const hasDesk = DESK_CREDITS.test(line);
  const rest = line.normalize('NFKC').replace(FOLIO_DATE, ' ').replace(DESK_CREDITS, ' ');
  const facts: Facts = { edition: null, pageLabel: null, section: null };
  const sections: string[] = [];
  for (const word of rest.split(/\s+/u).filter(Boolean)) {
    const [paper, ...within] = word.split('·');
    if (!facts.pageLabel && FOLIO_LABEL.test(word)) facts.pageLabel = normalisePageLabel(word);
    else if (!facts.edition && EDITION_NAME.test(word)) facts.edition = word;
    // 齐鲁晚报·今日聊城: the paper, then its section.
    else if (!facts.edition && paper && EDITION_NAME.test(paper) && within.length > 0) {
      facts.edition = paper;
      sections.push(within.join('·'));
    } else if (SECTION_WORD.test(word)) sections.push(word);
    else return null;
  }
  if (!facts.pageLabel && !hasDate && !hasDesk) return null;
  facts.section = sections.length > 0 ? sections.join(' ') : null;
  return facts;
}

/**
 * 报名, 版次 and 版名 from the folio: the first folio line's, with a section
 * set on its own line right under it (B2 2022年11月29日 星期二 … / 城事·民生).
 */
export function mastheadFromFolio(furniture: ReadonlyArray<{ line: number; text: string }>): Facts {
  const out: Facts = { edition: null, pageLabel: null, section: null };
  for (const [i, f] of furniture.entries()) {
    const facts = readFolioLine(f.text);
    if (!facts) continue;
    out.edition ??= facts.edition;
    out.pageLabel ??= facts.pageLabel;
    out.section ??= facts.section;
    const below = furniture[i + 1];
    const alone = below && below.line === f.line + 1 ? below.text.trim() : '';
    if (!out.section && SECTION_WORD.test(alone)) out.section = alone;
    if (out.edition && out.pageLabel && out.section) break;
  }
  return out;
}

/** The page's 报名, 版次 and 版名, strongest source first, each with where it came from. */
export function readMasthead(input: {
  file: string;
  meta?: PageMeta | null | undefined;
  furniture: ReadonlyArray<{ line: number; text: string }>;
}): Masthead {
  const fromMeta: Facts = {
    edition: input.meta?.edition ?? null,
    pageLabel: input.meta?.page ? (normalisePageLabel(input.meta.page) ?? input.meta.page.trim()) : null,
    section: input.meta?.section ?? null,
  };
  const sources: Array<[LabelOrigin, Facts]> = [
    ['meta', fromMeta],
    ['filename', mastheadFromFileName(input.file)],
    ['folio', mastheadFromFolio(input.furniture)],
  ];
  const pick = (field: keyof Facts): [string | null, LabelOrigin] => {
    for (const [origin, facts] of sources) {
      const value = facts[field];
      if (value) return [value, origin];
    }
    return [null, 'none'];
  };
  const [edition, editionFrom] = pick('edition');
  const [pageLabel, pageLabelFrom] = pick('pageLabel');
  const [section, sectionFrom] = pick('section');
  return {
    edition,
    pageLabel,
    section,
    origins: { edition: editionFrom, pageLabel: pageLabelFrom, section: sectionFrom },
  };
}
