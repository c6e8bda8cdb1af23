/**
 * The method's LP interface (src/protect/solver.ts): `LpModel` builds its models through whatever
 * solver is installed, here a stand-in that records the calls, then HiGHS again (as the runtime
 * installs it) for the rest of the suite.
 */
import { afterAll, describe, expect, it } from '@jest/globals';
import { LpModel } from '../../src/protect/lp.ts';
import { MODEL_STATUS, solver, useSolver, type CLp, type CModel, type LpSolver } from '../../src/protect/solver.ts';
import { useHighs } from '../../src/runtime/highs.ts';
import { inertModel } from './stand-in-solver.ts';

/** A solver that answers `x` = the column's upper bound for every LP, and records what it was given. */
function standIn(): { solver: LpSolver; given: CLp[]; options: [string, unknown][] } {
  const given: CLp[] = [];
  const options: [string, unknown][] = [];
  const model = (): CModel => {
    let lp: CLp | undefined;
    return inertModel({
      setOption: (name, value) => void options.push([name, value]),
      passLp: (l) => void (lp = l, given.push(l)),
      status: () => MODEL_STATUS.optimal,
      objective: () => 7,
      colValues: () => Float64Array.from(lp!.colUpper),
    });
  };
  return { solver: { infinity: 1e30, create: model }, given, options };
}

afterAll(() => useHighs());

describe('the LP interface', () => {
  it('runs the method’s models on the installed solver, infinite bounds as its infinity', async () => {
    const fake = standIn();
    useSolver(async () => fake.solver);
    expect(await solver()).toBe(fake.solver);
    const model = await LpModel.open({ numCols: 2, colLower: new Float64Array([0, 0]), colUpper: new Float64Array([3, Infinity]), rows: { starts: [0, 2], indices: [0, 1], values: [1, 1], lower: [-Infinity], upper: [5] } }, true);
    const outcome = model.solve(new Map([[0, 1]]), true);
    expect(outcome).toEqual({ status: 'optimal', objective: 7, x: new Float64Array([3, 1e30]) });
    expect(Array.from(fake.given[0].colUpper)).toEqual([3, 1e30]);
    expect(Array.from(fake.given[0].rowLower)).toEqual([-1e30]);
    expect(fake.options).toContainEqual(['presolve', 'off']);
  });

  it('loads the solver once per thread, until another is installed', async () => {
    let loads = 0;
    const fake = standIn();
    const load = async () => (loads++, fake.solver);
    useSolver(load);
    useSolver(load); // the same loader again: kept, not reloaded
    await Promise.all([solver(), solver()]);
    expect(loads).toBe(1);
    useHighs();
    const highs = await solver();
    expect(highs).not.toBe(fake.solver);
    expect(highs.infinity).toBeGreaterThan(1e20);
  });
});
