/**
 * The C binding of HiGHS (src/runtime/highs-c.ts) against the `highs` package's own model API,
 * which stays the reference: same LP, same answer. A million-column LP that makes the solver's
 * memory grow is in tests/e2e/highs-c-memory.test.ts; LpModel's recovery when the solver fails, in
 * tests/protect/lp.test.ts.
 */
import { describe, expect, test } from '@jest/globals';
import loadPackage, { type Highs as PackageHighs } from 'highs';
import { loadHighs } from '../../src/runtime/highs-c.ts';
import { MODEL_STATUS, SENSE } from '../../src/protect/solver.ts';

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
});
