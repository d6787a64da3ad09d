/**
 * A story opened from search results (…/?hl=轴承): marks the words in the
 * story and scrolls the first into view. Only loaded when ?hl= is present.
 */
import { findMarks } from '../lib/search/marks.ts';
import { appendMarked } from './render-marks.ts';

export function highlight(words: string[], root: HTMLElement) {
  const query = words.map((w) => ({ text: w, single: null }));
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
  let first: HTMLElement | null = null;
  for (const node of nodes) {
    const text = node.data;
    const marks = findMarks(text, query);
    if (marks.length === 0 || node.parentElement?.closest('mark')) continue;
    const span = document.createElement('span');
    appendMarked(span, text, marks);
    node.replaceWith(...span.childNodes);
    first ??= root.querySelector('mark.hl');
  }
  first?.scrollIntoView({ block: 'center' });
}
