/**
 * A page sets its headlines above their stories or, on some pages, below
 * them. The page is read both ways, each the best-scoring path over all its
 * units; the reading whose headlines share more words with the leads they
 * head wins. Each reading also says, for every gap between units, how much
 * the runner-up reading of that gap lost by: the boundary's margin.
 */
import { bestPath, bestWithStep, type Lattice } from './best-path.ts';
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
import { headlineAffinity, LEAD_LENGTH } from './affinity.ts';

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
export const DOUBTFUL_MARGIN = 1.5;

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

export function readPage(units: Unit[], layout: Layout): Reading {
  let l = lattice(units, layout);
  let path = bestPath(l);
  if (path.score === -Infinity) {
    l = relaxed(l);
    path = bestPath(l);
  }
  const boundaries: Boundary[] = [];
  for (let i = 1; i < units.length; i++) {
    const from = path.states[i - 1] as StoryPart;
    const to = path.states[i] as StoryPart;
    // Furniture stands outside stories: the decisions that count are at story text.
    if (to === 'furniture') continue;
    const starts = startsStory(from, to);
    const other = bestWithStep(l, path, i, (f, t) => t !== 'furniture' && startsStory(f, t) !== starts);
    boundaries.push({
      unit: i,
      starts,
      margin: other === -Infinity ? Infinity : path.score - other,
      features: firedFeatures(units, i, from, to, layout),
    });
  }
  return { layout, parts: path.states, score: path.score, boundaries };
}

/** Sum over the reading's stories of how well each headline matches its lead. */
export function affinityOf(units: Unit[], reading: Reading): number {
  let total = 0;
  let headline = '';
  let lead = '';
  const flush = () => {
    if (headline) total += headlineAffinity(headline, lead.slice(0, LEAD_LENGTH));
    headline = '';
    lead = '';
  };
  reading.parts.forEach((part, i) => {
    const u = units[i] as Unit;
    if (i > 0 && startsStory(reading.parts[i - 1] as StoryPart, part)) flush();
    if ((part === 'head' || part === 'tail') && !u.label) headline += u.text;
    else if ((part === 'lead' || part === 'body') && lead.length < LEAD_LENGTH) lead += u.text;
  });
  flush();
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
  const first = readPage(units, 'headline-first');
  if (!units.some((u) => u.shape === 'heading' && !u.label)) return first;
  const after = readPage(units, 'headline-after');
  // Some pages set a few headlines below their stories and the rest above: each heading placed by its kinship.
  const mixed = readPage(units, 'mixed');
  const pure = Math.max(affinityOf(units, first), affinityOf(units, after));
  if (affinityOf(units, mixed) > pure + MIXED_MARGIN) return mixed;
  const kinship = affinityOf(units, after) - affinityOf(units, first);
  // Headlines that match their stories decide; when they match equally well, the better-scoring reading.
  if (Math.abs(kinship) > KINSHIP_TIE) return kinship > 0 ? after : first;
  // Headlines above their stories are the common layout: the other must score clearly better.
  return after.score > first.score + LAYOUT_MARGIN ? after : first;
}
