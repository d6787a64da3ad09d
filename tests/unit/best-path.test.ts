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
function latticeOf(emit: Array<Array<number | null>>, step: Array<Array<Array<number | null>>>): Lattice<S> {
  const v = (x: number | null | undefined) => (x === null || x === undefined ? -Infinity : x);
  return {
    states: STATES,
    length: emit.length,
    emit: (i, s) => v(emit[i]?.[STATES.indexOf(s)]),
    step: (i, from, to) => (from === null ? 0 : v(step[i]?.[STATES.indexOf(from)]?.[STATES.indexOf(to)])),
    finish: () => 0,
  };
}

function allReadings(n: number): S[][] {
  if (n === 0) return [[]];
  return allReadings(n - 1).flatMap((r) => STATES.map((s) => [...r, s]));
}

function scoreOf(l: Lattice<S>, path: S[]): number {
  return path.reduce((t, s, i) => t + l.emit(i, s) + l.step(i, i === 0 ? null : (path[i - 1] as S), s), 0);
}

const cell = fc.option(fc.integer({ min: -5, max: 5 }), { freq: 5 });
const lattices = fc.integer({ min: 1, max: 5 }).chain((n) =>
  fc.tuple(
    fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { minLength: n, maxLength: n }),
    fc.array(fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { minLength: 3, maxLength: 3 }), {
      minLength: n,
      maxLength: n,
    }),
  ),
);

describe('best path', () => {
  it('finds the best-scoring reading', () => {
    fc.assert(
      fc.property(lattices, ([emit, step]) => {
        const l = latticeOf(emit, step);
        const best = Math.max(...allReadings(l.length).map((r) => scoreOf(l, r)));
        const found = bestPath(tabulate(l));
        expect(found.score).toBe(best);
        if (best > -Infinity)
          expect(
            scoreOf(
              l,
              found.states.map((t) => STATES[t] as S),
            ),
          ).toBe(best);
      }),
    );
  });

  it('scores the best reading through any step as brute force does', () => {
    fc.assert(
      fc.property(lattices, fc.constantFrom(...STATES), ([emit, step], into) => {
        const l = latticeOf(emit, step);
        if (l.length < 2) return;
        const table = tabulate(l);
        const path = bestPath(table);
        const through = allReadings(l.length)
          .filter((r) => r[1] === into)
          .map((r) => scoreOf(l, r));
        const through1 = bestWithStep(table, path.forward, backwardScores(table), 1, (_, to) => STATES[to] === into);
        expect(through1).toBe(Math.max(...through));
      }),
    );
  });
});
