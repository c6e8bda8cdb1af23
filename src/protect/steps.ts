/**
 * Shared steps of `protect` and `audit`: the cube with its primary flags, inner values consistent
 * with the published cells, the requirements of each primary cell, and the rendering of statuses
 * back into per-table cells.
 */
import { closeAttack, openAttack } from './attacker.ts';
import { buildCube, type Cube } from './cube.ts';
import { primaryFlags, protectionMargin, topNeeded } from './primary.ts';
import type { Target } from './check.ts';
import type { Cell, CellStatus, Contribution, LinkedSpec, ProtectSpec } from './types.ts';

/** The single-table contract is the linked case with one table, named after this id. */
export const SINGLE = 'table';

export function linkedOf(spec: ProtectSpec): LinkedSpec {
  return { dimensions: spec.dimensions, tables: [{ id: SINGLE, dimensions: spec.dimensions.map((d) => d.name) }], rules: spec.rules, ...(spec.consent ? { consent: spec.consent } : {}) };
}

export interface Prepared {
  cube: Cube;
  primary: boolean[];
  truth: Float64Array;
}

/**
 * `truth`: 'inner' (protect) solves for every inner value, which the repair LPs start from;
 * 'pinned' (audit) only sets the inner cells a published cell of one member pins — the attacker's
 * model reads no other (see `split`), so the audit needs no LP for them. Without a primary cell
 * nothing is repaired, so protect needs none either.
 */
export async function prepare(spec: LinkedSpec, contributions: Readonly<Record<string, readonly Contribution[]>>, truth: 'inner' | 'pinned' = 'inner'): Promise<Prepared> {
  const cube = buildCube(spec, contributions, topNeeded(spec.rules));
  const primary = primaryFlags(cube.cells, spec.rules);
  const solve = truth === 'inner' && primary.some(Boolean);
  return { cube, primary, truth: solve ? await innerTruth(cube) : pinnedTruth(cube).truth };
}

/** Inner values set by published cells of one member, and which inner cells they are. */
function pinnedTruth(cube: Cube): { truth: Float64Array; pinned: Uint8Array } {
  const truth = new Float64Array(cube.innerCount);
  const pinned = new Uint8Array(cube.innerCount);
  for (const cell of cube.cells) {
    if (cell.members.length === 1) {
      truth[cell.members[0]] = cell.value;
      pinned[cell.members[0]] = 1;
    }
  }
  return { truth, pinned };
}

/**
 * Inner values that add up to every published cell. Inner cells that are published cells are
 * simply their values; otherwise (linked tables) iterative proportional fitting finds non-negative
 * values, and one LP does when fitting does not converge (a solution only on the boundary).
 */
export async function innerTruth(cube: Cube): Promise<Float64Array> {
  const { truth, pinned } = pinnedTruth(cube);
  if (pinned.every((p) => p === 1)) return truth;
  const fitted = fitInner(cube, truth, pinned);
  if (fitted) return fitted;
  const model = await openAttack(cube, cube.cells.map(() => false), truth, 'A');
  try {
    for (const comp of model.components) {
      const out = comp.model.solve(new Map(), false);
      if (out.status === 'optimal') comp.inner.forEach((i, k) => (truth[i] = Math.max(0, out.x[k])));
    }
  } finally {
    closeAttack(model);
  }
  return truth;
}

/**
 * Iterative proportional fitting: every inner cell not pinned starts at 1, then each cell in turn
 * scales its unpinned inner cells so that they add up to its value. Returns undefined when some
 * cell cannot be met that way or when 200 sweeps leave a relative error above 1e-10.
 */
export function fitInner(cube: Cube, pinnedValues: Float64Array, pinned: Uint8Array, maxSweeps = 200): Float64Array | undefined {
  const x = Float64Array.from(pinnedValues, (v, i) => (pinned[i] ? v : 1));
  const cells = cube.cells.filter((cell) => cell.members.some((i) => !pinned[i]));
  for (let sweep = 0; sweep < maxSweeps; sweep++) {
    let worst = 0;
    for (const cell of cells) {
      let fixed = 0;
      let free = 0;
      for (const i of cell.members) {
        if (pinned[i]) fixed += x[i];
        else free += x[i];
      }
      const want = cell.value - fixed;
      worst = Math.max(worst, Math.abs(free - want) / Math.max(1, Math.abs(cell.value)));
      if (want < 0 || (free <= 0 && want > 0)) return undefined;
      if (free === want) continue;
      const f = want / free;
      for (const i of cell.members) if (!pinned[i]) x[i] *= f;
    }
    if (worst <= 1e-10) return x;
  }
  return undefined;
}

export function targetOf(cube: Cube, cell: number, spec: LinkedSpec): Target {
  const v = cube.cells[cell].value;
  const p = protectionMargin(v, spec.rules);
  return { cell, needLo: Math.max(0, v - p), needHi: v + p };
}

/** The protection targets of a cube's primary cells, in cell order. */
export function primaryTargets(cube: Cube, primary: readonly boolean[], spec: LinkedSpec): Target[] {
  return cube.cells.flatMap((_, c) => (primary[c] ? [targetOf(cube, c, spec)] : []));
}

/** Requirement B applies to count tables (integer values) where no zero is suppressed. */
export function zerosKnown(cube: Cube, suppressed: readonly boolean[]): boolean {
  return cube.cells.every((c, i) => Number.isInteger(c.value) && !(suppressed[i] && c.value === 0));
}

/** Cells with the same inner cells (a region equal to a court of appeal): groups of two or more. */
export function identicalGroups(cube: Cube): number[][] {
  const buckets = new Map<string, number[]>();
  cube.cells.forEach((cell, c) => {
    let h = cell.members.length;
    for (const i of cell.members) h = (Math.imul(h, 31) + i) | 0;
    const key = `${cell.members.length}:${h}`;
    const list = buckets.get(key) ?? [];
    list.push(c);
    buckets.set(key, list);
  });
  const groups: number[][] = [];
  const same = (a: Int32Array, b: Int32Array) => a.length === b.length && a.every((x, k) => x === b[k]);
  for (const list of buckets.values()) {
    const left = [...list];
    while (left.length > 1) {
      const head = left.shift()!;
      const group = [head, ...left.filter((c) => same(cube.cells[c].members, cube.cells[head].members))];
      if (group.length > 1) groups.push(group);
      for (const c of group.slice(1)) left.splice(left.indexOf(c), 1);
    }
  }
  return groups;
}

/** Each cell of an identical group (`identicalGroups`) mapped to its group; a cell alone is absent. */
export function groupOfCell(cube: Cube): Map<number, number[]> {
  const groupOf = new Map<number, number[]>();
  for (const g of identicalGroups(cube)) for (const c of g) groupOf.set(c, g);
  return groupOf;
}

/** Gives every cell of a group the status of the most protected one; returns whether anything changed. */
export function equalize(groups: readonly number[][], suppressed: boolean[]): boolean {
  let changed = false;
  for (const g of groups) {
    if (g.some((c) => suppressed[c]) && !g.every((c) => suppressed[c])) {
      for (const c of g) suppressed[c] = true;
      changed = true;
    }
  }
  return changed;
}

/** Per-table cells in the table's own dimension order. */
export function tableCells(cube: Cube, t: number, status: (c: number) => CellStatus): Cell[] {
  const dims = cube.tables[t].dims;
  const out: Cell[] = [];
  cube.cells.forEach((cell, c) => {
    if (!cell.tables.includes(t)) return;
    out.push({ codes: dims.map((d) => cube.dims[d].codes[cell.codes[d]]), value: cell.value, contributors: cell.contributors, status: status(c) });
  });
  return out;
}
