/**
 * unified plugin, used before remark-parse runs: switches off micromark's
 * inline constructs (emphasis, links, code spans, escapes, entities, HTML).
 * The parser only needs where blocks start, and a seed's `*`, `[`, `\` or
 * `&amp;` must stay text anyway; skipping inline parsing makes it faster.
 */
import type { Processor } from 'unified';

const INLINE_CONSTRUCTS = [
  'attention',
  'autolink',
  'characterEscape',
  'characterReference',
  'codeText',
  'hardBreakEscape',
  'htmlText',
  'labelStartImage',
  'labelStartLink',
  'labelEnd',
];

export default function blocksOnly(this: Processor) {
  const data = this.data() as { micromarkExtensions?: unknown[] };
  data.micromarkExtensions ??= [];
  data.micromarkExtensions.push({ disable: { null: INLINE_CONSTRUCTS } });
}
