/**
 * A solver model that does nothing unless told: the tests of `LpModel` (protect/lp.ts) and of the LP
 * interface (protect/solver.ts) give it only the answers they test.
 *
 * @example
 *   const model = inertModel({ run: () => -1, status: () => MODEL_STATUS.solveError });
 */
import { MODEL_STATUS, type CModel } from '../../src/protect/solver.ts';

export function inertModel(answers: Partial<CModel> = {}): CModel {
  return {
    setOption: () => {},
    passLp: () => {},
    addRows: () => {},
    setColsCost: () => {},
    setColCost: () => {},
    setColBounds: () => {},
    setRowBounds: () => {},
    setSense: () => {},
    setBasis: () => {},
    setLogicalBasis: () => {},
    setSolution: () => {},
    run: () => 0,
    status: () => MODEL_STATUS.optimal,
    objective: () => 0,
    colValues: () => new Float64Array(1),
    dispose: () => {},
    ...answers,
  };
}
