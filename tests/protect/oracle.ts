/**
 * An attacker written independently of the engine, for the tests: from the spec's child → parent
 * maps it lists the leaves under every code, writes every published cell as an equation over the
 * leaf × leaf cells in CPLEX-LP text, and asks HiGHS for the min and max of each suppressed cell.
 * Two dimensions only; small tables only.
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

/** Attacker's interval for every suppressed cell; `floorOne`: suppressed cells are ≥ 1 (requirement B). */
export async function oracleIntervals(spec: ProtectSpec, cells: readonly Cell[], floorOne: boolean): Promise<OracleInterval[]> {
  const [a, b] = spec.dimensions.map(leavesUnder);
  const name = (x: string, y: string) => `v_${x}_${y}`.replace(/[^A-Za-z0-9_]/g, '_');
  const vars = (cell: Cell) => [...a.get(cell.codes[0])!].flatMap((x) => [...b.get(cell.codes[1])!].map((y) => name(x, y)));
  const listed = new Set(cells.map((c) => c.codes.join(' ')));
  const rows: string[] = [];
  // leaf cells absent from the list are published zeros
  for (const x of a.keys()) for (const y of b.keys()) {
    if (a.get(x)!.size === 1 && a.get(x)!.has(x) && b.get(y)!.size === 1 && b.get(y)!.has(y) && !listed.has(`${x} ${y}`)) rows.push(`${name(x, y)} = 0`);
  }
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
  return cells.filter((c) => c.status !== 's').map((cell) => ({ cell, lo: solve('Minimize', vars(cell)), hi: solve('Maximize', vars(cell)) }));
}

/** Cells of primary status failing A (interval too narrow) or, zeros being known, B (exact). */
export async function oracleFailures(spec: ProtectSpec, cells: readonly Cell[]): Promise<string[]> {
  const out: string[] = [];
  const pct = spec.rules.protectionPercent ?? 0;
  for (const { cell, lo, hi } of await oracleIntervals(spec, cells, false)) {
    if (cell.status !== 'u') continue;
    const p = Math.max(1, (pct / 100) * cell.value);
    if (lo > Math.max(0, cell.value - p) + 1e-6 || hi < cell.value + p - 1e-6) out.push(`A ${cell.codes.join(' ')} [${lo}, ${hi}]`);
  }
  const zerosKnown = cells.every((c) => Number.isInteger(c.value) && !(c.status !== 's' && c.value === 0));
  if (zerosKnown) {
    for (const { cell, lo, hi } of await oracleIntervals(spec, cells, true)) {
      if (cell.status === 'u' && hi - lo < 1e-6) out.push(`B ${cell.codes.join(' ')} = ${lo}`);
    }
  }
  return out;
}
