/**
 * An attacker written independently of the engine, for the tests: from the spec's child → parent
 * maps it lists the leaves under every code, writes every published cell as an equation over the
 * leaf cells (one leaf per dimension), and asks HiGHS (its own instance, without the engine's
 * wrapper, presolve or starting point) for the min and max of each suppressed cell.
 * Any number of dimensions, one table or linked tables; small tables only.
 */
import loadHighs, { type Highs } from 'highs';
import type { Cell, DimensionSpec, LinkedSpec, ProtectSpec } from '../../src/protect/types.ts';

let solver: Promise<Highs> | undefined;
function highs(): Promise<Highs> {
  const load = (typeof loadHighs === 'function' ? loadHighs : (loadHighs as unknown as { default: () => Promise<Highs> }).default) as () => Promise<Highs>;
  solver ??= load();
  return solver;
}

/** code → leaves below it (itself for a leaf). */
export function leavesUnder(dim: DimensionSpec): Map<string, Set<string>> {
  const parentsOf = new Map<string, string[]>();
  const codes = new Set<string>([dim.total]);
  for (const h of Object.values(dim.hierarchies)) {
    for (const [child, parent] of Object.entries(h)) {
      codes.add(child);
      codes.add(parent);
      parentsOf.set(child, [...(parentsOf.get(child) ?? []), parent]);
    }
  }
  const isParent = new Set([...parentsOf.values()].flat());
  const out = new Map([...codes].map((c) => [c, new Set<string>()]));
  for (const leaf of [...codes].filter((c) => !isParent.has(c))) {
    const stack = [leaf];
    while (stack.length) {
      const c = stack.pop()!;
      out.get(c)!.add(leaf);
      stack.push(...(parentsOf.get(c) ?? []));
    }
  }
  return out;
}

export interface OracleInterval {
  /** the table of the cell (linked tables; `table` for a single one) */
  table: string;
  cell: Cell;
  lo: number;
  hi: number;
}

/** Every combination of one element of each set. */
export const combos = (sets: readonly (readonly string[])[]) => sets.reduce<string[][]>((acc, set) => acc.flatMap((p) => set.map((x) => [...p, x])), [[]]);

/**
 * Attacker's interval for every suppressed cell (every cell of status `only` when given);
 * `floorOne`: suppressed cells are ≥ 1 (requirement B). Linked tables: the unknowns are the
 * combinations of one leaf of every dimension of the spec, each table's cell the sum of those below
 * its codes (any leaf of a dimension it does not have).
 */
export async function oracleIntervals(spec: ProtectSpec | LinkedSpec, cells: readonly Cell[] | Readonly<Record<string, readonly Cell[]>>, floorOne: boolean, only?: Cell['status']): Promise<OracleInterval[]> {
  const linked: LinkedSpec = 'tables' in spec ? spec : { dimensions: spec.dimensions, tables: [{ id: 'table', dimensions: spec.dimensions.map((d) => d.name) }], rules: spec.rules };
  const cellsOf: Readonly<Record<string, readonly Cell[]>> = Array.isArray(cells) ? { table: cells } : (cells as Readonly<Record<string, readonly Cell[]>>);
  const under = new Map(linked.dimensions.map((d) => [d.name, leavesUnder(d)]));
  const leaves = new Map([...under].map(([name, u]) => [name, [...u].filter(([code, set]) => set.size === 1 && set.has(code)).map(([code]) => code)]));
  const leavesOf = (name: string) => leaves.get(name)!;
  // unknowns: one per combination of one leaf of every dimension
  const column = new Map(combos(linked.dimensions.map((d) => leavesOf(d.name))).map((combo, j) => [combo.join(' '), j]));
  // the unknowns below a table's codes: its dimensions at those codes' leaves, the others at any leaf
  const vars = (table: LinkedSpec['tables'][number], codes: readonly string[]) =>
    combos(linked.dimensions.map((d) => {
      const k = table.dimensions.indexOf(d.name);
      return k < 0 ? leavesOf(d.name) : [...under.get(d.name)!.get(codes[k])!];
    })).map((combo) => column.get(combo.join(' '))!);
  const rows: { vars: number[]; lower: number; upper: number }[] = [];
  const suppressed: { table: string; cell: Cell; vars: number[] }[] = [];
  for (const table of linked.tables) {
    // leaf cells absent from a table's list are published zeros
    const listed = new Set(cellsOf[table.id].map((c) => c.codes.join(' ')));
    for (const combo of combos(table.dimensions.map(leavesOf))) if (!listed.has(combo.join(' '))) rows.push({ vars: vars(table, combo), lower: 0, upper: 0 });
    for (const cell of cellsOf[table.id]) {
      const v = vars(table, cell.codes);
      if (cell.status === 's') rows.push({ vars: v, lower: cell.value, upper: cell.value });
      else {
        if (floorOne) rows.push({ vars: v, lower: 1, upper: Infinity });
        if (only === undefined || cell.status === only) suppressed.push({ table: table.id, cell, vars: v });
      }
    }
  }
  const h = await highs();
  const n = column.size;
  const starts = [0];
  for (const r of rows) starts.push(starts[starts.length - 1] + r.vars.length);
  const finite = (x: number) => (x === Infinity ? h.infinity : x);
  const model = h.createModel({
    numCols: n,
    numRows: rows.length,
    colCost: new Float64Array(n),
    colLower: new Float64Array(n),
    colUpper: new Float64Array(n).fill(h.infinity),
    rowLower: Float64Array.from(rows, (r) => r.lower),
    rowUpper: Float64Array.from(rows, (r) => finite(r.upper)),
    matrix: {
      format: 'csr',
      numRows: rows.length,
      numCols: n,
      starts: Int32Array.from(starts),
      indices: Int32Array.from(rows.flatMap((r) => r.vars)),
      values: new Float64Array(starts[rows.length]).fill(1),
    },
  });
  model.options.set({ output_flag: false });
  const { optimal, unbounded, unboundedOrInfeasible } = h.constants.modelStatus;
  const solve = (maximize: boolean, v: number[]) => {
    const cost = new Float64Array(n);
    for (const j of v) cost[j] = 1;
    model.changeColsCost({ kind: 'range', from: 0, to: n - 1 }, cost);
    model.changeObjectiveSense(maximize ? h.constants.objectiveSense.maximize : h.constants.objectiveSense.minimize);
    model.run();
    const status = model.getModelStatus();
    if (status === unbounded || status === unboundedOrInfeasible) return maximize ? Infinity : -Infinity;
    if (status !== optimal) throw new Error(`oracle LP: status ${status}`);
    return model.getObjectiveValue();
  };
  try {
    return suppressed.map(({ table, cell, vars: v }) => ({ table, cell, lo: solve(false, v), hi: solve(true, v) }));
  } finally {
    model.dispose();
  }
}

/** Cells of primary status failing A (interval too narrow) or, zeros being known, B (exact). */
export async function oracleFailures(spec: ProtectSpec | LinkedSpec, cells: readonly Cell[] | Readonly<Record<string, readonly Cell[]>>): Promise<string[]> {
  const out: string[] = [];
  const pct = spec.rules.protectionPercent ?? 0;
  const where = (table: string, cell: Cell) => `${table === 'table' ? '' : `${table} `}${cell.codes.join(' ')}`;
  for (const { table, cell, lo, hi } of await oracleIntervals(spec, cells, false, 'u')) {
    const p = Math.max(1, (pct / 100) * cell.value);
    if (lo > Math.max(0, cell.value - p) + 1e-6 || hi < cell.value + p - 1e-6) out.push(`A ${where(table, cell)} [${lo}, ${hi}]`);
  }
  const all = Array.isArray(cells) ? cells : Object.values(cells as Readonly<Record<string, readonly Cell[]>>).flat();
  const zerosKnown = all.every((c) => Number.isInteger(c.value) && !(c.status !== 's' && c.value === 0));
  if (zerosKnown) {
    for (const { table, cell, lo, hi } of await oracleIntervals(spec, cells, true, 'u')) {
      if (hi - lo < 1e-6) out.push(`B ${where(table, cell)} = ${lo}`);
    }
  }
  return out;
}

/**
 * Requirement C, independently: for every contributor that alone makes up one or more suppressed
 * cells (found from the contributions and the leaves under each code, not from the engine), those
 * cells are made published and every other primary cell is attacked. `business`: A's interval is
 * required on the cells the contributor has no part in; otherwise, and on every cell it contributes
 * to, only no exact derivation (B's floors when zeros are known). Single tables.
 * Returns "C contributor codes [lo, hi]" per failure.
 */
export async function oracleInsiderFailures(spec: ProtectSpec, contributions: readonly { codes: readonly string[]; contributor: string }[], cells: readonly Cell[], business: boolean): Promise<string[]> {
  const under = spec.dimensions.map(leavesUnder);
  const contributorsOf = (cell: Cell) =>
    new Set(contributions.filter((c) => c.codes.every((code, d) => under[d].get(cell.codes[d])!.has(code))).map((c) => c.contributor));
  const whoOf = new Map(cells.map((cell) => [cell, contributorsOf(cell)] as const));
  const soleOf = new Map(cells.map((cell) => [cell, whoOf.get(cell)!.size === 1 ? [...whoOf.get(cell)!][0] : undefined] as const));
  const insiders = [...new Set(cells.filter((c) => c.status !== 's' && soleOf.get(c) !== undefined).map((c) => soleOf.get(c)!))].sort();
  const pct = spec.rules.protectionPercent ?? 0;
  const out: string[] = [];
  for (const k of insiders) {
    const view = cells.map((c) => (c.status !== 's' && soleOf.get(c) === k ? { ...c, status: 's' as const } : c));
    const zerosKnown = view.every((c) => Number.isInteger(c.value) && !(c.status !== 's' && c.value === 0));
    const fail = (cell: Cell, lo: number, hi: number) => out.push(`C ${k} ${cell.codes.join(' ')} [${lo}, ${hi}]`);
    const seen = new Set<Cell>();
    for (const { cell, lo, hi } of await oracleIntervals(spec, view, false, 'u')) {
      const p = Math.max(1, (pct / 100) * cell.value);
      const interval = business && !whoOf.get(cell)!.has(k);
      const bad = interval ? lo > Math.max(0, cell.value - p) + 1e-6 || hi < cell.value + p - 1e-6 : !zerosKnown && hi - lo < 1e-6;
      if (bad) {
        fail(cell, lo, hi);
        seen.add(cell);
      }
    }
    if (!zerosKnown) continue;
    for (const { cell, lo, hi } of await oracleIntervals(spec, view, true, 'u')) if (hi - lo < 1e-6 && !seen.has(cell)) fail(cell, lo, hi);
  }
  return out;
}
