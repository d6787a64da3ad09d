/**
 * unified plugin: replaces remark's Markdown tree with blocks of raw seed
 * lines. Only the node positions are used — where remark starts a block — so
 * `1.`, `#`, `>` or `*` at a line start stay text.
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import type { BlockNode, PageTree } from './tree.ts';

export function blockStartLines(tree: Root): Set<number> {
  const starts = new Set<number>();
  for (const child of tree.children) {
    const line = child.position?.start.line;
    if (line !== undefined) starts.add(line);
  }
  return starts;
}

/** Cuts lines into blocks at blank lines and wherever remark saw a new block. */
export function linesToBlocks(lines: string[], starts: Set<number>): BlockNode[] {
  const blocks: BlockNode[] = [];
  let current: BlockNode | null = null;
  let blank = 0;
  lines.forEach((text, i) => {
    const line = i + 1;
    if (text.trim() === '') {
      blank++;
      current = null;
      return;
    }
    if (current === null || starts.has(line)) {
      current = { type: 'block', role: 'text', pieces: [], gapBefore: blocks.length === 0 ? 0 : blank };
      blocks.push(current);
    }
    current.pieces.push({ line, text });
    blank = 0;
  });
  return blocks;
}

export default function rawBlocks() {
  return (tree: Root, file: VFile): PageTree => {
    const blocks = linesToBlocks(file.data.lines ?? [], blockStartLines(tree));
    return { type: 'page', children: blocks };
  };
}
