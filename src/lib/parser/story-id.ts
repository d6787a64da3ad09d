/**
 * A story's id: its page's id, its position on the page and a two-letter
 * disambiguator — 2025-07-08-a3-2kq is the second story on page
 * 2025-07-08-a3. Nothing an editor fixes in a headline or a first sentence
 * changes it. The disambiguator comes from the rest of the story's text (the
 * smallest hash of its character pairs, see text-sketch.ts): a typo there
 * keeps it unless the typo hits that one pair, and when a story is inserted
 * above, the story that moves into the old position almost surely gets
 * other letters — so an old address never silently shows another story;
 * it redirects (the id ledger, src/lib/id-ledger.ts) or is not found.
 */
import { sketchOf } from './text-sketch.ts';
import { lettersOnly } from './text.ts';

/** Fewest letters after the first sentence worth taking the disambiguator from. */
const MIN_REST = 8;

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** What the disambiguator is read from: the story's text after its first sentence, or all of it when that is short. */
function tagText(story: { headline: string | null; paragraphs: string[]; captions: string[] }): string {
  const text = [...story.paragraphs, ...story.captions].join('\n');
  const rest = text.replace(/^[^。！？!?]*[。！？!?]*/u, '');
  if (lettersOnly(rest).length >= MIN_REST) return rest;
  return lettersOnly(text).length >= 2 ? text : (story.headline ?? '');
}

/** Two letters, from the smallest hash of the text's character pairs. */
function disambiguator(text: string): string {
  const smallest = sketchOf(text, 1)[0] ?? 0;
  const n = smallest % (LETTERS.length * LETTERS.length);
  return `${LETTERS[Math.floor(n / LETTERS.length)]}${LETTERS[n % LETTERS.length]}`;
}

export function storyId(
  pageId: string,
  position: number,
  story: { headline: string | null; paragraphs: string[]; captions: string[] },
): string {
  return `${pageId}-${position}${disambiguator(tagText(story))}`;
}

/**
 * The position on its page a story id names (an id a split made, <id>-p4,
 * names its story's), or null. A position is written without leading zeros
 * and has at most three digits (no page holds a thousand stories): the ids
 * of parser 1.2.0 ended in a base-36 hash instead, and one like -48213ab
 * names no story 48213.
 */
export function positionInId(id: string): number | null {
  const m = /-([1-9]\d{0,2})[a-z]{2}(?:-p\d+)?$/u.exec(id);
  return m ? Number(m[1]) : null;
}
