/**
 * Thin wrapper over HiGHS (WebAssembly): one instance per process, one persistent model per
 * connected component, objective changed in place between solves so the simplex warm-starts.
 */
import type { Highs, Model } from 'highs';
import { createRequire } from 'node:module';
import { setFlagsFromString } from 'node:v8';
import { solverFailed } from './messages.ts';

let instance: Promise<Highs> | undefined;
const WASM_TIERING_BUDGET = 100_000_000;
export function highs(): Promise<Highs> {
  // V8 compiles HiGHS's functions quickly (Liftoff), then recompiles the hot ones with its
  // optimising compiler after a budget of work; at the default budget (1.8 M) that recompilation,
  // competing for the two cores, cost more than it saved on small tables. Measured with 100 M, fresh
  // processes, paired runs: departments × 10 protect 0.70–0.80 s → 0.35–0.53 s; 3 500 × 10
  // unchanged (4.2–4.7 s); 35 000 × 10 46.8 → 40.4 s; make annual unchanged. Process-wide, set
  // before HiGHS is compiled.
  if (!instance) setFlagsFromString(`--wasm-tiering-budget=${WASM_TIERING_BUDGET}`);
  // required, not imported: the ES module build goes through tsx's loader, which transpiles its
  // 168 kB again in every process and thread (measured 103–122 ms against 7–23 ms)
  instance ??= Promise.resolve().then(() => (createRequire(import.meta.url)('highs') as () => Promise<Highs>)());
  return instance;
}

/** Sparse rows: `lower ≤ Σ coef·x ≤ upper`. */
export interface LpRows {
  starts: number[];
  indices: number[];
  values: number[];
  lower: number[];
  upper: number[];
}

export interface LpProblem {
  numCols: number;
  colLower: Float64Array;
  colUpper: Float64Array;
  /** zero when absent */
  colCost?: Float64Array;
  rows: LpRows;
  /**
   * A feasible point known in advance (the attacker's: the true inner values). HiGHS builds its
   * first basis from it instead of from scratch: measured on the 6 984-column attacker's model of
   * the linked tables of the shipped sample, first solve 469 ms → 104 ms.
   */
  start?: Float64Array;
}

export type Outcome = { status: 'optimal'; objective: number; x: Float64Array } | { status: 'unbounded' } | { status: 'infeasible' };

/** HiGHS takes a large finite number for an infinite bound. */
function finite(h: Highs, v: number): number {
  return v === Infinity ? h.infinity : v === -Infinity ? -h.infinity : v;
}

/** Rows as HiGHS takes them: finite bounds, a CSR matrix. */
function rowData(h: Highs, rows: LpRows, numCols: number) {
  const numRows = rows.lower.length;
  return {
    lower: Float64Array.from(rows.lower, (v) => finite(h, v)),
    upper: Float64Array.from(rows.upper, (v) => finite(h, v)),
    matrix: { format: 'csr' as const, numRows, numCols, starts: Int32Array.from(rows.starts), indices: Int32Array.from(rows.indices), values: Float64Array.from(rows.values) },
  };
}

/** A model kept in memory: `solve` changes the objective (and sense) and re-runs. */
export class LpModel {
  private runs = 0;
  private constructor(
    private readonly h: Highs,
    private readonly model: Model,
    readonly numCols: number,
    private start?: Float64Array,
  ) {}

  /**
   * `once`: the model is solved a single time, or re-solved only after bound changes through
   * `minimize` (dual simplex without presolve suits both).
   * `presolve`: for a model solved many times, whether its first solve presolves. Off is faster
   * on small attacker's models (measured: the joint audit of linked tables 2.7 s → 1.2 s), on on
   * large ones (see `Attack` in check.ts); either may reach another optimal vertex.
   * Infinite bounds may be given as ±Infinity.
   */
  static async open(problem: LpProblem, once = false, presolve = true): Promise<LpModel> {
    return LpModel.create(await highs(), problem, once, presolve);
  }

  /** `open` with the instance already loaded (synchronous). */
  static create(h: Highs, problem: LpProblem, once = false, presolve = true): LpModel {
    const { lower, upper, matrix } = rowData(h, problem.rows, problem.numCols);
    const model = h.createModel({
      numCols: problem.numCols,
      numRows: matrix.numRows,
      colCost: problem.colCost ?? new Float64Array(problem.numCols),
      colLower: problem.colLower.map((v) => finite(h, v)),
      colUpper: problem.colUpper.map((v) => finite(h, v)),
      rowLower: lower,
      rowUpper: upper,
      matrix,
    });
    if (once) model.options.set({ output_flag: false, presolve: 'off' }); // measured: presolve costs more than it saves on these small models
    // first solve from scratch: presolve and dual simplex; after that an objective change keeps the
    // basis primal feasible, and primal simplex without presolve warm-starts from it (see solve)
    else model.options.set({ output_flag: false, presolve: presolve ? 'on' : 'off', solver: 'simplex', simplex_strategy: 1 });
    return new LpModel(h, model, problem.numCols, problem.start);
  }

  /** Optimises Σ cost·x (sparse cost given as column → coefficient). */
  solve(cost: ReadonlyMap<number, number>, maximize: boolean): Outcome {
    const next = new Float64Array(this.numCols);
    for (const [j, c] of cost) next[j] = c;
    this.model.changeColsCost({ kind: 'range', from: 0, to: this.numCols - 1 }, next);
    this.model.changeObjectiveSense(maximize ? this.h.constants.objectiveSense.maximize : this.h.constants.objectiveSense.minimize);
    if (this.runs++ === 1) this.model.options.set({ presolve: 'off', simplex_strategy: 4 });
    // after the objective change, which would discard it
    if (this.start) this.model.setSolution({ colValue: this.start });
    this.start = undefined;
    this.run();
    return this.outcome();
  }

  /** Installs a basis (HiGHS status codes: 0 lower, 1 basic, 2 upper, 3 zero) for the next solve. */
  setBasis(colStatus: Int32Array, rowStatus: Int32Array): void {
    this.model.setBasis({ colStatus, rowStatus });
  }

  /** Adds rows to the model; the current basis stays, the new rows' activities basic. */
  addRows(rows: LpRows): void {
    if (rows.lower.length > 0) this.model.addRows(rowData(this.h, rows, this.numCols));
  }

  /** Changes one column's objective coefficient (for `minimize`). */
  setCost(col: number, cost: number): void {
    this.model.changeColCost(col, cost);
  }

  setColBounds(col: number, lower: number, upper: number): void {
    this.model.changeColBounds(col, finite(this.h, lower), finite(this.h, upper));
  }

  setRowBounds(row: number, lower: number, upper: number): void {
    this.model.changeRowBounds(row, finite(this.h, lower), finite(this.h, upper));
  }

  /**
   * Minimises the objective as set by `setCost`, warm-starting from the last basis (a model
   * opened with `once`: dual simplex, no presolve, which suits bound changes between solves).
   */
  minimize(): Outcome {
    this.model.changeObjectiveSense(this.h.constants.objectiveSense.minimize);
    this.run();
    return this.outcome();
  }

  /**
   * Runs HiGHS; when it fails from the basis it was given, runs it again from its own (all-slack)
   * basis. Seen on a three-dimension table: the repair's zero-move basis (see `TableRepair`), whose
   * suppressed cells' free rows are nonbasic, met slightly negative perturbed costs, and the dual
   * simplex stopped with an error before its first iteration; from the all-slack basis it solved.
   */
  private run(): void {
    try {
      this.model.run();
      if (this.model.getModelStatus() !== this.h.constants.modelStatus.solveError) return;
    } catch {
      // below
    }
    this.model.setLogicalBasis();
    try {
      this.model.run();
    } catch {
      throw new Error(solverFailed(String(this.model.getModelStatus())));
    }
  }

  private outcome(): Outcome {
    const status = this.model.getModelStatus();
    const codes = this.h.constants.modelStatus;
    if (status === codes.optimal) return { status: 'optimal', objective: this.model.getObjectiveValue(), x: this.model.getSolution().colValue };
    if (status === codes.unbounded || status === codes.unboundedOrInfeasible) return { status: 'unbounded' };
    if (status === codes.infeasible) return { status: 'infeasible' };
    throw new Error(solverFailed(String(status)));
  }

  dispose(): void {
    this.model.dispose();
  }
}
