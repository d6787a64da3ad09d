/**
 * unified plugin: fixes the OCR misreadings the gazetteer lists (在平区 →
 * 茌平区) in every line and records each fix, so the record says what was
 * changed and where.
 */
import type { VFile } from 'vfile';
import { gazetteer } from './gazetteer.ts';
import { literalAlternation } from './text.ts';
import type { PageTree } from './tree.ts';
import type { Correction } from '../schema.ts';

const byWrong = new Map(gazetteer.ocrCorrections.map((c) => [c.wrong, c.right]));
// Longest first, so 在平区 wins over a shorter entry at the same place.
const pattern = new RegExp(literalAlternation(byWrong.keys()), 'g');

export function fixOcrLine(text: string, line: number, corrections: Correction[]): string {
  return text.replace(pattern, (wrong) => {
    const right = byWrong.get(wrong) ?? wrong;
    corrections.push({ type: 'ocr', field: 'text', from: wrong, to: right, line, note: 'known OCR misreading' });
    return right;
  });
}

export default function fixOcr() {
  return (tree: PageTree, file: VFile) => {
    for (const node of tree.children) {
      if (node.type !== 'block') continue;
      for (const piece of node.pieces) piece.text = fixOcrLine(piece.text, piece.line, (file.data.corrections ??= []));
    }
  };
}
