/**
 * The page tree the grammar plugins pass along. remark-parse gives the block
 * structure; from then on every node carries raw seed text with its line
 * numbers, so nothing a seed says is ever read as Markdown.
 */
import type { Node, Parent } from 'unist';
import type { Correction } from '../schema.ts';

/** A run of seed text from one line (a line may be cut into several pieces). */
export interface Piece {
  line: number;
  text: string;
}

export type BlockRole =
  | 'text' // body copy or a heading, told apart by the segmenter
  | 'byline' // 记者/通讯员 credit lines
  | 'photo-credit' // a photo credit printed at the end of a caption line
  | 'signoff' // a story's byline printed after its last sentence: …完工。（记者 张三）, （孟庆朋）
  | 'source' // the agency a story is taken from, after its last sentence: 据新华社
  | 'cross-ref' // where the story goes on or more is said: 详见C02版
  | 'standfirst' // ◆ …
  | 'jump' // （下转第8版）
  | 'furniture'; // promos, the folio, page banners

export interface BlockNode extends Node {
  type: 'block';
  role: BlockRole;
  pieces: Piece[];
  /** Blank lines before the block: two or more mark a picture or a section break. */
  gapBefore: number;
}

export interface ArticleNode extends Node {
  type: 'article';
  layout: 'photo' | 'commentary' | 'story';
  headlineBlocks: BlockNode[];
  standfirst: BlockNode[];
  bylines: BlockNode[];
  author: BlockNode | null;
  body: BlockNode[];
  /** Subheads inside a long feature, each with the index of the body block it precedes. */
  subheads: Array<{ before: number; block: BlockNode }>;
  captions: BlockNode[];
  credits: BlockNode[];
  jumps: BlockNode[];
  /** Closing source lines: 据新华社. */
  sources: BlockNode[];
  /** How sure the segmenter is of where this story starts and ends (0–1). */
  confidence: number;
}

export interface FurnitureNode extends Node {
  type: 'furniture' | 'leftover';
  block: BlockNode;
}

export interface PageTree extends Parent {
  type: 'page';
  children: Array<BlockNode | ArticleNode | FurnitureNode>;
}

/** A gap between units where the runner-up reading came close (see check:seeds). */
export interface DoubtfulBoundary {
  line: number;
  /** The reading taken: a story starts at this line (true) or goes on through it. */
  starts: boolean;
  /** How much less the other decision scores. */
  margin: number;
  /** The evidence behind the decision taken, in an editor's words. */
  reasons: string[];
}

/** What the plugins learn about the page as a whole, kept on the vfile. */
declare module 'vfile' {
  interface DataMap {
    /** The page's lines, 1-based by index + 1. */
    lines: string[];
    corrections: Correction[];
    layout: 'headline-first' | 'headline-after' | 'mixed';
    doubts: DoubtfulBoundary[];
  }
}

export function blockText(block: BlockNode, separator = ' '): string {
  return block.pieces.map((p) => p.text.trim()).join(separator);
}
