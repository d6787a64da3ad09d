/**
 * A page sets its headlines above their stories or, on some pages, below
 * them, or some each way. The page is read as each, every reading the
 * best-scoring path over all its units; the reading whose headlines share
 * most words with the stories they head wins. The reading kept also says,
 * for every gap between units, how much the runner-up reading of that gap
 * lost by: the boundary's margin.
 */
import {
  backwardScores,
  bestPath,
  bestWithStep,
  tabulate,
  type BestPath,
  type Lattice,
  type Table,
} from './best-path.ts';
import {
  MAY_END,
  STORY_PARTS,
  firedFeatures,
  partScore,
  startsStory,
  stepScore,
  type Feature,
  type Layout,
  type StoryPart,
} from './boundary-features.ts';
import type { Unit } from './units.ts';
import { headlineAffinity } from './affinity.ts';

/** A story's opening is read from its first few paragraphs at most. */
const LEAD_PARTS = 4;

export interface Boundary {
  /** Index of the unit the decision is about (a story starts there, or not). */
  unit: number;
  starts: boolean;
  /** How much the best reading with the other decision scores less (≥ 0). */
  margin: number;
  /** The features behind the decision taken. */
  features: Feature[];
}

export interface Reading {
  layout: Layout;
  parts: StoryPart[];
  score: number;
  /** The decision at each gap, with its margin; worked out for the reading a page keeps. */
  boundaries: Boundary[];
}

function lattice(units: Unit[], layout: Layout): Lattice<StoryPart> {
  const firstText = units.findIndex((u) => u.shape === 'paragraph');
  return {
    states: STORY_PARTS,
    length: units.length,
    emit: (i, s) => partScore(units, i, s, layout, firstText < 0 || i < firstText),
    step: (i, from, to) => stepScore(units, i, from, to, layout),
    finish: (s) => (MAY_END.has(s) ? 0 : -Infinity),
  };
}

/** Decisions closer than this are reported to editors as doubtful. */
export const DOUBTFUL_MARGIN = 1;

/** What an impossible reading costs when a page allows no other: it must still be read, nothing lost. */
const IMPOSSIBLE = -1000;

/** The same lattice with every impossible choice allowed at a prohibitive cost. */
function relaxed(l: Lattice<StoryPart>): Lattice<StoryPart> {
  const finite = (v: number) => (v === -Infinity ? IMPOSSIBLE : v);
  return {
    ...l,
    emit: (i, s) => finite(l.emit(i, s)),
    step: (i, from, to) => finite(l.step(i, from, to)),
    finish: (s) => finite(l.finish(s)),
  };
}

interface Scored {
  reading: Reading;
  table: Table;
  path: BestPath;
}

function scoreLayout(units: Unit[], layout: Layout): Scored {
  let table = tabulate(lattice(units, layout));
  let path = bestPath(table);
  if (path.score === -Infinity) {
    table = tabulate(relaxed(lattice(units, layout)));
    path = bestPath(table);
  }
  const parts = path.states.map((t) => STORY_PARTS[t] as StoryPart);
  return { reading: { layout, parts, score: path.score, boundaries: [] }, table, path };
}

/** The margin of the decision at every gap, and the features behind it. */
function withBoundaries(units: Unit[], { reading, table, path }: Scored): Reading {
  const backward = backwardScores(table);
  const starts = (f: number, t: number) => startsStory(STORY_PARTS[f] as StoryPart, STORY_PARTS[t] as StoryPart);
  const furniture = STORY_PARTS.indexOf('furniture');
  const boundaries: Boundary[] = [];
  for (let i = 1; i < units.length; i++) {
    const from = reading.parts[i - 1] as StoryPart;
    const to = reading.parts[i] as StoryPart;
    // Furniture stands outside stories: the decisions that count are at story text.
    if (to === 'furniture') continue;
    const started = startsStory(from, to);
    const other = bestWithStep(table, path.forward, backward, i, (f, t) => t !== furniture && starts(f, t) !== started);
    boundaries.push({
      unit: i,
      starts: started,
      margin: other === -Infinity ? Infinity : path.score - other,
      features: firedFeatures(units, i, from, to, reading.layout),
    });
  }
  return { ...reading, boundaries };
}

/** The page read one way, with every boundary's margin. */
export function readPage(units: Unit[], layout: Layout): Reading {
  return withBoundaries(units, scoreLayout(units, layout));
}

/** Sum over the reading's stories of how well each headline matches its lead. */
export function affinityOf(units: Unit[], reading: Reading): number {
  let total = 0;
  let headline = '';
  let lead: string[] = [];
  reading.parts.forEach((part, i) => {
    const u = units[i] as Unit;
    if (i > 0 && startsStory(reading.parts[i - 1] as StoryPart, part)) {
      if (headline) total += headlineAffinity(headline, lead);
      headline = '';
      lead = [];
    }
    if ((part === 'head' || part === 'tail') && !u.label) headline += u.text;
    else if ((part === 'lead' || part === 'body') && lead.length < LEAD_PARTS) lead.push(u.text);
  });
  if (headline) total += headlineAffinity(headline, lead);
  return total;
}

/** Kinship closer than this between the two readings is a tie. */
const KINSHIP_TIE = 0.05;
/** How much more kinship a mixed reading must show than either layout alone. */
const MIXED_MARGIN = 0.3;
/** How much better a headline-after reading must score to win a tie of kinship. */
const LAYOUT_MARGIN = 1;

/** The page read both ways; the better reading. */
export function bestReading(units: Unit[]): Reading {
  const first = scoreLayout(units, 'headline-first');
  if (!units.some((u) => u.shape === 'heading' && !u.label)) return withBoundaries(units, first);
  const after = scoreLayout(units, 'headline-after');
  // Some pages set a few headlines below their stories and the rest above: each heading placed by its
  // kinship. Worth reading so only when some heading matches the text above it and another the text below.
  const headings = units.filter((u) => u.shape === 'heading' && !u.label);
  const twoWays =
    headings.some((u) => u.affinityAbove > u.affinityBelow) && headings.some((u) => u.affinityBelow > u.affinityAbove);
  const mixed = twoWays ? scoreLayout(units, 'mixed') : null;
  const kin = (x: Scored) => affinityOf(units, x.reading);
  return withBoundaries(units, choose(first, after, mixed, kin));
}

function choose(first: Scored, after: Scored, mixed: Scored | null, kin: (x: Scored) => number): Scored {
  if (mixed && kin(mixed) > Math.max(kin(first), kin(after)) + MIXED_MARGIN) return mixed;
  const kinship = kin(after) - kin(first);
  // Headlines that match their stories decide; when they match equally well, the better-scoring reading.
  if (Math.abs(kinship) > KINSHIP_TIE) return kinship > 0 ? after : first;
  // Headlines above their stories are the common layout: the other must score clearly better.
  return after.reading.score > first.reading.score + LAYOUT_MARGIN ? after : first;
}
