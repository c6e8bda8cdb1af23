/**
 * The C binding of HiGHS (src/runtime/highs-c.ts) against the `highs` package's own model API,
 * which stays the reference: same LP, same answer.
 */
import { describe, expect, test } from '@jest/globals';
import loadPackage, { type Highs as PackageHighs } from 'highs';
import { loadHighs } from '../../src/runtime/highs-c.ts';
import { MODEL_STATUS, SENSE, type CModel, type LpSolver as HighsC } from '../../src/protect/solver.ts';
import { LpModel } from '../../src/protect/lp.ts';
import { solverFailed, solverStopped } from '../../src/protect/messages.ts';

/** max x + 2y + 3z, x + y ≤ 4, y + z ≤ 3, x + z ≥ 1, 0 ≤ x, y, z ≤ 2 */
const small = {
  numCols: 3,
  colCost: new Float64Array([1, 2, 3]),
  colLower: new Float64Array([0, 0, 0]),
  colUpper: new Float64Array([2, 2, 2]),
  rowLower: new Float64Array([-Infinity, -Infinity, 1]),
  rowUpper: new Float64Array([4, 3, Infinity]),
  starts: new Int32Array([0, 2, 4]),
  indices: new Int32Array([0, 1, 1, 2, 0, 2]),
  values: new Float64Array([1, 1, 1, 1, 1, 1]),
};

describe('HiGHS through its C API', () => {
  test('solves an LP as the package does', async () => {
    const h = await loadHighs();
    const model = h.create();
    model.passLp(small);
    model.setSense(SENSE.maximize);
    expect(model.run()).not.toBe(-1);
    expect(model.status()).toBe(MODEL_STATUS.optimal);

    const p: PackageHighs = await (loadPackage as unknown as () => Promise<PackageHighs>)();
    const reference = p.createModel({
      numCols: 3,
      numRows: 3,
      colCost: small.colCost,
      colLower: small.colLower,
      colUpper: small.colUpper,
      rowLower: small.rowLower.map((v) => (v === -Infinity ? -p.infinity : v)),
      rowUpper: small.rowUpper.map((v) => (v === Infinity ? p.infinity : v)),
      matrix: { format: 'csr', numRows: 3, numCols: 3, starts: Int32Array.from([...small.starts, 6]), indices: small.indices, values: small.values },
    });
    reference.options.set({ output_flag: false });
    reference.changeObjectiveSense(p.constants.objectiveSense.maximize);
    reference.run();
    expect(model.objective()).toBeCloseTo(reference.getObjectiveValue(), 9);
    expect(Array.from(model.colValues())).toEqual(Array.from(reference.getSolution().colValue));
    expect(model.objective()).toBeCloseTo(2 + 2 * 1 + 3 * 2, 9); // x = 2, y = 1, z = 2
    reference.dispose();
    model.dispose();
  });

  test('bounds, costs, rows and basis changes reach the solver', async () => {
    const h = await loadHighs();
    const model = h.create();
    model.passLp(small);
    model.setSense(SENSE.maximize);
    model.run();
    model.setColBounds(2, 0, 1); // z ≤ 1: x = 2, y = 2, z = 1
    model.run();
    expect(model.objective()).toBeCloseTo(2 + 4 + 3, 9);
    model.setColsCost(new Float64Array([1, 0, 0])); // max x
    model.run();
    expect(model.objective()).toBeCloseTo(2, 9);
    model.setColCost(0, -1); // max −x, with x + z ≥ 1 and z ≤ 1: x = 0
    model.run();
    expect(model.objective()).toBeCloseTo(0, 9);
    model.setRowBounds(2, 2, Infinity); // x + z ≥ 2: x = 1
    model.run();
    expect(model.objective()).toBeCloseTo(-1, 9);
    model.addRows(new Float64Array([3]), new Float64Array([Infinity]), new Int32Array([0]), new Int32Array([0, 1]), new Float64Array([1, 1])); // x + y ≥ 3
    model.run();
    expect(model.colValues()[0] + model.colValues()[1]).toBeGreaterThanOrEqual(3 - 1e-9);
    model.setLogicalBasis();
    model.run();
    expect(model.status()).toBe(MODEL_STATUS.optimal);
    model.dispose();
  });

  test('options of every type are set; an unknown option is refused', async () => {
    const model = (await loadHighs()).create();
    expect(() => model.setOption('presolve', 'off')).not.toThrow();
    expect(() => model.setOption('simplex_strategy', 4)).not.toThrow();
    expect(() => model.setOption('dual_feasibility_tolerance', 1e-8)).not.toThrow();
    expect(() => model.setOption('output_flag', false)).not.toThrow();
    expect(() => model.setOption('no_such_option', 1)).toThrow(/no_such_option/);
    model.dispose();
  });

  test('solutions stay right after the solver memory grows', async () => {
    const h = await loadHighs();
    const n = 1_000_000; // about 60 MB of arrays: more than the module starts with
    const model = h.create();
    // min Σ (1 + j mod 7) x_j, Σ x_j ≥ 5, 0 ≤ x_j ≤ 1: five columns of cost 1 at 1
    model.passLp({
      numCols: n,
      colCost: Float64Array.from({ length: n }, (_, j) => 1 + (j % 7)),
      colLower: new Float64Array(n),
      colUpper: new Float64Array(n).fill(1),
      rowLower: new Float64Array([5]),
      rowUpper: new Float64Array([Infinity]),
      starts: new Int32Array([0]),
      indices: Int32Array.from({ length: n }, (_, j) => j),
      values: new Float64Array(n).fill(1),
    });
    model.run();
    expect(model.status()).toBe(MODEL_STATUS.optimal);
    expect(model.objective()).toBeCloseTo(5, 9);
    const x = model.colValues();
    expect(x.length).toBe(n);
    expect(x.reduce((s, v) => s + v, 0)).toBeCloseTo(5, 9);
    x.forEach((v, j) => {
      if (v > 0) expect(j % 7).toBe(0);
    });
    model.dispose();
  });
});

describe('LpModel when the solver fails', () => {
  /** A solver whose every run fails as `run` says; records what LpModel asked of it. */
  function failing(run: () => number, status: () => number) {
    const calls: string[] = [];
    const model: CModel = {
      setOption: () => {},
      passLp: () => {},
      addRows: () => {},
      setColsCost: () => {},
      setColCost: () => {},
      setColBounds: () => {},
      setRowBounds: () => {},
      setSense: () => {},
      setBasis: () => {},
      setLogicalBasis: () => void calls.push('logical'),
      setSolution: () => {},
      run: () => (calls.push('run'), run()),
      status,
      objective: () => 0,
      colValues: () => new Float64Array(1),
      dispose: () => {},
    };
    const h: HighsC = { infinity: Infinity, create: () => model };
    const lp = LpModel.create(h, { numCols: 1, colLower: new Float64Array(1), colUpper: new Float64Array([1]), rows: { starts: [0, 1], indices: [0], values: [1], lower: [0], upper: [1] } }, true);
    return { lp, calls };
  }

  test('an error is retried from the all-slack basis, then reported in French with its status', () => {
    const { lp, calls } = failing(() => -1, () => MODEL_STATUS.solveError);
    expect(() => lp.minimize()).toThrow(solverFailed(String(MODEL_STATUS.solveError)));
    expect(calls).toEqual(['run', 'logical', 'run']);
  });

  test('a stopped module (a trap) gives the French message, not the runtime error', () => {
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
