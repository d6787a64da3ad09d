/**
 * The best-scoring reading of a sequence: each position takes one of a few
 * states; a reading scores the sum of what each position says for its state
 * (`emit`) and what each step from one state to the next says (`step`).
 * Viterbi's dynamic programme finds the best reading in one pass; a second,
 * backward pass gives, for any step, the best reading that takes it — so the
 * segmenter can tell how close the runner-up came at every boundary.
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

export interface BestPath<S extends string> {
  states: S[];
  score: number;
  /** forward[i][k]: best score of positions 0..i with position i in state k. */
  forward: Float64Array[];
  /** backward[i][k]: best score of positions i+1.. given position i in state k. */
  backward: Float64Array[];
}

export function bestPath<S extends string>(lattice: Lattice<S>): BestPath<S> {
  const { states, length: n } = lattice;
  const k = states.length;
  const forward: Float64Array[] = [];
  const from: Int16Array[] = [];
  for (let i = 0; i < n; i++) {
    const row = new Float64Array(k).fill(-Infinity);
    const back = new Int16Array(k).fill(-1);
    for (let t = 0; t < k; t++) {
      const to = states[t] as S;
      const e = lattice.emit(i, to);
      if (e === -Infinity) continue;
      if (i === 0) {
        row[t] = e + lattice.step(0, null, to);
        continue;
      }
      const prev = forward[i - 1] as Float64Array;
      for (let f = 0; f < k; f++) {
        const p = prev[f] as number;
        if (p === -Infinity) continue;
        const v = p + lattice.step(i, states[f] as S, to) + e;
        if (v > (row[t] as number)) {
          row[t] = v;
          back[t] = f;
        }
      }
    }
    forward.push(row);
    from.push(back);
  }

  const backward: Float64Array[] = new Array<Float64Array>(n);
  for (let i = n - 1; i >= 0; i--) {
    const row = new Float64Array(k).fill(-Infinity);
    for (let f = 0; f < k; f++) {
      const s = states[f] as S;
      if (i === n - 1) {
        row[f] = lattice.finish(s);
        continue;
      }
      const next = backward[i + 1] as Float64Array;
      for (let t = 0; t < k; t++) {
        const rest = next[t] as number;
        if (rest === -Infinity) continue;
        const e = lattice.emit(i + 1, states[t] as S);
        if (e === -Infinity) continue;
        const v = lattice.step(i + 1, s, states[t] as S) + e + rest;
        if (v > (row[f] as number)) row[f] = v;
      }
    }
    backward[i] = row;
  }

  if (n === 0) return { states: [], score: 0, forward, backward };
  let best = -Infinity;
  let at = -1;
  const last = forward[n - 1] as Float64Array;
  for (let t = 0; t < k; t++) {
    const v = (last[t] as number) + lattice.finish(states[t] as S);
    if (v > best) {
      best = v;
      at = t;
    }
  }
  const path: S[] = new Array<S>(n);
  for (let i = n - 1; i >= 0; i--) {
    path[i] = states[at] as S;
    at = (from[i] as Int16Array)[at] as number;
  }
  return { states: path, score: best, forward, backward };
}

/**
 * The best score of a reading whose step into position i (i ≥ 1) satisfies
 * the predicate: with the best path's score, how much a decision at one
 * place is worth to the whole page.
 */
export function bestWithStep<S extends string>(
  lattice: Lattice<S>,
  path: BestPath<S>,
  i: number,
  accept: (from: S, to: S) => boolean,
): number {
  const { states } = lattice;
  const prev = path.forward[i - 1] as Float64Array;
  const rest = path.backward[i] as Float64Array;
  let best = -Infinity;
  for (let f = 0; f < states.length; f++) {
    for (let t = 0; t < states.length; t++) {
      const from = states[f] as S;
      const to = states[t] as S;
      if (!accept(from, to)) continue;
      const p = prev[f] as number;
      const r = rest[t] as number;
      if (p === -Infinity || r === -Infinity) continue;
      const e = lattice.emit(i, to);
      if (e === -Infinity) continue;
      const v = p + lattice.step(i, from, to) + e + r;
      if (v > best) best = v;
    }
  }
  return best;
}
