/** Text with marked ranges as DOM nodes: text is only ever set as text. */
import type { Mark } from '../lib/search/marks.ts';

export function appendMarked(parent: HTMLElement, text: string, marks: Mark[], className = 'hl') {
  let at = 0;
  for (const m of marks) {
    if (m.start < at) continue;
    if (m.start > at) parent.append(document.createTextNode(text.slice(at, m.start)));
    const mark = document.createElement('mark');
    mark.className = className;
    mark.textContent = text.slice(m.start, m.end);
    parent.append(mark);
    at = m.end;
  }
  if (at < text.length) parent.append(document.createTextNode(text.slice(at)));
}
