/**
 * The LP wrapper (src/protect/lp.ts) on programs solved by hand: optimum and point, a changed
 * objective re-solved on the same model, infinite bounds, unbounded and infeasible programs, bound
 * changes and added rows between solves, and its recovery when the solver fails.
 *
 * The program used throughout: x, y ≥ 0, x + 2y ≤ 4, 3x + y ≤ 6. Its vertices are (0, 0), (2, 0),
 * (1.6, 1.2) and (0, 2); max x + y = 2.8 at (1.6, 1.2), max x = 2 at (2, 0), max y = 2 at (0, 2).
 */
import { describe, expect, it } from '@jest/globals';
import { LpModel, type LpProblem, type Outcome } from '../../src/protect/lp.ts';
import { MODEL_STATUS, type CModel, type LpSolver } from '../../src/protect/solver.ts';
import { solverFailed, solverStopped } from '../../src/protect/messages.ts';
import { inertModel } from './stand-in-solver.ts';

const X = 0;
const Y = 1;

const polygon = (start?: Float64Array): LpProblem => ({
  numCols: 2,
  colLower: new Float64Array([0, 0]),
  colUpper: new Float64Array([Infinity, Infinity]),
  rows: { starts: [0, 2, 4], indices: [X, Y, X, Y], values: [1, 2, 3, 1], lower: [-Infinity, -Infinity], upper: [4, 6] },
  ...(start ? { start } : {}),
});

function optimum(out: Outcome): { objective: number; x: number[] } {
  if (out.status !== 'optimal') throw new Error(`expected an optimum, got ${out.status}`);
  return { objective: out.objective, x: [...out.x] };
}

function expectOptimum(out: Outcome, objective: number, x: number[]) {
  const got = optimum(out);
  expect(got.objective).toBeCloseTo(objective, 9);
  got.x.forEach((v, j) => expect(v).toBeCloseTo(x[j], 9));
}

describe('LpModel.solve', () => {
  it('finds the optimum and its point, then re-solves the same model for other objectives and senses', async () => {
    const lp = await LpModel.open(polygon());
    try {
      expectOptimum(lp.solve(new Map([[X, 1], [Y, 1]]), true), 2.8, [1.6, 1.2]);
      // the second and later solves run without presolve, from the last basis
      expectOptimum(lp.solve(new Map([[X, 1]]), true), 2, [2, 0]);
      expectOptimum(lp.solve(new Map([[Y, 1]]), true), 2, [0, 2]);
      expectOptimum(lp.solve(new Map([[X, 1], [Y, 1]]), false), 0, [0, 0]);
      expectOptimum(lp.solve(new Map([[X, -1], [Y, 1]]), false), -2, [2, 0]);
    } finally {
      lp.dispose();
    }
  });

  it('gives the same optimum from a known feasible starting point', async () => {
    for (const start of [new Float64Array([1, 1]), new Float64Array([0, 0])]) {
      const lp = await LpModel.open(polygon(start));
      try {
        expectOptimum(lp.solve(new Map([[X, 1], [Y, 1]]), true), 2.8, [1.6, 1.2]);
      } finally {
        lp.dispose();
      }
    }
  });

  it('says unbounded when the objective can grow without limit, infeasible when no point exists', async () => {
    // x − y ≤ 1 with x, y ≥ 0: x + y grows along x = y + 1
    const open: LpProblem = { numCols: 2, colLower: new Float64Array(2), colUpper: new Float64Array([Infinity, Infinity]), rows: { starts: [0, 2], indices: [X, Y], values: [1, -1], lower: [-Infinity], upper: [1] } };
    const lp = await LpModel.open(open);
    try {
      expect(lp.solve(new Map([[X, 1], [Y, 1]]), true).status).toBe('unbounded');
      // minimising the same model is bounded
      expectOptimum(lp.solve(new Map([[X, 1], [Y, 1]]), false), 0, [0, 0]);
    } finally {
      lp.dispose();
    }
    // x + y ≥ 5 inside the polygon (x + y ≤ 2.8 there)
    const none = polygon();
    none.rows = { starts: [0, 2, 4, 6], indices: [X, Y, X, Y, X, Y], values: [1, 2, 3, 1, 1, 1], lower: [-Infinity, -Infinity, 5], upper: [4, 6, Infinity] };
    const empty = await LpModel.open(none);
    try {
      expect(empty.solve(new Map([[X, 1]]), true).status).toBe('infeasible');
    } finally {
      empty.dispose();
    }
  });

  it('takes negative lower bounds on columns (the repair’s moves)', async () => {
    // −3 ≤ x ≤ 1, −1 ≤ y ≤ 2, x + y = 0
    const lp = await LpModel.open({ numCols: 2, colLower: new Float64Array([-3, -1]), colUpper: new Float64Array([1, 2]), rows: { starts: [0, 2], indices: [X, Y], values: [1, 1], lower: [0], upper: [0] } });
    try {
      // x = −y with y ≤ 2: x ≥ −2; with y ≥ −1: x ≤ 1
      expectOptimum(lp.solve(new Map([[X, 1]]), false), -2, [-2, 2]);
      expectOptimum(lp.solve(new Map([[X, 1]]), true), 1, [1, -1]);
    } finally {
      lp.dispose();
    }
  });
});

describe('LpModel.minimize (a model changed between solves)', () => {
  it('re-solves after bound changes, cost changes and added rows', async () => {
    const problem = polygon();
    problem.colCost = new Float64Array([-1, -1]); // minimise −x − y: the vertex (1.6, 1.2)
    const lp = await LpModel.open(problem, true);
    try {
      expectOptimum(lp.minimize(), -2.8, [1.6, 1.2]);
      // x ≤ 1: the edge x + 2y ≤ 4 gives y = 1.5
      lp.setColBounds(X, 0, 1);
      expectOptimum(lp.minimize(), -2.5, [1, 1.5]);
      // x + 2y ≤ 3 now: y = 1
      lp.setRowBounds(0, -Infinity, 3);
      expectOptimum(lp.minimize(), -2, [1, 1]);
      // back to x ≥ 0 unbounded above, minimise −x alone: 3x + y ≤ 6 with y ≥ 0 gives x = 2
      lp.setColBounds(X, 0, Infinity);
      lp.setCost(Y, 0);
      expectOptimum(lp.minimize(), -2, [2, 0]);
      // a new row y ≥ 0.5 moves the optimum to 3x ≤ 5.5
      lp.addRows({ starts: [0, 1], indices: [Y], values: [1], lower: [0.5], upper: [Infinity] });
      const got = optimum(lp.minimize());
      expect(got.objective).toBeCloseTo(-5.5 / 3, 9);
      expect(got.x[X]).toBeCloseTo(5.5 / 3, 9);
      expect(got.x[Y]).toBeCloseTo(0.5, 9);
      // an empty set of rows changes nothing
      lp.addRows({ starts: [0], indices: [], values: [], lower: [], upper: [] });
      expect(optimum(lp.minimize()).objective).toBeCloseTo(-5.5 / 3, 9);
    } finally {
      lp.dispose();
    }
  });

  it('says infeasible after a bound change that empties the set, and solves again when it is undone', async () => {
    const problem = polygon();
    problem.colCost = new Float64Array([1, 0]);
    const lp = await LpModel.open(problem, true);
    try {
      lp.setColBounds(X, 3, Infinity); // 3x + y ≤ 6 forbids x ≥ 3
      expect(lp.minimize().status).toBe('infeasible');
      lp.setColBounds(X, 1, Infinity);
      const got = optimum(lp.minimize());
      expect(got.objective).toBeCloseTo(1, 9);
      expect(got.x[X]).toBeCloseTo(1, 9);
    } finally {
      lp.dispose();
    }
  });
});

describe('LpModel when the solver fails', () => {
  /** A solver whose every run fails as `run` says; records what LpModel asked of it. */
  function failing(run: () => number, status: () => number) {
    const calls: string[] = [];
    const model = inertModel({
      setLogicalBasis: () => void calls.push('logical'),
      run: () => (calls.push('run'), run()),
      status,
    });
    const h: LpSolver = { infinity: Infinity, create: () => model };
    const lp = LpModel.create(h, { numCols: 1, colLower: new Float64Array(1), colUpper: new Float64Array([1]), rows: { starts: [0, 1], indices: [0], values: [1], lower: [0], upper: [1] } }, true);
    return { lp, calls };
  }

  it('an error is retried from the all-slack basis, then reported in French with its status', () => {
    const { lp, calls } = failing(() => -1, () => MODEL_STATUS.solveError);
    expect(() => lp.minimize()).toThrow(solverFailed(String(MODEL_STATUS.solveError)));
    expect(calls).toEqual(['run', 'logical', 'run']);
  });

  it('a stopped module (a trap) gives the French message, not the runtime error', () => {
    const { lp } = failing(
      () => {
        throw new Error('RuntimeError: Aborted()');
      },
      () => {
        throw new Error('RuntimeError: Aborted()');
      },
    );
    expect(() => lp.minimize()).toThrow(solverStopped());
  });
});
