/**
 * unified plugin, after remark-parse: keeps micromark's work linear in the
 * page, whatever the page holds. Two shapes cost micromark far more than
 * their size: deep containers (a line of 100,000 `>`, lists nested 2,000
 * deep) and many setext headings (each re-walks the document so far). So
 * micromark sees each line only as far as block structure needs — its
 * indentation capped, the rest cut short — and reads the page a few hundred
 * lines at a time, cut at blank lines, where a block ends anyway. Positions
 * are shifted back, so the tree reads as if the page had been parsed whole;
 * an ordinary page is one piece and is parsed exactly as before.
 */
import type { Root, RootContent } from 'mdast';
import type { Processor } from 'unified';
import type { VFile } from 'vfile';

/** Indentation past this is all the same to block structure (4 makes code, 8 nests once more). */
const MAX_INDENT = 8;
/** Characters of a line micromark needs to see which block it opens. */
const MAX_LINE = 80;
/** Lines per piece, cut at the next blank line… */
const PIECE_LINES = 160;
/** …or here, in a run of lines with no blank line at all. */
const HARD_CUT_LINES = 240;

/** The part of a line that decides its block: capped indentation, then the start of its text. */
export function structuralLine(line: string): string {
  const indent = /^[ \t]*/u.exec(line)?.[0] ?? '';
  const head = indent.length > MAX_INDENT ? ' '.repeat(MAX_INDENT) : indent;
  const rest = line.slice(indent.length);
  // The x keeps a cut line from reading as a bare rule or underline (---- cut short is still text).
  return rest.length > MAX_LINE ? `${head}${rest.slice(0, MAX_LINE)}x` : head + rest;
}

interface Piece {
  /** 1-based line of the piece's first line in the page. */
  firstLine: number;
  lines: string[];
  /** The piece starts inside a run of text, not after a blank line. */
  hardCut: boolean;
}

export function pieces(lines: string[]): Piece[] {
  const out: Piece[] = [];
  let current: Piece = { firstLine: 1, lines: [], hardCut: false };
  lines.forEach((line, i) => {
    const full = current.lines.length >= HARD_CUT_LINES;
    const due = current.lines.length >= PIECE_LINES && line.trim() !== '' && lines[i - 1]?.trim() === '';
    if (full || due) {
      out.push(current);
      current = { firstLine: i + 1, lines: [], hardCut: full && !due };
    }
    current.lines.push(line);
  });
  out.push(current);
  return out;
}

function shift(node: RootContent, by: number) {
  if (node.position) {
    node.position.start.line += by;
    node.position.end.line += by;
  }
}

export default function boundedParse(this: Processor) {
  const parseWhole = this.parser;
  if (!parseWhole) throw new Error('bounded-parse must be used after remark-parse');
  this.parser = (doc: string, file: VFile): Root => {
    const root: Root = { type: 'root', children: [] };
    for (const piece of pieces(doc.split('\n'))) {
      const tree = parseWhole(piece.lines.map(structuralLine).join('\n'), file) as Root;
      const [first, ...rest] = tree.children;
      const last = root.children[root.children.length - 1];
      // A cut inside a run of text: a paragraph running over the cut is one paragraph, as it was on the page.
      if (
        piece.hardCut &&
        first?.type === 'paragraph' &&
        last?.type === 'paragraph' &&
        last.position &&
        first.position
      ) {
        last.position.end = { ...first.position.end, line: first.position.end.line + piece.firstLine - 1 };
      } else if (first) {
        shift(first, piece.firstLine - 1);
        root.children.push(first);
      }
      for (const child of rest) {
        shift(child, piece.firstLine - 1);
        root.children.push(child);
      }
    }
    return root;
  };
}
