/**
 * The dynamic programme against brute force: on small random lattices the
 * best path is the best of every reading, and the best reading through a
 * given step is the best of those that take it.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { backwardScores, bestPath, bestWithStep, tabulate, type Lattice } from '../../src/lib/parser/best-path.ts';

const STATES = ['a', 'b', 'c'] as const;
type S = (typeof STATES)[number];

/** Scores from a table; -Infinity where the table says null (impossible). */
function latticeOf(
  emit: Array<Array<number | null>>,
  step: Array<Array<Array<number | null>>>,
  finish: Array<number | null> = [0, 0, 0],
): Lattice<S> {
  const v = (x: number | null | undefined) => (x === null || x === undefined ? -Infinity : x);
  return {
    states: STATES,
    length: emit.length,
    emit: (i, s) => v(emit[i]?.[STATES.indexOf(s)]),
    step: (i, from, to) => (from === null ? 0 : v(step[i]?.[STATES.indexOf(from)]?.[STATES.indexOf(to)])),
    finish: (s) => v(finish[STATES.indexOf(s)]),
  };
}

function allReadings(n: number): S[][] {
  if (n === 0) return [[]];
  return allReadings(n - 1).flatMap((r) => STATES.map((s) => [...r, s]));
}

function scoreOf(l: Lattice<S>, path: S[]): number {
  const last = path[path.length - 1];
  const body = path.reduce((t, s, i) => t + l.emit(i, s) + l.step(i, i === 0 ? null : (path[i - 1] as S), s), 0);
  return body + (last === undefined ? 0 : l.finish(last));
}

const cell = fc.option(fc.integer({ min: -5, max: 5 }), { freq: 5 });
const lattices = fc.integer({ min: 1, max: 5 }).chain((n) =>
  fc.tuple(
    fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { minLength: n, maxLength: n }),
    fc.array(fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { minLength: 3, maxLength: 3 }), {
      minLength: n,
      maxLength: n,
    }),
    fc.array(cell, { minLength: 3, maxLength: 3 }),
  ),
);

describe('best path', () => {
  it('finds the best-scoring reading, where the sequence may end', () => {
    fc.assert(
      fc.property(lattices, ([emit, step, finish]) => {
        const l = latticeOf(emit, step, finish);
        const best = Math.max(...allReadings(l.length).map((r) => scoreOf(l, r)));
        const found = bestPath(tabulate(l));
        expect(found.score).toBe(best);
        const states = found.states.map((t) => STATES[t] as S);
        if (best > -Infinity) expect(scoreOf(l, states)).toBe(best);
      }),
    );
  });

  it('scores the best reading through any step at any position as brute force does', () => {
    fc.assert(
      fc.property(lattices, fc.constantFrom(...STATES), fc.nat(), ([emit, step, finish], into, at) => {
        const l = latticeOf(emit, step, finish);
        if (l.length < 2) return;
        const i = 1 + (at % (l.length - 1));
        const table = tabulate(l);
        const path = bestPath(table);
        const through = allReadings(l.length)
          .filter((r) => r[i] === into)
          .map((r) => scoreOf(l, r));
        const best = bestWithStep(table, path.forward, backwardScores(table), i, (_, to) => STATES[to] === into);
        expect(best).toBe(Math.max(...through));
      }),
    );
  });
});
