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
  | 'text' // body copy or a headline, decided by the segmenter
  | 'byline' // 记者/通讯员 credit lines
  | 'credit' // a photo credit printed at the end of a caption line
  | 'signoff' // a story's byline printed after its last sentence: …完工。（记者 张三）
  | 'standfirst' // ◆ …
  | 'jump' // （下转第8版）
  | 'furniture'; // promos, page banners

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
}

export interface FurnitureNode extends Node {
  type: 'furniture' | 'leftover';
  block: BlockNode;
}

export interface PageTree extends Parent {
  type: 'page';
  children: Array<BlockNode | ArticleNode | FurnitureNode>;
}

/** What the plugins learn about the page as a whole, kept on the vfile. */
export interface PageData {
  lines: string[];
  corrections: Correction[];
  layout: 'headline-first' | 'headline-after';
}

export function blockText(block: BlockNode, separator = ' '): string {
  return block.pieces.map((p) => p.text.trim()).join(separator);
}

export function firstLine(block: BlockNode): number {
  return block.pieces[0]?.line ?? 1;
}

export function lastLine(block: BlockNode): number {
  return block.pieces[block.pieces.length - 1]?.line ?? 1;
}
