/**
 * The C binding of HiGHS (src/runtime/highs-c.ts) on an LP of a million columns (about 60 MB of
 * arrays, more than the module starts with): the solution stays right after the memory grows.
 */
import { describe, expect, test } from '@jest/globals';
import { loadHighs } from '../../src/runtime/highs-c.ts';
import { MODEL_STATUS } from '../../src/protect/solver.ts';

describe('HiGHS through its C API', () => {
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
