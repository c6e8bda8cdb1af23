/**
 * When the audit finds a primary cell whose interval is too narrow, one LP chooses the cheapest
 * extra suppressions that widen it: starting from the true inner values, the attacker's point is
 * moved (y = x − truth, x ≥ 0) until the primary reaches its required bound, every published cell
 * that moves costs its weight per unit moved, and the cells that moved are then suppressed. The
 * moved point stays feasible for the attacker whatever is suppressed later, so a repaired direction
 * never fails again (requirement A); the loop in `protect` re-audits.
 */
import type { Cube } from './cube.ts';
import { LpModel, infinity, type LpRows } from './lp.ts';

export interface RepairContext {
  cube: Cube;
  truth: Float64Array;
  /** inner → published cells containing it */
  cellsOf: number[][];
  /** cost of suppressing each cell, per unit moved */
  weight: Float64Array;
  /** cells with more members than this are not used to widen the neighbourhood */
  limit: number;
}

export function cellsOfInner(cube: Cube): number[][] {
  const out: number[][] = Array.from({ length: cube.innerCount }, () => []);
  cube.cells.forEach((cell, c) => {
    for (const i of cell.members) out[i].push(c);
  });
  return out;
}

/** A feasible attacker's move (inner → change), kept to prove later targets without an LP. */
export type Move = Map<number, number>;

/**
 * Suppresses extra cells so that cell `target` can move by `shift` (> 0: up by at least shift,
 * < 0: down by at least −shift). `floorOne`: suppressed cells must keep ≥ 1 (requirement B).
 * Returns the attacker's move found, or undefined when no move exists in the neighbourhood.
 */
export async function widen(ctx: RepairContext, suppressed: boolean[], target: number, shift: number, floorOne: boolean): Promise<Move | undefined> {
  const { cube, truth, cellsOf } = ctx;
  const hood = new Set<number>(cube.cells[target].members);
  for (const i of cube.cells[target].members) {
    for (const c of cellsOf[i]) {
      const m = cube.cells[c].members;
      if (m.length <= ctx.limit) for (const j of m) hood.add(j);
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

  const inf = await infinity();
  const colLower: number[] = inner.map((i) => -truth[i]);
  const colUpper: number[] = inner.map(() => inf);
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
      addRow(entries, shift > 0 ? shift : -inf, shift > 0 ? inf : shift);
    } else if (!suppressed[c]) {
      const up = colLower.length;
      colLower.push(0, 0);
      colUpper.push(inf, inf);
      cost.set(up, ctx.weight[c]);
      cost.set(up + 1, ctx.weight[c]);
      slackOf.set(c, up);
      addRow([...entries, [up, -1], [up + 1, 1]], 0, 0);
    } else if (floorOne) {
      addRow(entries, 1 - cube.cells[c].value, inf);
    }
  }
  const lp = await LpModel.open({ numCols: colLower.length, colLower: Float64Array.from(colLower), colUpper: Float64Array.from(colUpper), rows }, true);
  try {
    const out = lp.solve(cost, false);
    if (out.status !== 'optimal') return undefined;
    for (const [c, j] of slackOf) if (out.x[j] + out.x[j + 1] > 1e-7) suppressed[c] = true;
    const move: Move = new Map();
    inner.forEach((i, k) => {
      if (Math.abs(out.x[k]) > 1e-9) move.set(i, out.x[k]);
    });
    return move;
  } finally {
    lp.dispose();
  }
}
