/**
 * The best-scoring reading of a sequence: each position takes one of a few
 * states; a reading scores the sum of what each position says for its state
 * (`emit`) and what each step from one state to the next says (`step`).
 * Viterbi's dynamic programme finds the best reading in one forward pass; a
 * backward pass (asked for only when needed) gives, for any step, the best
 * reading that takes it — so the segmenter can tell how close the runner-up
 * came at every boundary.
 */

export interface Lattice<S extends string> {
  states: readonly S[];
  length: number;
  /** Score of position i in state s; -Infinity when s is impossible there. */
  emit(i: number, s: S): number;
  /** Score of entering position i in state `to` from `from` (null at the start). */
  step(i: number, from: S | null, to: S): number;
  /** Score of ending the sequence in state s. */
  finish(s: S): number;
}

/** The lattice's scores worked out once into arrays: every pass then only reads them. */
export interface Table {
  k: number;
  length: number;
  /** emit[i * k + t] */
  emit: Float64Array;
  /** step[(i * k + f) * k + t] for i ≥ 1; start[t] for i = 0 */
  step: Float64Array;
  start: Float64Array;
  finish: Float64Array;
}

export function tabulate<S extends string>(l: Lattice<S>): Table {
  const k = l.states.length;
  const n = l.length;
  const emit = new Float64Array(n * k);
  const step = new Float64Array(n * k * k);
  const start = new Float64Array(k);
  const finish = new Float64Array(k);
  for (let t = 0; t < k; t++) {
    const to = l.states[t] as S;
    finish[t] = l.finish(to);
    if (n > 0) start[t] = l.step(0, null, to);
    for (let i = 0; i < n; i++) emit[i * k + t] = l.emit(i, to);
  }
  step.fill(-Infinity);
  for (let i = 1; i < n; i++) {
    for (let f = 0; f < k; f++) {
      // A step from or into a state impossible at its position is never taken: no need to score it.
      if (emit[(i - 1) * k + f] === -Infinity) continue;
      for (let t = 0; t < k; t++) {
        if (emit[i * k + t] === -Infinity) continue;
        step[(i * k + f) * k + t] = l.step(i, l.states[f] as S, l.states[t] as S);
      }
    }
  }
  return { k, length: n, emit, step, start, finish };
}

export interface BestPath {
  /** Index of each position's state in the lattice's states. */
  states: number[];
  score: number;
  /** forward[i * k + t]: best score of positions 0..i with position i in state t. */
  forward: Float64Array;
}

export function bestPath(table: Table): BestPath {
  const { k, length: n, emit, step, start, finish } = table;
  const forward = new Float64Array(n * k).fill(-Infinity);
  const back = new Int16Array(n * k).fill(-1);
  for (let t = 0; t < k; t++) if (n > 0) forward[t] = (emit[t] as number) + (start[t] as number);
  for (let i = 1; i < n; i++) {
    for (let t = 0; t < k; t++) {
      const e = emit[i * k + t] as number;
      if (e === -Infinity) continue;
      let best = -Infinity;
      let from = -1;
      for (let f = 0; f < k; f++) {
        const p = forward[(i - 1) * k + f] as number;
        if (p === -Infinity) continue;
        const v = p + (step[(i * k + f) * k + t] as number);
        if (v > best) {
          best = v;
          from = f;
        }
      }
      forward[i * k + t] = best + e;
      back[i * k + t] = from;
    }
  }
  if (n === 0) return { states: [], score: 0, forward };
  let score = -Infinity;
  let at = 0;
  for (let t = 0; t < k; t++) {
    const v = (forward[(n - 1) * k + t] as number) + (finish[t] as number);
    if (v > score) {
      score = v;
      at = t;
    }
  }
  const states = new Array<number>(n);
  for (let i = n - 1; i >= 0; i--) {
    states[i] = at;
    at = back[i * k + at] as number;
  }
  return { states, score, forward };
}

/** backward[i * k + f]: best score of positions i+1.. given position i in state f. */
export function backwardScores(table: Table): Float64Array {
  const { k, length: n, emit, step, finish } = table;
  const backward = new Float64Array(n * k).fill(-Infinity);
  for (let f = 0; f < k; f++) if (n > 0) backward[(n - 1) * k + f] = finish[f] as number;
  for (let i = n - 2; i >= 0; i--) {
    for (let f = 0; f < k; f++) {
      let best = -Infinity;
      for (let t = 0; t < k; t++) {
        const rest = backward[(i + 1) * k + t] as number;
        const e = emit[(i + 1) * k + t] as number;
        if (rest === -Infinity || e === -Infinity) continue;
        const v = (step[((i + 1) * k + f) * k + t] as number) + e + rest;
        if (v > best) best = v;
      }
      backward[i * k + f] = best;
    }
  }
  return backward;
}

/**
 * The best score of a reading whose step into position i (i ≥ 1) satisfies
 * the predicate: with the best path's score, how much a decision at one
 * place is worth to the whole page.
 */
export function bestWithStep(
  table: Table,
  forward: Float64Array,
  backward: Float64Array,
  i: number,
  accept: (from: number, to: number) => boolean,
): number {
  const { k, emit, step } = table;
  let best = -Infinity;
  for (let f = 0; f < k; f++) {
    const p = forward[(i - 1) * k + f] as number;
    if (p === -Infinity) continue;
    for (let t = 0; t < k; t++) {
      const r = backward[i * k + t] as number;
      const e = emit[i * k + t] as number;
      if (r === -Infinity || e === -Infinity || !accept(f, t)) continue;
      const v = p + (step[(i * k + f) * k + t] as number) + e + r;
      if (v > best) best = v;
    }
  }
  return best;
}
