/**
 * Builds the article nodes from a reading of the page: each unit goes where
 * its part puts it (headline group, credits, body, captions, closing lines),
 * a story that is one caption with a picture credit becomes a photo story,
 * and a caption inside a story is told from its body.
 */
import type { ArticleNode, BlockNode, FurnitureNode } from './tree.ts';
import { startsStory, type StoryPart } from './boundary-features.ts';
import type { Reading } from './layouts.ts';
import { MAX_CAPTION, type Unit } from './units.ts';
import { splitBanner } from './headlines.ts';
import { isPhotoLabel } from './labels.ts';

function newArticle(): ArticleNode {
  return {
    type: 'article',
    layout: 'story',
    headlineBlocks: [],
    standfirst: [],
    bylines: [],
    author: null,
    body: [],
    subheads: [],
    captions: [],
    credits: [],
    jumps: [],
    sources: [],
    confidence: 1,
  };
}

/** Margin at which a boundary counts as certain; confidence grows with the margin up to it. */
const SURE_MARGIN = 4;
const confidenceOf = (margin: number) => Math.max(0, Math.min(1, margin / SURE_MARGIN));

/** Longest caption set inside a story by blank space alone. */
const INLINE_CAPTION = 120;

/** A story's units, with what each does in it. */
interface Story {
  units: Array<{ unit: Unit; part: StoryPart }>;
  confidence: number;
}

/**
 * Groups the units into stories. A story's confidence is the least sure
 * decision that shapes it: where it starts, every gap inside it, and where
 * the next story (or furniture) ends it.
 */
function storiesOf(units: Unit[], reading: Reading): Array<Story | FurnitureNode> {
  const out: Array<Story | FurnitureNode> = [];
  let current: Story | null = null;
  // The first unit, and furniture, have no decision of their own: certain.
  const margins = new Map(reading.boundaries.map((b) => [b.unit, b.margin]));
  reading.parts.forEach((part, i) => {
    const unit = units[i] as Unit;
    const sure = confidenceOf(margins.get(i) ?? Infinity);
    const prev = i > 0 ? (reading.parts[i - 1] as StoryPart) : null;
    const ends = startsStory(prev, part);
    if (current) current.confidence = Math.min(current.confidence, sure);
    if (part === 'furniture') {
      out.push({ type: 'furniture', block: unit.block });
      current = null;
      return;
    }
    if (ends || !current) {
      current = { units: [], confidence: sure };
      out.push(current);
    }
    current.units.push({ unit, part });
  });
  return out;
}

/** One short caption with a picture credit, a picture label above it, or a caption's wording. */
function isPhotoStory(a: ArticleNode, story: Story, label: boolean): boolean {
  if (a.subheads.length > 0) return false;
  // …摄影报道: a report told in pictures, whatever its length.
  const photoReport = story.units.some((x) => x.part === 'close' && /摄\s*影\s*报\s*道\s*$/u.test(x.unit.text));
  if (photoReport && !story.units.some((x) => x.unit.dateline)) return true;
  const text = story.units.filter((x) => x.part === 'lead' || x.part === 'body').map((x) => x.unit);
  const letters = text.reduce((n, u) => n + u.letters, 0);
  if (text.some((u) => u.dateline || u.shape !== 'paragraph')) return false;
  // A few short paragraphs closed by 摄, or under a picture label: a picture's long caption.
  // (The credit may stand above the text too: 齐鲁晚报·齐鲁壹点 陶春燕 通讯员 赵玉国(摄).)
  const shot = story.units.some(
    (x) => (x.part === 'close' || x.part === 'top') && x.unit.photoCredit && !/报\s*道\s*$/u.test(x.unit.text),
  );
  const credited = story.units.some(
    (x) => x.part === 'close' && (x.unit.shape === 'byline' || x.unit.shape === 'photo-credit'),
  );
  // A caption opens on its day, its credit set right under it (■ 本报记者 许金松).
  const attached = story.units.some(
    (x) =>
      x.part === 'close' && x.unit.gapBefore === 0 && (x.unit.shape === 'byline' || x.unit.shape === 'photo-credit'),
  );
  // Or one that says so in its words (1月21日，在…现场，工人正在…), credited further down.
  const first = text[0];
  const captionLike = first !== undefined && first.datedLead && (attached || (credited && first.captionWording));
  // A picture label's short text is the picture's caption, credited or not.
  if ((shot || label || captionLike) && letters <= MAX_CAPTION) return true;
  if (text.length !== 1 || !first?.captionShaped) return false;
  // 近日，在…正在…: a headless item in a caption's words is a picture's (a headline's story is not).
  return credited || label || (a.headlineBlocks.length === 0 && first.captionWording);
}

function buildArticle(story: Story): ArticleNode {
  const a = newArticle();
  a.confidence = story.confidence;
  const units = story.units;
  units.forEach(({ unit, part }, k) => {
    const b = unit.block;
    switch (part) {
      case 'head':
        // The last line of a headline group, set off by a picture's blank space, is the picture's caption.
        if (a.headlineBlocks.length >= 2 && b.gapBefore >= 2 && units[k + 1]?.part !== 'head') a.captions.push(b);
        else a.headlineBlocks.push(b);
        break;
      case 'tail':
        a.headlineBlocks.push(b);
        break;
      case 'top':
        if (unit.shape === 'standfirst') a.standfirst.push(b);
        else if (unit.shape === 'heading') {
          // Two author lines: the first signs the piece, the second joins its credits.
          if (a.author) a.bylines.push(b);
          else a.author = b;
        } else if (unit.shape === 'caption-list' || unit.shape === 'paragraph') a.captions.push(b);
        else if (unit.shape === 'photo-credit') {
          // The picture above the story: its credit closes the caption and credits the story too.
          a.credits.push(b);
          a.bylines.push(b);
        } else a.bylines.push(b);
        break;
      case 'subhead': {
        const last = a.subheads[a.subheads.length - 1];
        if (last && last.before === a.body.length)
          last.block = { ...last.block, pieces: [...last.block.pieces, ...b.pieces] };
        else a.subheads.push({ before: a.body.length, block: b });
        break;
      }
      case 'lead':
      case 'body': {
        // A one-sentence paragraph inside a story, followed by a picture credit or set off by
        // the blank space a picture leaves, is the picture's caption.
        const next = units[k + 1];
        const credited = next?.part === 'close' && next.unit.photoCredit && units[k + 2]?.part === 'body';
        const setOff = unit.gapBefore >= 2 && next?.part === 'body' && unit.letters <= INLINE_CAPTION;
        const inline = unit.shape === 'paragraph' && a.body.length > 0 && (credited || setOff) && unit.sentences <= 1;
        (inline ? a.captions : a.body).push(b);
        break;
      }
      case 'close':
        // ■ 本报记者 贾新伟 / 本报通讯员 王奕明: a credit in two blocks is one byline.
        closeWith(a, unit, units[k - 1]?.part === 'close' && units[k - 1]?.unit.shape === 'byline');
        break;
      default:
        break;
    }
  });
  const label = a.headlineBlocks.some((h) => isPhotoLabel(h.pieces.map((p) => p.text.trim()).join('')));
  if (isPhotoStory(a, story, label)) {
    a.layout = 'photo';
    // A photo story's credits are its byline.
    a.bylines.push(...a.credits.filter((c) => !a.bylines.includes(c)));
    a.credits = [];
  } else if (a.author) a.layout = 'commentary';
  return a;
}

function closeWith(a: ArticleNode, unit: Unit, continuesByline: boolean) {
  const b: BlockNode = unit.block;
  switch (unit.shape) {
    case 'jump':
    case 'cross-ref':
      a.jumps.push(b);
      return;
    case 'source':
      a.sources.push(b);
      return;
    case 'caption-list':
      a.captions.push(b);
      return;
    case 'signoff':
      a.bylines.push(b);
      return;
    case 'byline':
      // A credit after the story is its byline, unless it already has one: then it credits a picture.
      (a.bylines.length === 0 || (continuesByline && a.credits.length === 0) ? a.bylines : a.credits).push(b);
      return;
    default:
      a.credits.push(b);
  }
}

export function assemble(units: Unit[], reading: Reading): Array<ArticleNode | FurnitureNode> {
  const out: Array<ArticleNode | FurnitureNode> = [];
  let first = true;
  for (const s of storiesOf(units, reading)) {
    if ('type' in s) {
      out.push(s);
      continue;
    }
    const article = buildArticle(s);
    if (first && reading.layout === 'headline-first') {
      // A campaign banner above the page's first kicker and headline.
      const { banner, rest } = splitBanner(article.headlineBlocks);
      for (const b of banner) out.push({ type: 'furniture', block: b });
      article.headlineBlocks = rest;
    }
    first = false;
    out.push(article);
  }
  return out;
}
