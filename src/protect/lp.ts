/**
 * The method's LP models over the solver interface (solver.ts; HiGHS in the runtime): one solver
 * per thread, one persistent model per connected component, objective changed in place between
 * solves so the simplex warm-starts.
 */
import { MODEL_STATUS, SENSE, solver, type CModel, type LpSolver } from './solver.ts';
import { solverFailed, solverStopped } from './messages.ts';

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
   * first basis from it instead of from scratch, which shortens the first solve of a large
   * attacker's model (figures in bench/README.md).
   */
  start?: Float64Array;
}

export type Outcome = { status: 'optimal'; objective: number; x: Float64Array } | { status: 'unbounded' } | { status: 'infeasible' };

/** HiGHS takes a large finite number for an infinite bound. */
function finite(h: LpSolver, v: number): number {
  return v === Infinity ? h.infinity : v === -Infinity ? -h.infinity : v;
}

/** Rows as HiGHS takes them: finite bounds, row starts without the final count. */
function rowData(h: LpSolver, rows: LpRows) {
  return {
    lower: Float64Array.from(rows.lower, (v) => finite(h, v)),
    upper: Float64Array.from(rows.upper, (v) => finite(h, v)),
    starts: Int32Array.from(rows.starts.slice(0, -1)),
    indices: Int32Array.from(rows.indices),
    values: Float64Array.from(rows.values),
  };
}

/** A model kept in memory: `solve` changes the objective (and sense) and re-runs. */
export class LpModel {
  private runs = 0;
  private constructor(
    private readonly h: LpSolver,
    private readonly model: CModel,
    readonly numCols: number,
    private start?: Float64Array,
  ) {}

  /**
   * `once`: the model is solved a single time, or re-solved only after bound changes through
   * `minimize` (dual simplex without presolve suits both).
   * `presolve`: for a model solved many times, whether its first solve presolves. Off is faster
   * on small attacker's models, on on large ones (see `Attack` in check.ts); either may reach
   * another optimal vertex.
   * Infinite bounds may be given as ±Infinity.
   */
  static async open(problem: LpProblem, once = false, presolve = true): Promise<LpModel> {
    return LpModel.create(await solver(), problem, once, presolve);
  }

  /** `open` with the instance already loaded (synchronous). */
  static create(h: LpSolver, problem: LpProblem, once = false, presolve = true): LpModel {
    const { lower, upper, starts, indices, values } = rowData(h, problem.rows);
    const model = h.create();
    model.passLp({
      numCols: problem.numCols,
      colCost: problem.colCost ?? new Float64Array(problem.numCols),
      colLower: problem.colLower.map((v) => finite(h, v)),
      colUpper: problem.colUpper.map((v) => finite(h, v)),
      rowLower: lower,
      rowUpper: upper,
      starts,
      indices,
      values,
    });
    if (once) model.setOption('presolve', 'off'); // measured: presolve costs more than it saves on these small models
    else {
      // first solve from scratch: presolve and dual simplex; after that an objective change keeps
      // the basis primal feasible, and primal simplex without presolve warm-starts from it (see solve)
      model.setOption('presolve', presolve ? 'on' : 'off');
      model.setOption('solver', 'simplex');
      model.setOption('simplex_strategy', 1);
    }
    return new LpModel(h, model, problem.numCols, problem.start);
  }

  /** Optimises Σ cost·x (sparse cost given as column → coefficient). */
  solve(cost: ReadonlyMap<number, number>, maximize: boolean): Outcome {
    const next = new Float64Array(this.numCols);
    for (const [j, c] of cost) next[j] = c;
    this.model.setColsCost(next);
    this.model.setSense(maximize ? SENSE.maximize : SENSE.minimize);
    if (this.runs++ === 1) {
      this.model.setOption('presolve', 'off');
      this.model.setOption('simplex_strategy', 4);
    }
    // after the objective change, which would discard it
    if (this.start) this.model.setSolution(this.start);
    this.start = undefined;
    this.run();
    return this.outcome();
  }

  /** Installs a basis (HiGHS status codes: 0 lower, 1 basic, 2 upper, 3 zero) for the next solve. */
  setBasis(colStatus: Int32Array, rowStatus: Int32Array): void {
    this.model.setBasis(colStatus, rowStatus);
  }

  /** Adds rows to the model; the current basis stays, the new rows' activities basic. */
  addRows(rows: LpRows): void {
    if (rows.lower.length === 0) return;
    const { lower, upper, starts, indices, values } = rowData(this.h, rows);
    this.model.addRows(lower, upper, starts, indices, values);
  }

  /** Changes one column's objective coefficient (for `minimize`). */
  setCost(col: number, cost: number): void {
    this.model.setColCost(col, cost);
  }

  setColBounds(col: number, lower: number, upper: number): void {
    this.model.setColBounds(col, finite(this.h, lower), finite(this.h, upper));
  }

  setRowBounds(row: number, lower: number, upper: number): void {
    this.model.setRowBounds(row, finite(this.h, lower), finite(this.h, upper));
  }

  /**
   * Minimises the objective as set by `setCost`, warm-starting from the last basis (a model
   * opened with `once`: dual simplex, no presolve, which suits bound changes between solves).
   */
  minimize(): Outcome {
    this.model.setSense(SENSE.minimize);
    this.run();
    return this.outcome();
  }

  /**
   * Runs HiGHS; when it fails from the basis it was given, runs it again from its own (all-slack)
   * basis. Seen on a three-dimension table: the repair's zero-move basis (see `TableRepair`), whose
   * suppressed cells' free rows are nonbasic, met slightly negative perturbed costs, and the dual
   * simplex stopped with an error before its first iteration; from the all-slack basis it solved.
   * Likewise when it stops without a verdict (status unknown), seen on a repair of the shipped
   * sample's mediation financing once the register's consents lift primary cells.
   */
  private run(): void {
    if (this.attempt() && this.model.status() !== MODEL_STATUS.solveError && this.model.status() !== MODEL_STATUS.unknown) return;
    if (!this.attempt(true)) throw new Error(this.failure());
  }

  /**
   * One HiGHS run (`logical`: from the all-slack basis); false when HiGHS reports an error or the
   * WebAssembly module stops (a trap).
   */
  private attempt(logical = false): boolean {
    try {
      if (logical) this.model.setLogicalBasis();
      return this.model.run() !== -1;
    } catch {
      return false;
    }
  }

  private failure(): string {
    try {
      return solverFailed(String(this.model.status()));
    } catch {
      return solverStopped();
    }
  }

  private outcome(): Outcome {
    const status = this.model.status();
    if (status === MODEL_STATUS.optimal) return { status: 'optimal', objective: this.model.objective(), x: this.model.colValues() };
    if (status === MODEL_STATUS.unbounded || status === MODEL_STATUS.unboundedOrInfeasible) return { status: 'unbounded' };
    if (status === MODEL_STATUS.infeasible) return { status: 'infeasible' };
    throw new Error(solverFailed(String(status)));
  }

  dispose(): void {
    this.model.dispose();
  }
}
