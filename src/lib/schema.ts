/**
 * The record contract: every page and article the parser emits is validated
 * against these schemas, and every type in the project is inferred from them.
 */
import { z } from 'zod';

/** The years a page or a story may carry: one rule for the parser, the sidecars and the records. */
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2200;
const inPaperYears = (year: number) => year >= FIRST_YEAR && year <= LAST_YEAR;
export const isPaperYear = (year: number) => Number.isInteger(year) && inPaperYears(year);

/** A calendar date (YYYY-MM-DD) in the years above. */
const isoDate = z.iso
  .date()
  .refine((d) => inPaperYears(Number(d.slice(0, 4))), `a date between ${FIRST_YEAR} and ${LAST_YEAR}`);

export const ARTICLE_KINDS = ['news', 'photo', 'commentary', 'wire', 'brief'] as const;
export const ArticleKind = z.enum(ARTICLE_KINDS);

/** Where a date came from, strongest first. */
export const DATE_SOURCES = ['meta', 'filename', 'folio', 'dateline', 'lead', 'text', 'issue', 'none'] as const;
export const DateSource = z.enum(DATE_SOURCES);

export const SourceRef = z.object({
  file: z.string().min(1),
  startLine: z.number().int().positive(),
  endLine: z.number().int().positive(),
});

export const Byline = z.object({
  /** The credit lines exactly as printed (dateline brackets included). */
  raw: z.string(),
  reporters: z.array(z.string()),
  correspondents: z.array(z.string()),
  photographers: z.array(z.string()),
  authors: z.array(z.string()),
  /** 本报, 新华社, … — who filed the story. */
  agency: z.string().nullable(),
});

export const Dateline = z.object({
  /** The dateline as printed, with any bracketed credit: 本报讯(记者 张浩). */
  raw: z.string().nullable(),
  /** 聊城 in 本报聊城讯, 北京 in 新华社北京12月23日电; null for a bare 本报讯. */
  place: z.string().nullable(),
  agency: z.string().nullable(),
});

export const CountyRef = z.object({
  slug: z.string().regex(/^[a-z]+$/),
  name: z.string().min(1),
});

export const Figure = z.object({
  value: z.number(),
  /** The number exactly as printed: "1689.0", "1,234". */
  valueText: z.string(),
  unit: z.string().min(1),
  /** The whole match as printed, qualifiers included: "近3000家", "200余套". */
  text: z.string(),
  /** The words before the number that say what it measures: 产值, 同比增长. */
  label: z.string(),
  /** 近/约/超/余/多/以上 …: the figure is approximate or a bound. */
  qualifier: z.string().nullable(),
  /** Where the figure sits, so the site can mark it in the text. */
  field: z.enum(['paragraphs', 'captions']),
  index: z.number().int().nonnegative(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});

export const Correction = z.object({
  /** ocr: a known misreading fixed in the text; cleanup: a control character removed at the parser's door; editor: a sidecar correction. */
  type: z.enum(['ocr', 'cleanup', 'editor']),
  field: z.string(),
  from: z.string(),
  to: z.string(),
  line: z.number().int().positive().nullable(),
  note: z.string().optional(),
});

export const Credit = z.object({
  raw: z.string(),
  photographers: z.array(z.string()),
  correspondents: z.array(z.string()),
});

export const Article = z.object({
  id: z.string().regex(/^[a-z0-9]+(?:[-_][a-z0-9]+)*$/),
  source: SourceRef,
  kind: ArticleKind,
  kicker: z.string().nullable(),
  headline: z.string().nullable(),
  subheadline: z.string().nullable(),
  standfirst: z.string().nullable(),
  byline: Byline,
  dateline: Dateline,
  date: isoDate.nullable(),
  dateSource: DateSource,
  county: CountyRef.nullable(),
  countiesMentioned: z.array(CountyRef),
  topics: z.array(z.string()).max(3),
  figures: z.array(Figure),
  /** Body text; empty for a photo story, whose text is its caption. */
  paragraphs: z.array(z.string()),
  /** Indexes into paragraphs of the subheads inside a long feature. */
  subheads: z.array(z.number().int().nonnegative()),
  /** Captions as printed, with the photo credit that follows them. */
  captions: z.array(z.string()),
  /** Photo credits printed apart from the story's own byline. */
  credits: z.array(Credit),
  /** The jump line that continues the story elsewhere: （下转第8版）. */
  jump: z.string().nullable(),
  corrections: z.array(Correction),
  /**
   * How sure the parser is of where the story starts and ends, 0–1: how close
   * the runner-up reading of its boundaries came (1: not close at all).
   */
  confidence: z.number().min(0).max(1),
});

export const Warning = z.object({
  line: z.number().int().positive().nullable(),
  code: z.enum([
    'no-byline',
    'no-county',
    'no-date',
    'leftover',
    'encoding',
    'meta',
    'correction',
    'doubtful-boundary',
    /** The file name says something impossible (a date no calendar has). */
    'file-name',
  ]),
  message: z.string(),
});

const LineText = z.object({ line: z.number().int().positive(), text: z.string() });

/** Where a page's 报名, 版次 or 版名 came from, strongest first. */
export const LABEL_ORIGINS = ['meta', 'filename', 'folio', 'none'] as const;
export const LabelOrigin = z.enum(LABEL_ORIGINS);

export const Page = z.object({
  file: z.string().min(1),
  /** URL-safe id derived from the file name. */
  id: z.string().regex(/^[a-z0-9]+(?:[-_][a-z0-9]+)*$/),
  issueDate: isoDate.nullable(),
  year: z.number().int().min(FIRST_YEAR).max(LAST_YEAR).nullable(),
  dateSource: DateSource,
  /** 报名: 聊城日报, 大众日报. */
  edition: z.string().nullable(),
  /** 版次 in one spelling (parser/page-label.ts): A3 (A03), 5 (第5版), C2 (C02). */
  pageLabel: z.string().nullable(),
  /** 版名: 要闻, 今日聊城·城事. */
  section: z.string().nullable(),
  /** Where each of those came from. */
  origins: z.object({ edition: LabelOrigin, pageLabel: LabelOrigin, section: LabelOrigin }),
  encoding: z.string(),
  /** Where the page sets its headlines: above their stories, below them, or some of each. */
  layout: z.enum(['headline-first', 'headline-after', 'mixed']),
  lineCount: z.number().int().nonnegative(),
  articleIds: z.array(z.string()),
  /** Banners, promos and other page furniture, in page order. */
  furniture: z.array(LineText),
  /** Text kept but not assigned to any article. */
  leftovers: z.array(LineText),
  warnings: z.array(Warning),
});

export const ParseOutput = z.object({
  pages: z.array(Page),
  articles: z.array(Article),
});

/** An editor's sidecar, seeds/NAME.meta.json: the page's own facts. */
export const PageMeta = z
  .object({
    date: isoDate.optional(),
    edition: z.string().min(1).optional(),
    page: z.string().min(1).optional(),
    /** 版名: 要闻, 今日聊城·城事. */
    section: z.string().min(1).optional(),
  })
  .strict();

/** One article's corrections in a sidecar, under "corrections": { "<article id>": { … } }. */
export const ArticleFix = z
  .object({
    headline: z.string().min(1).nullable().optional(),
    kicker: z.string().min(1).nullable().optional(),
    subheadline: z.string().min(1).nullable().optional(),
    /** A county slug or name (临清市, linqing, 市级), or null for none. */
    county: z.string().min(1).nullable().optional(),
    date: isoDate.optional(),
    kind: ArticleKind.optional(),
    byline: z
      .object({
        reporters: z.array(z.string().min(1)).optional(),
        correspondents: z.array(z.string().min(1)).optional(),
        photographers: z.array(z.string().min(1)).optional(),
        authors: z.array(z.string().min(1)).optional(),
      })
      .strict()
      .optional(),
    /** Join the next article on the page to this one. */
    mergeWithNext: z.literal(true).optional(),
    /** Start a new article at this paragraph (1 is the first). */
    splitAtParagraph: z.number().int().min(2).optional(),
    /** Why, shown with the correction. */
    note: z.string().min(1).optional(),
  })
  .strict();

/** Text to move from the page's leftovers into an article: { "line": 12, "to": "<article id>" }. */
export const LeftoverMove = z.object({ line: z.number().int().positive(), to: z.string().min(1) }).strict();

export type ArticleKind = z.infer<typeof ArticleKind>;
export type DateSource = z.infer<typeof DateSource>;
export type LabelOrigin = z.infer<typeof LabelOrigin>;
export type Byline = z.infer<typeof Byline>;
export type Dateline = z.infer<typeof Dateline>;
export type CountyRef = z.infer<typeof CountyRef>;
export type Figure = z.infer<typeof Figure>;
export type Correction = z.infer<typeof Correction>;
export type Credit = z.infer<typeof Credit>;
export type Article = z.infer<typeof Article>;
export type Warning = z.infer<typeof Warning>;
export type Page = z.infer<typeof Page>;
export type ParseOutput = z.infer<typeof ParseOutput>;
export type PageMeta = z.infer<typeof PageMeta>;
export type ArticleFix = z.infer<typeof ArticleFix>;
export type LeftoverMove = z.infer<typeof LeftoverMove>;
