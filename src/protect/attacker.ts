/**
 * The attacker's linear program. Unknowns: the inner cells not pinned by a published cell of one
 * member. Constraints: every published cell equals the sum of its inner cells. Bounds: unknowns ≥ 0
 * (requirement A) and, when zeros are known, every suppressed cell ≥ 1 (requirement B).
 * Unknowns are split into connected components; each component is one persistent HiGHS model.
 */
import type { Cube } from './cube.ts';
import { LpModel, type LpRows } from './lp.ts';
import { solver, type LpSolver } from './solver.ts';

export type Bounds = 'A' | 'B';

export interface Component {
  /** inner cells of the component, in column order */
  inner: number[];
  model: LpModel;
}

export interface AttackModel {
  /** inner → column in its component, −1 when the attacker knows the inner cell */
  column: Int32Array;
  /** inner → component, −1 when known */
  component: Int32Array;
  components: Component[];
  /** inner cell values consistent with every published cell (the truth when inner cells are published) */
  truth: Float64Array;
}

/** Sum of a cell's members the attacker knows, and its unknown members as (component, column). */
export function split(model: Pick<AttackModel, 'column' | 'component' | 'truth'>, members: Int32Array): { known: number; comp: number; cols: number[] } {
  let known = 0;
  let comp = -1;
  const cols: number[] = [];
  for (const i of members) {
    if (model.column[i] < 0) known += model.truth[i];
    else {
      comp = model.component[i];
      cols.push(model.column[i]);
    }
  }
  return { known, comp, cols };
}

function find(parent: Int32Array, x: number): number {
  while (parent[x] !== x) {
    parent[x] = parent[parent[x]];
    x = parent[x];
  }
  return x;
}

/**
 * The attacker's components: for each inner cell, a representative of the connected component of
 * unknown inner cells it belongs to (two unknowns are connected when a cell holds both), or −1 when
 * a published cell of one member pins it.
 */
export function componentRoots(cube: Cube, suppressed: readonly boolean[]): Int32Array {
  const n = cube.innerCount;
  const knownInner = new Uint8Array(n);
  cube.cells.forEach((cell, c) => {
    if (!suppressed[c] && cell.members.length === 1) knownInner[cell.members[0]] = 1;
  });
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  for (const cell of cube.cells) {
    let first = -1;
    for (const i of cell.members) {
      if (knownInner[i]) continue;
      if (first < 0) first = find(parent, i);
      else {
        const r = find(parent, i);
        if (r !== first) parent[r] = first;
      }
    }
  }
  for (let i = 0; i < n; i++) parent[i] = knownInner[i] ? -1 : find(parent, i);
  return parent;
}

/**
 * The columns of the attacker's models for a suppression pattern: each unknown inner cell's
 * component and column in it (−1 when known), and each component's inner cells in column order
 * (ascending).
 */
export function attackLayout(cube: Cube, suppressed: readonly boolean[]): { column: Int32Array; component: Int32Array; inners: number[][] } {
  const n = cube.innerCount;
  const parent = componentRoots(cube, suppressed);
  const column = new Int32Array(n).fill(-1);
  const component = new Int32Array(n).fill(-1);
  const rootToComp = new Map<number, number>();
  const inners: number[][] = [];
  for (let i = 0; i < n; i++) {
    if (parent[i] < 0) continue;
    const r = parent[i];
    let k = rootToComp.get(r);
    if (k === undefined) {
      rootToComp.set(r, (k = inners.length));
      inners.push([]);
    }
    component[i] = k;
    column[i] = inners[k].length;
    inners[k].push(i);
  }
  return { column, component, inners };
}

/** Builds the attacker's models for a suppression pattern. Dispose with `closeAttack`. */
/** `presolve`: see `LpModel.open` (off when only the optimal values matter, not the vertex). */
export async function openAttack(cube: Cube, suppressed: readonly boolean[], truth: Float64Array, bounds: Bounds, presolve = true): Promise<AttackModel> {
  return buildAttack(await solver(), cube, suppressed, truth, bounds, presolve);
}

/** `openAttack` with the HiGHS instance already loaded (synchronous). */
export function buildAttack(h: LpSolver, cube: Cube, suppressed: readonly boolean[], truth: Float64Array, bounds: Bounds, presolve = true): AttackModel {
  const { column, component, inners } = attackLayout(cube, suppressed);
  const partial: AttackModel = { column, component, components: [], truth };
  const rows: LpRows[] = inners.map(() => ({ starts: [0], indices: [], values: [], lower: [], upper: [] }));
  const lowerBound = inners.map((list) => new Float64Array(list.length));
  cube.cells.forEach((cell, c) => {
    const { known, comp, cols } = split(partial, cell.members);
    if (comp < 0) return;
    if (!suppressed[c]) pushRow(rows[comp], cols, cell.value - known, cell.value - known);
    else if (bounds === 'B') floor(known, cols, (j, v) => (lowerBound[comp][j] = Math.max(lowerBound[comp][j], v)), (v) => pushRow(rows[comp], cols, v, Infinity));
  });
  const components: Component[] = [];
  for (let k = 0; k < inners.length; k++) {
    const start = Float64Array.from(inners[k], (i) => truth[i]);
    const problem = { numCols: inners[k].length, colLower: lowerBound[k], colUpper: new Float64Array(inners[k].length).fill(Infinity), rows: rows[k] };
    // the audit of linked tables knows only the pinned inner values: no start then
    const model = LpModel.create(h, feasible(problem, start) ? { ...problem, start } : problem, false, presolve);
    components.push({ inner: inners[k], model });
  }
  return { ...partial, components };
}

/** One component of an attacker's model in which every cell holding one of its unknowns has a row. */
export interface OpenComponent extends Component {
  /** cell → its row */
  rowOf: Map<number, number>;
  /** cell → the sum of its members the attacker knows (outside the component's columns) */
  shift: Map<number, number>;
}

/**
 * Component `k` of the attacker's model for `suppressed` (`layout`: the model's columns, as
 * `buildAttack` lays them out), with a row for every cell holding one of its unknowns: a published
 * cell at its value, a suppressed cell free, or at requirement B's floor (≥ 1) with `bounds` 'B',
 * every column ≥ 0. The same feasible set as `buildAttack`'s component, but a suppressed cell can be
 * made known by its row's bounds alone (`openRowBounds` gives them back): requirement C checks every
 * insider on one model (see `InsiderAttack` in insider.ts). `cells`: the cells holding one of the
 * component's unknowns, ascending.
 */
export function buildOpenComponent(
  h: LpSolver,
  cube: Cube,
  layout: Pick<AttackModel, 'column' | 'component' | 'truth'>,
  k: number,
  inner: number[],
  cells: readonly number[],
  suppressed: readonly boolean[],
  bounds: Bounds,
  presolve: boolean,
): OpenComponent {
  const rows: LpRows = { starts: [0], indices: [], values: [], lower: [], upper: [] };
  const rowOf = new Map<number, number>();
  const shift = new Map<number, number>();
  for (const c of cells) {
    const { known, comp, cols } = split(layout, cube.cells[c].members);
    if (comp !== k) continue;
    rowOf.set(c, rows.lower.length);
    shift.set(c, known);
    const v = cube.cells[c].value - known;
    if (!suppressed[c]) pushRow(rows, cols, v, v);
    else pushRow(rows, cols, ...openRowBounds(known, bounds));
  }
  const start = Float64Array.from(inner, (i) => layout.truth[i]);
  const problem = { numCols: inner.length, colLower: new Float64Array(inner.length), colUpper: new Float64Array(inner.length).fill(Infinity), rows };
  const model = LpModel.create(h, feasible(problem, start) ? { ...problem, start } : problem, false, presolve);
  return { inner, model, rowOf, shift };
}

/** The row bounds of a suppressed cell in an `OpenComponent` (`known`: its shift). */
export function openRowBounds(known: number, bounds: Bounds): [number, number] {
  return bounds === 'B' && 1 - known > 1e-9 ? [1 - known, Infinity] : [-Infinity, Infinity];
}

/**
 * Requirement B's floor for a suppressed cell whose unknown members are `cols` (the others add up
 * to `known`): Σ cols ≥ 1 − known, a column bound when there is one column, nothing when the
 * known part already reaches 1.
 */
function floor(known: number, cols: readonly number[], onColumn: (col: number, lower: number) => void, onRow: (lower: number) => void): void {
  if (!(1 - known > 1e-9)) return;
  if (cols.length === 1) onColumn(cols[0], 1 - known);
  else onRow(1 - known);
}

function pushRow(r: LpRows, cols: readonly number[], lower: number, upper: number): void {
  for (const j of cols) {
    r.indices.push(j);
    r.values.push(1);
  }
  r.starts.push(r.indices.length);
  r.lower.push(lower);
  r.upper.push(upper);
}

/**
 * Turns a model built for requirement A into the model for B, in place: the same rows and columns
 * with B's floors added (`buildAttack` with 'B' gives the same problem). Each component keeps its
 * basis, so B's first solve starts from A's last one instead of from scratch.
 *
 * @example
 *   const model = buildAttack(h, cube, suppressed, truth, 'A');
 *   interval(model, cube.cells[c].members); // A: suppressed cells ≥ 0
 *   addFloors(model, cube, suppressed);
 *   interval(model, cube.cells[c].members); // B: suppressed cells ≥ 1
 */
export function addFloors(model: AttackModel, cube: Cube, suppressed: readonly boolean[]): void {
  const rows: LpRows[] = model.components.map(() => ({ starts: [0], indices: [], values: [], lower: [], upper: [] }));
  const lower = model.components.map(() => new Map<number, number>());
  cube.cells.forEach((cell, c) => {
    if (!suppressed[c]) return;
    const { known, comp, cols } = split(model, cell.members);
    if (comp < 0) return;
    floor(known, cols, (j, v) => lower[comp].set(j, Math.max(lower[comp].get(j) ?? 0, v)), (v) => pushRow(rows[comp], cols, v, Infinity));
  });
  model.components.forEach((component, k) => {
    for (const [j, v] of lower[k]) component.model.setColBounds(j, v, Infinity);
    component.model.addRows(rows[k]);
  });
}

/** Whether `x` meets every bound and row of the problem (relative tolerance 1e-9). */
function feasible(problem: { colLower: Float64Array; colUpper: Float64Array; rows: LpRows }, x: Float64Array): boolean {
  const tol = (v: number) => 1e-9 * Math.max(1, Math.abs(v));
  for (let j = 0; j < x.length; j++) if (x[j] < problem.colLower[j] - tol(x[j]) || x[j] > problem.colUpper[j] + tol(x[j])) return false;
  const { starts, indices, values, lower, upper } = problem.rows;
  for (let r = 0; r < lower.length; r++) {
    let sum = 0;
    for (let e = starts[r]; e < starts[r + 1]; e++) sum += values[e] * x[indices[e]];
    if (sum < lower[r] - tol(sum) || sum > upper[r] + tol(sum)) return false;
  }
  return true;
}

export function closeAttack(model: AttackModel): void {
  for (const c of model.components) c.model.dispose();
}

/** The attacker's exact interval for one published cell. */
export function interval(model: AttackModel, members: Int32Array): { lo: number; hi: number } {
  const { known, comp, cols } = split(model, members);
  if (comp < 0) return { lo: known, hi: known };
  const cost = new Map(cols.map((j) => [j, 1]));
  const lp = model.components[comp].model;
  const min = lp.solve(cost, false);
  const max = lp.solve(cost, true);
  return {
    lo: min.status === 'optimal' ? known + min.objective : -Infinity,
    hi: max.status === 'optimal' ? known + max.objective : Infinity,
  };
}
