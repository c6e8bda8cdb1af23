/**
 * When the audit finds a primary cell whose interval is too narrow, an LP chooses the cheapest
 * extra suppressions that widen it: starting from the true inner values, the attacker's point is
 * moved (y = x − truth, x ≥ 0) until the primary reaches its required bound, every published cell
 * that moves costs its weight per unit moved, and the cells that moved are then suppressed. The
 * moved point stays feasible for the attacker whatever is suppressed later, so a repaired direction
 * never fails again (requirement A); the loop in `protect` re-audits.
 *
 * Two ways to pose that LP, same answer where both can see the same cells:
 * - `TableRepair` (default for tables up to `TABLE_REPAIR_MAX_CELLS` cells): one model over the
 *   whole table, kept for every repair of a run. Moves may go anywhere, so they are the cheapest
 *   (measured: 277 → 210 secondary cells on the departments × 10 benchmark, 1 503 → 1 392 on
 *   3 500 × 10), but one repair can take hundreds of simplex iterations on a large table.
 * - `LocalRepair`: one small LP per repair, over the target's neighbourhood (the inner cells of
 *   every cell it shares an inner cell with, cells larger than `limit` excepted). Fast on any
 *   size, more suppressions.
 */
import type { Cube } from './cube.ts';
import { LpModel, type LpRows } from './lp.ts';
import { solver, type LpSolver } from './solver.ts';

/** A feasible attacker's move (inner → change), kept to prove later targets without an LP. */
export type Move = Map<number, number>;

/** A repair's outcome: the attacker's move, and the cells it suppressed (ascending). */
export interface Widened {
  move: Move;
  added: number[];
}

/** Widens targets one at a time; `dispose` frees the solver's memory. */
export interface Repair {
  /**
   * `locked`: published cells that must not move (requirement C: the cells an insider alone makes
   * up are known to it, suppressed or not, so a repair for it may not suppress them).
   */
  widen(suppressed: boolean[], target: number, shift: number, floorOne: boolean, locked?: readonly number[]): Widened | undefined;
  dispose(): void;
}

/** Above this many cells, `openRepair` chooses the local repair (see the module comment). */
export const TABLE_REPAIR_MAX_CELLS = 10_000;

export type RepairMode = 'table' | 'local';

/** `weight`: cost of suppressing each cell, per unit moved. */
export async function openRepair(cube: Cube, truth: Float64Array, weight: Float64Array, mode?: RepairMode, limit = 120): Promise<Repair> {
  const chosen = mode ?? (cube.cells.length <= TABLE_REPAIR_MAX_CELLS ? 'table' : 'local');
  return chosen === 'table' ? TableRepair.open(cube, truth, weight) : new LocalRepair(cube, truth, weight, limit, await solver());
}

const PUBLISHED = 0;
const FREE = 1;
const FLOOR = 2;
const LOCKED = 3;

/** HiGHS basis statuses */
const LOWER = 0;
const BASIC = 1;
const UPPER = 2;
const ZERO = 3;

/**
 * Columns: one y per inner cell (y ≥ −truth: the attacker's inner value stays ≥ 0), then a pair of
 * slacks s⁺, s⁻ ≥ 0 per cell. Row of cell c: Σ y over its inner cells − s⁺ + s⁻. A published
 * cell's row is = 0 and its slacks cost its weight; a suppressed cell's row is free (it may move)
 * and its slacks are fixed at 0, or its row is ≥ 1 − value when suppressed cells must keep at least
 * 1 (requirement B). A repair changes only the target's row and the cells suppressed since the last
 * one, and the dual simplex restarts from the last basis: the current point stays feasible for every
 * other row.
 *
 * Measured on 12 seeded departments × 10 tables (same secondaries, 2 764 against 2 763/2 765 —
 * another optimal vertex now and then): the previous form (y = y⁺ − y⁻, every row = 0 with free
 * slacks for suppressed cells) took 99 700 simplex iterations; one y column and free rows, 27 000;
 * with the first solve started from the zero move (see `zeroBasis`), 17 300.
 */
class TableRepair implements Repair {
  /** per cell: PUBLISHED, FREE (suppressed, may move) or FLOOR (suppressed, keeps ≥ 1) */
  private readonly state: Uint8Array;

  private constructor(
    private readonly cube: Cube,
    private readonly weight: Float64Array,
    private readonly lp: LpModel,
  ) {
    this.state = new Uint8Array(cube.cells.length);
  }

  /** whether a solve has run (the first starts from `zeroBasis`, the others from the last basis) */
  private started = false;

  static async open(cube: Cube, truth: Float64Array, weight: Float64Array): Promise<TableRepair> {
    const n = cube.innerCount;
    const m = cube.cells.length;
    const colLower = new Float64Array(n + 2 * m);
    const colUpper = new Float64Array(n + 2 * m).fill(Infinity);
    const colCost = new Float64Array(n + 2 * m);
    for (let i = 0; i < n; i++) colLower[i] = -truth[i];
    const rows: LpRows = { starts: [0], indices: [], values: [], lower: [], upper: [] };
    cube.cells.forEach((cell, c) => {
      for (const i of cell.members) {
        rows.indices.push(i);
        rows.values.push(1);
      }
      colCost[n + 2 * c] = colCost[n + 2 * c + 1] = weight[c];
      rows.indices.push(n + 2 * c, n + 2 * c + 1);
      rows.values.push(-1, 1);
      rows.starts.push(rows.indices.length);
      rows.lower.push(0);
      rows.upper.push(0);
    });
    // every cell starts published (state 0): its slacks cost its weight, its row is = 0
    const lp = await LpModel.open({ numCols: colLower.length, colLower, colUpper, colCost, rows }, true);
    return new TableRepair(cube, weight, lp);
  }

  /**
   * Suppresses extra cells so that cell `target` (suppressed) can move by `shift` (> 0: up by at
   * least shift, < 0: down by at least −shift). `floorOne`: suppressed cells keep ≥ 1
   * (requirement B). Returns the attacker's move found, or undefined when none exists.
   */
  widen(suppressed: boolean[], target: number, shift: number, floorOne: boolean, locked: readonly number[] = []): Widened | undefined {
    this.sync(suppressed, floorOne, locked);
    const n = this.cube.innerCount;
    const v = this.cube.cells[target].value;
    let lower = shift > 0 ? shift : -Infinity;
    const upper = shift > 0 ? Infinity : shift;
    if (floorOne) lower = Math.max(lower, 1 - v);
    if (lower > upper) return undefined;
    this.lp.setColBounds(n + 2 * target, 0, 0);
    this.lp.setColBounds(n + 2 * target + 1, 0, 0);
    this.lp.setRowBounds(target, lower, upper);
    if (!this.started) this.zeroBasis(target, shift > 0 ? LOWER : UPPER);
    this.started = true;
    try {
      const out = this.lp.minimize();
      if (out.status !== 'optimal') return undefined;
      const added: number[] = [];
      this.cube.cells.forEach((_, c) => {
        if (this.state[c] === PUBLISHED && out.x[n + 2 * c] + out.x[n + 2 * c + 1] > 1e-7) {
          suppressed[c] = true;
          added.push(c);
        }
      });
      const move: Move = new Map();
      for (let i = 0; i < n; i++) {
        const d = out.x[i];
        if (Math.abs(d) > 1e-9) move.set(i, d);
      }
      return { move, added };
    } finally {
      this.apply(target, this.state[target]);
    }
  }

  dispose(): void {
    this.lp.dispose();
  }

  /**
   * A basis whose point is the zero move, for the first solve (HiGHS's own first basis puts every
   * y at its lower bound, −truth: every row then starts infeasible, 1 075 iterations against 521 on
   * the first repair of the departments × 10 benchmark). Every y is basic on a row of its inner cell
   * alone, whose activity is nonbasic (at its bound 0, at zero when free, at 1 − value for a
   * floor, the target's at its required shift); every other row's activity is basic. An inner cell
   * without a row of its own keeps its y nonbasic, so the basis always has one basic variable per
   * row.
   */
  private zeroBasis(target: number, targetStatus: number) {
    const n = this.cube.innerCount;
    const m = this.cube.cells.length;
    const own = new Int32Array(n).fill(-1);
    this.cube.cells.forEach((cell, c) => {
      if (cell.members.length === 1 && own[cell.members[0]] < 0) own[cell.members[0]] = c;
    });
    const col = new Int32Array(n + 2 * m).fill(LOWER);
    const row = new Int32Array(m).fill(BASIC);
    own.forEach((c, i) => {
      if (c < 0) return;
      col[i] = BASIC;
      row[c] = c === target ? targetStatus : this.state[c] === FREE ? ZERO : LOWER;
    });
    this.lp.setBasis(col, row);
  }

  /** Brings the model in line with the suppression pattern and the mode. */
  private sync(suppressed: readonly boolean[], floorOne: boolean, locked: readonly number[]) {
    const isLocked = new Set(locked);
    for (let c = 0; c < suppressed.length; c++) {
      const want = isLocked.has(c) ? LOCKED : !suppressed[c] ? PUBLISHED : floorOne ? FLOOR : FREE;
      if (this.state[c] !== want) this.apply(c, want);
    }
  }

  private apply(c: number, state: number) {
    const s = this.cube.innerCount + 2 * c;
    const upper = state === PUBLISHED ? Infinity : 0;
    this.lp.setColBounds(s, 0, upper);
    this.lp.setColBounds(s + 1, 0, upper);
    if (state === FLOOR) this.lp.setRowBounds(c, 1 - this.cube.cells[c].value, Infinity);
    else if (state === FREE) this.lp.setRowBounds(c, -Infinity, Infinity);
    else this.lp.setRowBounds(c, 0, 0); // PUBLISHED (slacks free) or LOCKED (slacks at 0)
    this.state[c] = state;
  }
}

/** One LP per repair over the target's neighbourhood (the previous engine's repair). */
class LocalRepair implements Repair {
  /** inner → published cells containing it */
  private readonly cellsOf: number[][];

  constructor(
    private readonly cube: Cube,
    private readonly truth: Float64Array,
    private readonly weight: Float64Array,
    private readonly limit: number,
    private readonly h: LpSolver,
  ) {
    this.cellsOf = Array.from({ length: cube.innerCount }, () => []);
    cube.cells.forEach((cell, c) => {
      for (const i of cell.members) this.cellsOf[i].push(c);
    });
  }

  widen(suppressed: boolean[], target: number, shift: number, floorOne: boolean, locked: readonly number[] = []): Widened | undefined {
    const { cube, truth, cellsOf } = this;
    const isLocked = new Set(locked);
    const hood = new Set<number>(cube.cells[target].members);
    for (const i of cube.cells[target].members) {
      for (const c of cellsOf[i]) {
        const m = cube.cells[c].members;
        if (m.length <= this.limit) for (const j of m) hood.add(j);
      }
    }
    const inner = [...hood].sort((a, b) => a - b);
    // each touching cell's columns, ascending, from the neighbourhood's side: a large cell (a
    // national total) is not scanned member by member for every repair
    const colsOf = new Map<number, number[]>();
    inner.forEach((i, k) => {
      for (const c of cellsOf[i]) {
        const list = colsOf.get(c);
        if (list) list.push(k);
        else colsOf.set(c, [k]);
      }
    });

    const colLower: number[] = inner.map((i) => -truth[i]);
    const colUpper: number[] = inner.map(() => Infinity);
    const cost = new Map<number, number>();
    const rows: LpRows = { starts: [0], indices: [], values: [], lower: [], upper: [] };
    const slackOf = new Map<number, number>();
    const addRow = (entries: [number, number][], lower: number, upper: number) => {
      for (const [j, v] of entries) {
        rows.indices.push(j);
        rows.values.push(v);
      }
      rows.starts.push(rows.indices.length);
      rows.lower.push(lower);
      rows.upper.push(upper);
    };
    for (const [c, cols] of [...colsOf].sort(([a], [b]) => a - b)) {
      const entries = cols.map((k): [number, number] => [k, 1]);
      if (c === target) {
        // as in `TableRepair.widen`: under requirement B the target keeps at least 1 as well
        const lower = shift > 0 ? shift : floorOne ? 1 - cube.cells[c].value : -Infinity;
        if (lower > (shift > 0 ? Infinity : shift)) return undefined;
        addRow(entries, lower, shift > 0 ? Infinity : shift);
      } else if (isLocked.has(c)) {
        addRow(entries, 0, 0);
      } else if (!suppressed[c]) {
        const up = colLower.length;
        colLower.push(0, 0);
        colUpper.push(Infinity, Infinity);
        cost.set(up, this.weight[c]);
        cost.set(up + 1, this.weight[c]);
        slackOf.set(c, up);
        addRow([...entries, [up, -1], [up + 1, 1]], 0, 0);
      } else if (floorOne) {
        addRow(entries, 1 - cube.cells[c].value, Infinity);
      }
    }
    const lp = LpModel.create(this.h, { numCols: colLower.length, colLower: Float64Array.from(colLower), colUpper: Float64Array.from(colUpper), rows }, true);
    try {
      const out = lp.solve(cost, false);
      if (out.status !== 'optimal') return undefined;
      const added: number[] = [];
      for (const [c, j] of slackOf) {
        if (out.x[j] + out.x[j + 1] > 1e-7) {
          suppressed[c] = true;
          added.push(c);
        }
      }
      const move: Move = new Map();
      inner.forEach((i, k) => {
        if (Math.abs(out.x[k]) > 1e-9) move.set(i, out.x[k]);
      });
      return { move, added };
    } finally {
      lp.dispose();
    }
  }

  dispose(): void {}
}
