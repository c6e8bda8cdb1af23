/**
 * An attacker written independently of the engine, for the tests: from the spec's child → parent
 * maps it lists the leaves under every code, writes every published cell as an equation over the
 * leaf cells (one leaf per dimension) in CPLEX-LP text, and asks HiGHS for the min and max of each
 * suppressed cell.
 * Any number of dimensions; small tables only.
 */
import loadHighs from 'highs';
import type { Cell, DimensionSpec, ProtectSpec } from '../../src/protect/types.ts';

type Solver = { solve(lp: string, o: object): { Status: string; ObjectiveValue: number } };
let solver: Promise<Solver> | undefined;
function highs(): Promise<Solver> {
  const load = (typeof loadHighs === 'function' ? loadHighs : (loadHighs as unknown as { default: () => Promise<Solver> }).default) as () => Promise<Solver>;
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
  cell: Cell;
  lo: number;
  hi: number;
}

/**
 * Attacker's interval for every suppressed cell (every cell of status `only` when given);
 * `floorOne`: suppressed cells are ≥ 1 (requirement B).
 */
export async function oracleIntervals(spec: ProtectSpec, cells: readonly Cell[], floorOne: boolean, only?: Cell['status']): Promise<OracleInterval[]> {
  const under = spec.dimensions.map(leavesUnder);
  const name = (leaves: readonly string[]) => `v_${leaves.join('_')}`.replace(/[^A-Za-z0-9_]/g, '_');
  // every combination of one leaf per dimension below the cell's codes
  const combos = (sets: readonly (readonly string[])[]) => sets.reduce<string[][]>((acc, set) => acc.flatMap((p) => set.map((x) => [...p, x])), [[]]);
  const vars = (cell: Cell) => combos(cell.codes.map((code, d) => [...under[d].get(code)!])).map(name);
  const listed = new Set(cells.map((c) => c.codes.join(' ')));
  const rows: string[] = [];
  // leaf cells absent from the list are published zeros
  const leaves = under.map((u) => [...u.keys()].filter((code) => u.get(code)!.size === 1 && u.get(code)!.has(code)));
  for (const combo of combos(leaves)) if (!listed.has(combo.join(' '))) rows.push(`${name(combo)} = 0`);
  for (const c of cells) {
    if (c.status === 's') rows.push(`${vars(c).join(' + ')} = ${c.value}`);
    else if (floorOne) rows.push(`${vars(c).join(' + ')} >= 1`);
  }
  const st = rows.map((r, k) => ` r${k}: ${r}`).join('\n');
  const h = await highs();
  const solve = (sense: string, v: string[]) => {
    const res = h.solve(`${sense}\n obj: ${v.join(' + ')}\nSubject To\n${st}\nEnd\n`, { output_flag: false });
    if (res.Status === 'Unbounded') return sense === 'Maximize' ? Infinity : -Infinity;
    if (res.Status !== 'Optimal') throw new Error(`oracle LP: ${res.Status}`);
    return res.ObjectiveValue;
  };
  return cells.filter((c) => c.status !== 's' && (only === undefined || c.status === only)).map((cell) => ({ cell, lo: solve('Minimize', vars(cell)), hi: solve('Maximize', vars(cell)) }));
}

/** Cells of primary status failing A (interval too narrow) or, zeros being known, B (exact). */
export async function oracleFailures(spec: ProtectSpec, cells: readonly Cell[]): Promise<string[]> {
  const out: string[] = [];
  const pct = spec.rules.protectionPercent ?? 0;
  for (const { cell, lo, hi } of await oracleIntervals(spec, cells, false, 'u')) {
    const p = Math.max(1, (pct / 100) * cell.value);
    if (lo > Math.max(0, cell.value - p) + 1e-6 || hi < cell.value + p - 1e-6) out.push(`A ${cell.codes.join(' ')} [${lo}, ${hi}]`);
  }
  const zerosKnown = cells.every((c) => Number.isInteger(c.value) && !(c.status !== 's' && c.value === 0));
  if (zerosKnown) {
    for (const { cell, lo, hi } of await oracleIntervals(spec, cells, true, 'u')) {
      if (hi - lo < 1e-6) out.push(`B ${cell.codes.join(' ')} = ${lo}`);
    }
  }
  return out;
}
