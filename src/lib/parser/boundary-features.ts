/**
 * What a unit does in its story (its part), and the few named features that
 * score each reading: whether a unit can be a headline, a credit, a lead…,
 * and whether a new story starts between two units. Each feature is a fact a
 * newsroom reader would point to ("the paragraph above stops mid-sentence",
 * "a dateline opens this paragraph"); its weight says how much it counts.
 * The weights are few and were set by hand against the seeds and the real
 * corpus together (npm run score): positive favours the reading, negative
 * argues against it.
 */
import type { Unit } from './units.ts';
import { displayWidth } from './text.ts';

export const STORY_PARTS = ['head', 'top', 'lead', 'body', 'subhead', 'close', 'tail', 'furniture'] as const;
/**
 * head: a headline group above its story (kicker, headline, subheadline, label);
 * top: credits, standfirst or author set above the body; lead: the story's
 * first paragraph; body; subhead: a heading inside the body; close: a line
 * after the body (signoff, photo credit, source, jump, cross-reference);
 * tail: a headline set below its story; furniture: page furniture.
 */
export type StoryPart = (typeof STORY_PARTS)[number];

/** Headlines above their stories, below them, or each heading placed by its kinship (mixed). */
export type Layout = 'headline-first' | 'headline-after' | 'mixed';

/** A step from `from` to `to` starts a new story. */
export function startsStory(from: StoryPart | null, to: StoryPart): boolean {
  return (to === 'head' || to === 'top' || to === 'lead') && from !== 'head' && from !== 'top';
}

const NEXT: Record<StoryPart | 'start', readonly StoryPart[]> = {
  start: ['head', 'top', 'lead', 'furniture'],
  head: ['head', 'top', 'lead'],
  top: ['top', 'lead'],
  lead: ['body', 'subhead', 'close', 'tail', 'head', 'top', 'lead', 'furniture'],
  body: ['body', 'subhead', 'close', 'tail', 'head', 'top', 'lead', 'furniture'],
  subhead: ['subhead', 'body'],
  close: ['close', 'body', 'subhead', 'tail', 'head', 'top', 'lead', 'furniture'],
  tail: ['tail', 'head', 'top', 'lead', 'furniture'],
  furniture: ['furniture', 'head', 'top', 'lead'],
};
/** Where a page may end: not inside a headline group, a credit or a subhead. */
export const MAY_END = new Set<StoryPart>(['lead', 'body', 'close', 'tail', 'furniture']);

/** The gap between two units, as the features see it. */
interface Gap {
  /** The unit before `before`, if any. */
  above: Unit | undefined;
  before: Unit;
  after: Unit;
  /** The unit after `after`, if any. */
  next: Unit | undefined;
  from: StoryPart;
  to: StoryPart;
  layout: Layout;
}

export interface Feature {
  name: string;
  /** What it means, in words an editor understands (shown by check:seeds). */
  says: string;
  weight: number;
  test(g: Gap): boolean;
}

/** Widest a subhead runs, all its lines together. */
const SUBHEAD_WIDTH = 26;

/** Longest caption set inside a story's text with its credit (太平新村一景。新华社记者张力元 摄). */
const INLINE_CAPTION_LETTERS = 40;

/** A picture's credit set right under its caption, with no blank line between. */
const isCaptionCredit = (u: Unit | undefined) =>
  u !== undefined && u.gapBefore === 0 && (u.shape === 'photo-credit' || (u.shape === 'byline' && !u.reportCredit));

/** 本报见习记者 王皇 set right under a story's first paragraph (its 导语): the story goes on. */
const creditAfterLead = (g: Gap) =>
  g.from === 'close' &&
  g.before.shape === 'byline' &&
  g.before.gapBefore === 0 &&
  !g.before.photoCredit &&
  !g.before.reportCredit &&
  g.above?.firstUnderHeadline === true;

/** 8月28日，工人在…, 近日，在…正在…: a caption says when and where the picture was taken. */
const opensLikeCaption = (u: Unit) => u.captionShaped && (u.datedLead || u.captionWording);

/** Features of a step that starts a new story. */
export const START_FEATURES: Feature[] = [
  {
    name: 'new-story',
    says: '每多分一篇稿件都要有依据',
    weight: -1,
    test: () => true,
  },
  {
    name: 'mid-sentence',
    says: '上一段在句子中间断开',
    weight: -6,
    test: (g) => g.before.shape === 'paragraph' && !g.before.finished,
  },
  {
    name: 'after-closing-line',
    says: '上方是署名、图片署名、来源、转版或参见行，上一篇到此结束',
    weight: 2,
    test: (g) => g.from === 'close' && !creditAfterLead(g),
  },
  {
    name: 'after-tail-headline',
    says: '上方是压在稿件下面的标题，上一篇到此结束',
    weight: 1,
    test: (g) => g.from === 'tail',
  },
  {
    name: 'dated-lead',
    says: '本段以日期开始（7日晚，…／8月28日，…）',
    weight: 0.5,
    test: (g) => g.to === 'lead' && g.after.dateline === null && g.after.datedLead,
  },
  {
    name: 'photo-caption',
    says: '本段是图片说明，后面紧跟图片署名',
    weight: 1.5,
    test: (g) => g.to === 'lead' && opensLikeCaption(g.after) && isCaptionCredit(g.next),
  },
  {
    name: 'headless',
    says: '没有标题、电头或图片署名就开始新稿',
    weight: -1.5,
    test: (g) =>
      g.to === 'lead' &&
      g.after.dateline === null &&
      !g.after.datedLead &&
      !(opensLikeCaption(g.after) && isCaptionCredit(g.next)),
  },
  {
    name: 'caption-only-story',
    says: '上一篇只有标题和一句图片说明',
    weight: -3,
    test: (g) =>
      g.layout === 'headline-first' &&
      (g.from === 'lead'
        ? g.before.captionUnderHeadline
        : g.from === 'close' && g.above?.captionUnderHeadline === true),
  },
  {
    name: 'uncredited-section',
    says: '短标题下的文字没有电头、署名或来源，更像上一篇的小标题',
    weight: -2,
    // A short heading: a headline group with its kicker or subheadline is a story's own.
    test: (g) =>
      g.to === 'head' &&
      displayWidth(g.after.text) <= SUBHEAD_WIDTH &&
      g.next?.shape !== 'heading' &&
      !g.after.label &&
      !g.after.sectionCredited,
  },
  {
    name: 'heading',
    says: '上一段已写完，这里是一行标题',
    weight: 1,
    test: (g) => g.to === 'head',
  },
  {
    name: 'wide-gap',
    says: '上方空了两行以上',
    weight: 1,
    test: (g) => g.after.gapBefore >= 2,
  },
  {
    name: 'same-block',
    says: '与上一段之间没有空行',
    weight: -1.5,
    test: (g) => g.after.gapBefore === 0 && g.after.dateline === null && g.from !== 'close',
  },
];

/** Features of a step inside one story. */
export const CONTINUE_FEATURES: Feature[] = [
  {
    name: 'dateline-inside',
    says: '一段以电头开始，却接在写完的上一段之后',
    weight: -2,
    test: (g) => g.to === 'body' && g.after.dateline !== null && g.before.finished,
  },
  {
    name: 'body-after-credit',
    says: '署名之后又接正文',
    weight: -2,
    test: (g) => g.from === 'close' && (g.to === 'body' || g.to === 'subhead'),
  },
  {
    name: 'tail-after-close',
    says: '结尾行之后是压在稿件下面的标题',
    weight: 2,
    test: (g) => g.from === 'close' && g.to === 'tail',
  },
  {
    name: 'inline-caption',
    says: '一句短图片说明和署名插在正文中间，正文接着往下',
    weight: 2,
    test: (g) =>
      g.from === 'close' &&
      g.to === 'body' &&
      g.before.photoCredit &&
      g.above?.shape === 'paragraph' &&
      g.above.sentences <= 1 &&
      g.above.letters <= INLINE_CAPTION_LETTERS &&
      !g.above.datedLead,
  },
  {
    name: 'credit-after-lead',
    says: '导语之后紧跟记者署名，正文接着往下',
    weight: 2,
    test: (g) => (g.to === 'body' || g.to === 'subhead') && creditAfterLead(g),
  },
  {
    name: 'heading-after-unfinished',
    says: '标题接在没写完的句子后面',
    weight: -4,
    test: (g) => (g.to === 'subhead' || g.to === 'tail') && g.before.shape === 'paragraph' && !g.before.finished,
  },
];

function gapAt(units: Unit[], i: number, from: StoryPart, to: StoryPart, layout: Layout): Gap {
  return {
    above: units[i - 2],
    before: units[i - 1] as Unit,
    after: units[i] as Unit,
    next: units[i + 1],
    from,
    to,
    layout,
  };
}

const featuresOf = (from: StoryPart, to: StoryPart) => (startsStory(from, to) ? START_FEATURES : CONTINUE_FEATURES);

/** Score of stepping from `from` (unit i-1) to `to` (unit i). */
export function stepScore(units: Unit[], i: number, from: StoryPart | null, to: StoryPart, layout: Layout): number {
  if (!NEXT[from ?? 'start'].includes(to)) return -Infinity;
  if (from === null) return 0;
  const g = gapAt(units, i, from, to, layout);
  let total = 0;
  for (const f of featuresOf(from, to)) if (f.test(g)) total += f.weight;
  return total;
}

/** The features that fired on a step, for explaining a boundary to an editor. */
export function firedFeatures(units: Unit[], i: number, from: StoryPart, to: StoryPart, layout: Layout): Feature[] {
  const g = gapAt(units, i, from, to, layout);
  return featuresOf(from, to).filter((f) => f.test(g));
}

/** Weights of what a unit can be, by its shape. */
const PART_WEIGHTS = {
  /** A paragraph opening with a dateline (本报讯, 东昌府讯, 新华社…电) is a story's first. */
  datelineLead: 3,
  /** A label (简讯, 图片新闻, 冠县) heads the items under it as their kicker. */
  labelAsHead: 0.5,
  /** A heading inside a story is rarer than one that opens a story. */
  subhead: -1,
  /** Page furniture in a heading's shape: a banner at most. */
  headingAsFurniture: -3,
  /** A short unfinished line read as body copy. */
  headingAsBody: -2.5,
  /**
   * A headline shares words with the story it heads (times the share of pairs): the
   * story above for a headline below it; in a mixed reading, the text below too.
   */
  matchesStory: 2,
  /** A lone line with a sentence's comma, followed by text with no dateline: a line cut off by the column. */
  cutOffAsHeading: -2,
  /** A one-sentence caption between a headline and its story's text. */
  captionUnderHeadline: 0,
  /** A bare name above a story is its author. */
  authorAsTop: 0.5,
  /** A credit set right under a paragraph (no blank line) closes it. */
  creditAttachedAbove: 1,
  /** A credit ending in 摄 credits a picture: it closes a caption. */
  pictureCredit: 1,
  /** A credit under a short, finished paragraph: a caption's. */
  creditUnderCaption: 0.5,
  /** A credit followed by a paragraph credits that story. */
  creditAboveText: 1,
  /** □记者 … 报道 opens the story it credits. */
  reportCredit: 0.5,
} as const;

/** Score of unit i taking the part, on a page of the given layout. */
export function partScore(units: Unit[], i: number, part: StoryPart, layout: Layout, pageTop: boolean): number {
  const u = units[i] as Unit;
  const prev = units[i - 1];
  const next = units[i + 1];
  const w = PART_WEIGHTS;
  switch (u.shape) {
    case 'heading':
      switch (part) {
        case 'head':
          if (layout === 'headline-after' && !u.label) return -Infinity;
          if (u.label) return w.labelAsHead;
          return (u.cutOffShaped ? w.cutOffAsHeading : 0) + (layout === 'mixed' ? w.matchesStory * u.affinityBelow : 0);
        case 'subhead':
          // A subhead stands between finished paragraphs: after a sentence left unfinished it is that sentence's wrap.
          if (u.label || u.author || (prev?.shape === 'paragraph' && !prev.finished)) return -Infinity;
          return w.subhead + (u.cutOffShaped ? w.cutOffAsHeading : 0);
        case 'tail':
          if (layout === 'headline-first' || u.label) return -Infinity;
          return w.matchesStory * u.affinityAbove + (u.cutOffShaped ? w.cutOffAsHeading : 0);
        case 'furniture':
          // Above the first story of a headline-after page: its banner.
          return layout === 'headline-after' && pageTop ? 0 : w.headingAsFurniture;
        case 'body':
        case 'lead':
          if (u.label) return -Infinity;
          // A line cut off by the column is body copy in a heading's shape.
          return u.cutOffShaped ? 0 : w.headingAsBody;
        case 'top':
          return u.author ? w.authorAsTop : -Infinity;
        default:
          return -Infinity;
      }
    case 'paragraph':
      if (part === 'lead' && u.dateline) return w.datelineLead;
      if (part === 'top')
        return layout === 'headline-first' && u.captionUnderHeadline ? w.captionUnderHeadline : -Infinity;
      return part === 'lead' || part === 'body' ? 0 : -Infinity;
    case 'caption-list':
      return part === 'top' || part === 'close' ? 0 : -Infinity;
    case 'byline': {
      const textBelow = next?.shape === 'paragraph' && !(next.dateline && hasPeople(next));
      if (part === 'top')
        return (
          (textBelow ? w.creditAboveText : -w.creditAboveText) +
          (u.reportCredit ? w.reportCredit : 0) -
          (u.photoCredit ? w.pictureCredit : 0)
        );
      if (part === 'close')
        return (
          (u.gapBefore === 0 && prev?.shape === 'paragraph' ? w.creditAttachedAbove : 0) +
          (u.photoCredit ? w.pictureCredit : 0) +
          (prev?.captionShaped && prev.finished ? w.creditUnderCaption : 0) -
          (u.reportCredit && textBelow ? w.reportCredit : 0)
        );
      return -Infinity;
    }
    case 'standfirst':
      return part === 'top' ? 0 : -Infinity;
    case 'furniture':
      return part === 'furniture' ? 0 : -Infinity;
    case 'photo-credit':
      // The credit of a caption set between a headline and its story stays above the story.
      if (part === 'top') return prev?.captionUnderHeadline ? 0 : -Infinity;
      return part === 'close' ? 0 : -Infinity;
    default:
      // signoff, source, cross-ref, jump
      return part === 'close' ? 0 : -Infinity;
  }
}

function hasPeople(u: Unit): boolean {
  const p = u.dateline?.people;
  return p !== undefined && p.reporters.length + p.correspondents.length + p.photographers.length > 0;
}
