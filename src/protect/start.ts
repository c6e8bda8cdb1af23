/**
 * The starting pattern of a table of up to `START_MAX_CELLS` cells: the cheapest pattern (at the
 * repair weights: a department about 1, a region about 2, France about 11) that meets, equation by
 * equation, what every protected pattern meets — a HiGHS MIP, one binary per cell:
 * - a suppressed cell is never the only suppressed cell of an equation (parent = sum of its
 *   children along one dimension): it would be the difference of the published ones;
 * - for a primary cell, the other suppressed cells of each of its equations can move it as far as
 *   requirement A asks: up for a child (its siblings' values, or its parent withheld), down for a
 *   parent (its children's values);
 * - the same for every insider (a contributor that alone makes up cells of that equation: it knows
 *   them), for a primary cell it does not make up alone — A's interval under business rules,
 *   one more unknown under counts of persons.
 * Under business rules, the attacks on several equations at once then add their cuts, round after
 * round (cuts.ts). The audit and repair loop then makes the pattern pass A, B and C on the whole
 * table. Gaussian elimination (secondary.ts) picks cells one by one in a fixed order: on the shipped
 * sample's financing tables (2025), the loop then ended at 214 and 223 secondary cells; from the
 * margins alone (and `releaseDetermined`), at 143 and 165; with the cuts, at 129 and 140.
 * Measures and limits: docs/methodology.md, step 0.
 *
 * @example
 *   const start = await startPattern(cube, primary, spec, repairWeights(cube), truth);
 *   start?.pattern ?? gaussSuppress(...); // undefined: too large, or the solver found no pattern
 *   start?.bound; // business rules: no protected pattern has fewer secondary cells
 */
import { keyOf, cubeKeys, type Cube } from './cube.ts';
import { attackCuts, neighbours } from './cuts.ts';
import { businessRules } from './primary.ts';
import { MODEL_STATUS, solver, type CModel } from './solver.ts';
import { identicalGroups, primaryTargets } from './steps.ts';
import type { LinkedSpec } from './types.ts';

/**
 * Cubes above this many cells start from Gaussian elimination: the MIP grows with the table, and the
 * bench's departments × 10 (1 678 cells) already takes 0,4 s to its third improving pattern.
 */
export const START_MAX_CELLS = 2_500;

/**
 * Where the MIP stops, deterministic limits all (a time limit would give different patterns on a
 * slower machine). `search`, on cubes of up to `START_SEARCH_MAX_CELLS` cells: within 2 % of its
 * bound or after 2 000 branch-and-bound nodes (on the shipped sample, 2025, ended measures of the
 * espaces de rencontre: 75 → 65 secondary cells). `quick`, on larger cubes and for the rounds of
 * cuts: within 10 %, at the third improving pattern or after 500 nodes (on the bench's departments
 * × 10, 1 678 cells, `search` takes 13 s instead of 1 s). Each pattern is the MIP's best when it
 * stops.
 */
export const START_LIMITS = {
  search: { mip_rel_gap: 0.02, mip_max_nodes: 2_000, mip_max_improving_sols: 1_000 },
  quick: { mip_rel_gap: 0.1, mip_max_nodes: 500, mip_max_improving_sols: 3 },
} as const;

/** Cubes above this many cells get the `quick` limits from the start (see `START_LIMITS`). */
export const START_SEARCH_MAX_CELLS = 1_000;

/**
 * Rounds of cuts at most (business rules; see cuts.ts). On the shipped sample's 2025 financing
 * tables, they converge in 9 to 12 rounds (no cut left), and the tables end with 129 and 140
 * secondary cells instead of 143 and 165, in 13 and 7 s instead of 1.
 */
export const CUT_ROUNDS = 20;

/**
 * Every equation of the cube, as cell indices with the parent first: for each cell and each
 * dimension of a table that publishes it, where its code has children in some hierarchy, the cells
 * that differ from it only by one of those children. A child that is no cell has no contribution:
 * the table shows it as nothing (`-`), a zero every reader knows, left out of the equation. (A
 * dimension of no table of the cell gives no equation: the children would be cells no table shows.)
 */
export function equations(cube: Cube, spec: LinkedSpec): number[][] {
  const keys = cubeKeys(cube.dims);
  const cellAt = new Map<number, number>();
  cube.cells.forEach((cell, c) => cellAt.set(keyOf(keys, cell.codes), c));
  // per dimension: parent code index → its children's code indices, one list per hierarchy
  const children = cube.dims.map((dim) => {
    const byParent = new Map<number, number[][]>();
    const hierarchies = spec.dimensions.find((s) => s.name === dim.name)?.hierarchies ?? {};
    for (const hierarchy of Object.values(hierarchies)) {
      const lists = new Map<number, number[]>();
      for (const [child, parent] of Object.entries(hierarchy)) {
        const p = dim.index.get(parent);
        const ch = dim.index.get(child);
        if (p === undefined || ch === undefined) continue;
        if (!lists.has(p)) lists.set(p, []);
        lists.get(p)!.push(ch);
      }
      for (const [p, list] of lists) {
        if (!byParent.has(p)) byParent.set(p, []);
        byParent.get(p)!.push(list.sort((a, b) => a - b));
      }
    }
    return byParent;
  });
  const out: number[][] = [];
  cube.cells.forEach((cell, c) => {
    const published = new Set(cell.tables.flatMap((t) => cube.tables[t].dims));
    for (const d of [...published].sort((a, b) => a - b)) {
      for (const list of children[d].get(cell.codes[d]) ?? []) {
        const members = [c];
        for (const ch of list) {
          const codes = cell.codes.slice();
          codes[d] = ch;
          const at = cellAt.get(keyOf(keys, codes));
          if (at !== undefined) members.push(at);
        }
        if (members.length > 1) out.push(members);
      }
    }
  });
  return out;
}

/** Rows of a MIP in row-wise form, built one at a time; every row is Σ coefs · s ≥ lower. */
class Rows {
  lower: number[] = [];
  starts: number[] = [];
  indices: number[] = [];
  values: number[] = [];
  /** Σ coefs · s ≥ lower, or every cell of `coefs` suppressed when that cannot reach `lower` */
  atLeast(coefs: Map<number, number>, lower: number): void {
    this.starts.push(this.indices.length);
    let most = 0;
    for (const [i, v] of [...coefs].sort((a, b) => a[0] - b[0])) {
      this.indices.push(i);
      this.values.push(v);
      if (v > 0) most += v;
    }
    this.lower.push(Math.min(lower, most));
  }
}

/** The start pattern, and under business rules the fewest secondary cells possible (see `fewestSecondary`). */
export interface Start {
  pattern: boolean[];
  bound?: number;
}

/**
 * Under the start's conditions and every cut found, all of which a protected pattern meets, the
 * fewest cells a pattern can withhold besides the primary ones: the MIP again, each cell at cost
 * 1, to optimality within `BOUND_LIMITS`, else its LP relaxation rounded up (both lower bounds).
 * No pattern that passes the audit has fewer secondary cells; the gap to the pattern found is what
 * a better search could still save at most.
 */
export const BOUND_LIMITS = { mip_rel_gap: 0, mip_max_nodes: 2_000, mip_max_improving_sols: 1_000_000 } as const;

function fewestSecondary(model: CModel, primary: readonly boolean[]): number | undefined {
  const n = primary.length;
  const primaries = primary.filter(Boolean).length;
  // a solver that fails here costs the bound only, never the start pattern
  try {
    model.setColsCost(new Float64Array(n).fill(1));
    for (const [name, value] of Object.entries(BOUND_LIMITS)) model.setOption(name, value);
    model.run();
    if (model.status() === MODEL_STATUS.optimal) return Math.round(model.objective()) - primaries;
    model.setIntegrality!(new Int32Array(n));
    model.run();
    return model.status() === MODEL_STATUS.optimal ? Math.ceil(model.objective() - 1e-6) - primaries : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The start pattern (every primary cell suppressed), or undefined when the cube is too large or
 * the solver gives no pattern (the caller then eliminates as before). `cutRounds`: see `CUT_ROUNDS`
 * (0 for comparisons and tests).
 */
export async function startPattern(cube: Cube, primary: readonly boolean[], spec: LinkedSpec, weight: Float64Array, truth: Float64Array, cutRounds = CUT_ROUNDS): Promise<Start | undefined> {
  const n = cube.cells.length;
  if (n > START_MAX_CELLS || !primary.some(Boolean)) return undefined;
  const rows = new Rows();
  const business = businessRules(spec.rules);
  const need = new Map(primaryTargets(cube, primary, spec).map((t) => [t.cell, t]));
  const value = (c: number) => Math.max(0, cube.cells[c].value);
  /** A's conditions on primary `p` in equation `eq` (parent first), cells of `known` published */
  const interval = (eq: number[], p: number, known: ReadonlySet<number>) => {
    const t = need.get(p)!;
    const parent = eq[0];
    const coefs = new Map<number, number>();
    if (p === parent) {
      const down = value(p) - t.needLo;
      if (down <= 0) return;
      for (const q of eq.slice(1)) if (!known.has(q) && value(q) > 0) coefs.set(q, value(q));
      rows.atLeast(coefs, down);
    } else {
      const up = t.needHi - value(p);
      if (up <= 0) return;
      if (!known.has(parent)) coefs.set(parent, up);
      for (const q of eq.slice(1)) if (q !== p && !known.has(q) && value(q) > 0) coefs.set(q, Math.min(up, value(q)));
      rows.atLeast(coefs, up);
    }
  };
  const none = new Set<number>();
  const eqs = equations(cube, spec);
  for (const eq of eqs) {
    // never the only suppressed cell: s_m ≤ Σ s_others
    for (const m of eq) rows.atLeast(new Map([...eq.filter((o) => o !== m).map((o) => [o, 1] as [number, number]), [m, -1]]), 0);
    const owners = new Map<number, Set<number>>();
    for (const q of eq) {
      const sole = cube.cells[q].sole;
      if (sole >= 0) owners.set(sole, (owners.get(sole) ?? new Set()).add(q));
    }
    for (const p of eq) {
      if (!primary[p]) continue;
      interval(eq, p, none);
      for (const [, own] of owners) {
        if (own.has(p)) continue;
        if (business) interval(eq, p, own);
        else rows.atLeast(new Map(eq.filter((q) => q !== p && !own.has(q)).map((q) => [q, 1] as [number, number])), 1);
      }
    }
  }
  // cells of identical membership share their status
  for (const group of identicalGroups(cube)) {
    for (const c of group.slice(1)) {
      rows.atLeast(new Map([[group[0], 1], [c, -1]]), 0);
      rows.atLeast(new Map([[group[0], -1], [c, 1]]), 0);
    }
  }
  const s = await solver();
  const model = s.create();
  if (!model.setIntegrality) {
    model.dispose();
    return undefined;
  }
  try {
    model.passLp({
      numCols: n,
      colCost: Float64Array.from(weight),
      colLower: Float64Array.from(primary, (p) => (p ? 1 : 0)),
      colUpper: new Float64Array(n).fill(1),
      rowLower: Float64Array.from(rows.lower),
      rowUpper: new Float64Array(rows.lower.length).fill(s.infinity),
      starts: Int32Array.from(rows.starts),
      indices: Int32Array.from(rows.indices),
      values: Float64Array.from(rows.values),
    });
    model.setIntegrality(new Int32Array(n).fill(1));
    model.setOption('presolve', 'on');
    const searched = n <= START_SEARCH_MAX_CELLS ? START_LIMITS.search : START_LIMITS.quick;
    const solve = (limits: Record<string, number>): boolean[] | undefined => {
      for (const [name, value] of Object.entries(limits)) model.setOption(name, value);
      model.run();
      const status = model.status();
      if (status !== MODEL_STATUS.optimal && status !== MODEL_STATUS.solutionLimit) return undefined;
      const x = model.colValues();
      if (x.length !== n || !x.every(Number.isFinite)) return undefined;
      return Array.from(x, (v, c) => primary[c] || v > 0.5);
    };
    let pattern = solve(searched);
    if (!pattern || !business) return pattern && { pattern };
    // business rules: the attackers' cuts (cuts.ts), round after round while they find any, each
    // round solved quickly; then the pattern under every cut found, searched as the first was. That
    // one may break cuts not found yet: the audit loop repairs it, as it would any start (on the
    // shipped sample, rounds until that pattern breaks none took twice as long for 2 to 4 cells)
    const near = neighbours(n, eqs);
    let cut = false;
    for (let round = 0; round < cutRounds; round++) {
      const cuts = await attackCuts(cube, primary, spec, pattern, truth, near);
      if (cuts.length === 0) break;
      const added = new Rows();
      for (const c of cuts) added.atLeast(new Map(c.cells.map((q) => [q, 1])), 1);
      model.addRows(Float64Array.from(added.lower), new Float64Array(cuts.length).fill(s.infinity), Int32Array.from(added.starts), Int32Array.from(added.indices), Float64Array.from(added.values));
      cut = true;
      const next = solve(START_LIMITS.quick);
      if (!next) break;
      pattern = next;
    }
    pattern = (cut && solve(searched)) || pattern;
    return { pattern, bound: fewestSecondary(model, primary) };
  } catch {
    return undefined;
  } finally {
    model.dispose();
  }
}
