/**
 * A story's text: its paragraphs joined back from hard-wrapped lines, the
 * subheads of a long feature in place, and its captions with the picture
 * credits printed apart from them.
 */
import type { Credit } from '../schema.ts';
import type { ArticleNode, BlockNode } from './tree.ts';
import { paragraphsOf } from './wrapping.ts';
import { displayWidth, endsSentence } from './text.ts';
import { asPhotoCredit } from './bylines.ts';
import { peopleOfCreditBlock, textOf } from './article-credits.ts';

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

export interface StoryText {
  paragraphs: string[];
  /** Indexes into paragraphs of the subheads. */
  subheads: number[];
}

export function textOfStory(a: ArticleNode, body: BlockNode[]): StoryText {
  const wrap = wrapWidthOf(body);
  const paragraphs: string[] = [];
  const subheads: number[] = [];
  let run: BlockNode[] = [];
  const flush = () => {
    // One at a time: a spread of a very long story's paragraphs would overflow the stack.
    for (const p of paragraphsOf(run, wrap)) paragraphs.push(p);
    run = [];
  };
  const pushSubheads = (k: number) => {
    for (const h of a.subheads) {
      if (h.before !== k) continue;
      subheads.push(paragraphs.length);
      paragraphs.push(textOf(h.block));
    }
  };
  body.forEach((b, k) => {
    if (a.subheads.some((h) => h.before === k)) {
      flush();
      pushSubheads(k);
    }
    if (b.pieces.length > 0) run.push(b);
  });
  flush();
  pushSubheads(body.length);
  keepClosersInPlace(a, body, paragraphs);
  return { paragraphs, subheads };
}

/**
 * A signoff or source printed on the line of the story's last sentence
 * (…环境。 （侯敬方）, …万棵。 据中新社) stays at the end of that paragraph,
 * as printed; it is read as a credit too.
 */
function keepClosersInPlace(a: ArticleNode, body: BlockNode[], paragraphs: string[]) {
  const lastLine = body[body.length - 1]?.pieces.at(-1)?.line;
  if (a.layout === 'photo' || lastLine === undefined || paragraphs.length === 0) return;
  for (const b of [...a.bylines, ...a.sources]) {
    // Only what was cut off the end of the line: a credit opening the line stays above the text.
    if (b.pieces[0]?.line !== lastLine || (b.role !== 'signoff' && b.role !== 'source')) continue;
    paragraphs[paragraphs.length - 1] = `${paragraphs[paragraphs.length - 1]} ${textOf(b)}`;
  }
}

export interface StoryCaptions {
  captions: string[];
  credits: Credit[];
}

/**
 * Captions, each with the picture credit printed after it. A photo story's
 * text is its caption, printed with its credit.
 */
export function captionsOf(a: ArticleNode, paragraphs: string[]): StoryCaptions {
  const captions = a.captions.map((b) => ({ line: b.pieces[0]?.line ?? 0, text: paragraphsOf([b], null).join('') }));
  if (a.layout === 'photo') {
    const caption = paragraphs.splice(0).join('');
    captions.unshift({ line: 0, text: [caption, ...a.bylines.map(textOf)].join(' ').trim() });
  }
  const credits = a.credits.map((b) => {
    const p = asPhotoCredit(peopleOfCreditBlock(b));
    return { raw: textOf(b), photographers: p.photographers, correspondents: p.correspondents };
  });
  // Each credit closes the caption printed last before it (on its line or above).
  a.credits.forEach((b, k) => {
    const raw = credits[k]?.raw.trim() ?? '';
    const line = b.pieces[0]?.line ?? 0;
    const above = captions.filter((c) => c.line <= line).at(-1) ?? captions.at(-1);
    if (above) above.text = `${above.text} ${raw}`;
    else captions.push({ line, text: raw });
  });
  return { captions: captions.map((c) => c.text), credits };
}
