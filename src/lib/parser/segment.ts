/**
 * unified plugin: groups the page's blocks into stories. The blocks become
 * units with their evidence (units.ts); every reading of the page — what each
 * unit does in its story, and so where stories start — is scored by the named
 * features of boundary-features.ts; the best reading over the whole page,
 * headlines above or below their stories (layouts.ts), is built into article
 * nodes (assemble.ts). The page's doubtful boundaries go on the vfile for
 * check:seeds.
 */
import type { VFile } from 'vfile';
import type { BlockNode, DoubtfulBoundary, PageTree } from './tree.ts';
import { toUnits } from './units.ts';
import { bestReading, DOUBTFUL_MARGIN, type Boundary } from './layouts.ts';
import { assemble } from './assemble.ts';

function segmentBlocks(blocks: BlockNode[]): {
  layout: VFile['data']['layout'] & string;
  children: PageTree['children'];
  doubts: DoubtfulBoundary[];
} {
  const units = toUnits(blocks);
  const reading = bestReading(units);
  const doubts = reading.boundaries
    .filter((b: Boundary) => b.margin < DOUBTFUL_MARGIN)
    .map((b) => ({
      line: units[b.unit]?.block.pieces[0]?.line ?? 1,
      starts: b.starts,
      margin: b.margin,
      reasons: b.features.map((f) => f.says),
    }));
  return { layout: reading.layout, children: assemble(units, reading), doubts };
}

export default function segmentArticles() {
  return (tree: PageTree, file: VFile) => {
    const blocks = tree.children.filter((n): n is BlockNode => n.type === 'block');
    const { layout, children, doubts } = segmentBlocks(blocks);
    file.data.layout = layout;
    file.data.doubts = doubts;
    for (const d of doubts) {
      const reading = d.starts ? '这里另起一篇' : '这里接着上一篇';
      const why = d.reasons.length > 0 ? `（依据：${d.reasons.join('；')}）` : '';
      file.message(`分篇存疑：${reading}，另一种读法只差 ${d.margin.toFixed(1)} 分${why}`, {
        place: { line: d.line, column: 1 },
        ruleId: 'doubtful-boundary',
        source: 'segment',
      });
    }
    tree.children = children;
  };
}
