/** Where query words stand in a text, compared case- and OCR-folded. */
import { fold, type QueryWord } from './normalize.ts';

export interface Mark {
  start: number;
  end: number;
}

/** Case- and OCR-folded positions of the query words in a text. */
export function findMarks(text: string, words: Array<Pick<QueryWord, 'text' | 'single'>>): Mark[] {
  const { folded, map } = foldWithMap(text);
  const marks: Mark[] = [];
  for (const w of words) {
    const needle = w.single ?? w.text;
    if (!needle) continue;
    for (let i = folded.indexOf(needle); i >= 0; i = folded.indexOf(needle, i + needle.length)) {
      marks.push({ start: map[i] ?? 0, end: map[i + needle.length] ?? text.length });
    }
  }
  marks.sort((a, b) => a.start - b.start || b.end - a.end);
  // Overlapping words become one mark: 王军 and 军豪 mark 王军豪.
  const merged: Mark[] = [];
  for (const m of marks) {
    const last = merged[merged.length - 1];
    if (last && m.start < last.end) last.end = Math.max(last.end, m.end);
    else merged.push({ ...m });
  }
  return merged;
}

/** fold() character by character, remembering where each folded character came from. */
function foldWithMap(text: string): { folded: string; map: number[] } {
  let folded = '';
  const map: number[] = [];
  let i = 0;
  for (const ch of text) {
    const f = ch.normalize('NFKC').toLowerCase();
    for (let k = 0; k < f.length; k++) map.push(i);
    folded += f;
    i += ch.length;
  }
  map.push(text.length);
  return { folded: fold(folded), map };
}
