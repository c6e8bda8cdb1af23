/**
 * The LP solver the method needs, as an interface: a factory of models that take an LP in row-wise
 * form, change costs, bounds and sense in place, accept a basis or a starting point and report a
 * status. `lp.ts` builds every model of the method through it; the solver itself (HiGHS compiled to
 * WebAssembly, its loading and compilation flags) is the runtime's (src/runtime/highs.ts), which
 * installs it with `useSolver` before the first protection. Another solver would implement these
 * few calls, reading the option names it knows (those of HiGHS: `presolve`, `solver`,
 * `simplex_strategy`) and mapping its statuses to `MODEL_STATUS`.
 *
 * @example
 *   useSolver(loadMySolver); // once, at the process's start (the runtime does it for HiGHS)
 *   const s = await solver();
 *   const m = s.create();
 *   m.passLp({ numCols: 1, colCost, colLower, colUpper, rowLower, rowUpper, starts, indices, values });
 *   m.run(); m.status() === MODEL_STATUS.optimal;
 */
import { solverMissing } from './messages.ts';

/** Model statuses the method reads (the codes of HiGHS's HighsModelStatus). */
export const MODEL_STATUS = { solveError: 4, optimal: 7, infeasible: 8, unboundedOrInfeasible: 9, unbounded: 10, unknown: 15, solutionLimit: 16 } as const;
export const SENSE = { minimize: 1, maximize: -1 } as const;

/** An LP in row-wise form (`starts` without the final entry count). */
export interface CLp {
  numCols: number;
  colCost: Float64Array;
  colLower: Float64Array;
  colUpper: Float64Array;
  rowLower: Float64Array;
  rowUpper: Float64Array;
  starts: Int32Array;
  indices: Int32Array;
  values: Float64Array;
}

export interface LpSolver {
  /** the solver's infinite bound */
  infinity: number;
  create(): CModel;
}

/** One model held by the solver; `dispose` frees it. */
export interface CModel {
  setOption(name: string, value: boolean | number | string): void;
  passLp(lp: CLp): void;
  addRows(lower: Float64Array, upper: Float64Array, starts: Int32Array, indices: Int32Array, values: Float64Array): void;
  setColsCost(costs: Float64Array): void;
  setColCost(col: number, cost: number): void;
  setColBounds(col: number, lower: number, upper: number): void;
  setRowBounds(row: number, lower: number, upper: number): void;
  setSense(sense: number): void;
  /** basis status codes: 0 lower, 1 basic, 2 upper, 3 zero */
  setBasis(colStatus: Int32Array, rowStatus: Int32Array): void;
  setLogicalBasis(): void;
  /**
   * integrality of every column (0 continuous, 1 integer): the model becomes a MIP (the start
   * pattern, start.ts); a solver without it gives no start pattern
   */
  setIntegrality?(integrality: Int32Array): void;
  setSolution(colValue: Float64Array): void;
  /** the run's return status (−1 error, 0 ok, 1 warning) */
  run(): number;
  status(): number;
  objective(): number;
  /** a copy of the primal column values */
  colValues(): Float64Array;
  /**
   * a copy of the row duals of an LP solved to optimality (the cut loop of the start pattern reads
   * which published cells an attack's bound rests on, cuts.ts); a solver without it gives no cuts
   */
  rowDuals?(): Float64Array;
  dispose(): void;
}

let load: (() => Promise<LpSolver>) | undefined;
let instance: Promise<LpSolver> | undefined;

/** Installs the solver (`load` is called once, at the first `solver()`); replaces any earlier one. */
export function useSolver(loader: () => Promise<LpSolver>): void {
  if (loader === load) return;
  load = loader;
  instance = undefined;
}

/** The solver installed by `useSolver`, loaded at the first call; one instance per thread. */
export function solver(): Promise<LpSolver> {
  if (!load) return Promise.reject(new Error(solverMissing()));
  instance ??= load();
  return instance;
}
