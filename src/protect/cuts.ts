/**
 * Cuts for the start pattern's MIP (start.ts), in the manner of Fischetti and Salazar: the attacker
 * of requirement A faces the pattern, and each primary cell it pins too narrowly gives the set of
 * published cells its bound rests on — the rows of its LP with a non-zero dual. Any pattern that
 * keeps all of those published leaves that dual solution feasible, so the same bound: a protected
 * pattern withholds at least one of them. The MIP gets Σ s_c ≥ 1 over each set and is solved again.
 *
 * The same for the insider of requirement C under business rules (a contributor that alone makes
 * up a withheld cell knows it: its own cells are rows of its LP, and leave the cut, since withholding
 * them hides nothing from it), on the primary cells that share an equation with one of its cells.
 * Counts of persons, requirement B and the insider's exact test give no cut: the margin-by-margin
 * conditions of the start and the repairs of the audit loop see to them.
 *
 * Cuts only choose the start: the audit and repair loop proves the pattern whatever they are.
 *
 * The audit's own attackers (`Attack`, `InsiderAttack`) first find which targets fail, in one
 * batch each; the duals are then asked only for those (on the shipped sample's mediation financing,
 * a round of cuts took 0,7 s when every target was solved again for its duals).
 *
 * @example
 *   const cuts = await attackCuts(cube, primary, spec, pattern, truth, neighbours(cube.cells.length, equations(cube, spec)));
 *   cuts[0].cells; // [12, 40]: published cells, one of which a protected pattern withholds
 */
import type { Cube } from './cube.ts';
import { InsiderAttack, insiders, insiderTargets, insiderView } from './insider.ts';
import { businessRules } from './primary.ts';
import { MODEL_STATUS, solver, type CModel, type LpSolver } from './solver.ts';
import { primaryTargets } from './steps.ts';
import { Attack, reachesDown, reachesUp, type Failure, type Target } from './check.ts';
import type { LinkedSpec } from './types.ts';

/** One cut: a protected pattern withholds one of `cells` at least. */
export interface Cut {
  /** published cells, ascending */
  cells: number[];
  /** the primary cell the attacker pins, and which way (`lo`: its lower bound is too high) */
  target: number;
  dir: 'lo' | 'hi';
  /** cells the attacker knows besides the published ones: the insider's own (empty for the outsider) */
  known: number[];
}

/** A row's dual below this (in absolute value) does not hold the bound up. */
const DUAL_TOL = 1e-9;

/** The attacker of A on one pattern: every inner cell ≥ 0, every published (or known) cell a row. */
class AttackLp {
  private readonly model: CModel;
  private readonly rowCell: number[] = [];
  private readonly cost: Float64Array;

  constructor(
    h: LpSolver,
    private readonly cube: Cube,
    known: (c: number) => boolean,
  ) {
    const starts: number[] = [];
    const indices: number[] = [];
    const values: number[] = [];
    const rhs: number[] = [];
    cube.cells.forEach((cell, c) => {
      if (!known(c)) return;
      starts.push(indices.length);
      for (const i of cell.members) {
        indices.push(i);
        values.push(1);
      }
      rhs.push(cell.value);
      this.rowCell.push(c);
    });
    const n = cube.innerCount;
    this.cost = new Float64Array(n);
    this.model = h.create();
    this.model.passLp({
      numCols: n,
      colCost: this.cost,
      colLower: new Float64Array(n),
      colUpper: new Float64Array(n).fill(h.infinity),
      rowLower: Float64Array.from(rhs),
      rowUpper: Float64Array.from(rhs),
      starts: Int32Array.from(starts),
      indices: Int32Array.from(indices),
      values: Float64Array.from(values),
    });
  }

  /**
   * The published cells the attacker's bound on `t` rests on, when that bound is inside A's interval
   * in direction `dir`; undefined when A holds that way (or the solver gives no bound).
   */
  cut(t: Target, dir: 'lo' | 'hi'): number[] | undefined {
    const { model, cost } = this;
    const members = this.cube.cells[t.cell].members;
    // minimise the cell (lo) or its opposite (hi)
    for (const i of members) cost[i] = dir === 'lo' ? 1 : -1;
    model.setColsCost(cost);
    model.run();
    for (const i of members) cost[i] = 0;
    if (model.status() !== MODEL_STATUS.optimal || !model.rowDuals) return undefined;
    // A's tests on the attacker's bound, as the audit makes them (check.ts)
    if (dir === 'lo' ? reachesDown(model.objective(), t.needLo) : reachesUp(-model.objective(), t.needHi)) return undefined;
    const duals = model.rowDuals();
    return this.rowCell.filter((_, r) => Math.abs(duals[r]) > DUAL_TOL);
  }

  dispose(): void {
    this.model.dispose();
  }
}

/**
 * The cuts a pattern violates (see the module's comment), each a sorted list of cells, distinct.
 * `near`: the cells that share an equation with a cell (the start's equations).
 */
export async function attackCuts(
  cube: Cube,
  primary: readonly boolean[],
  spec: LinkedSpec,
  pattern: readonly boolean[],
  truth: Float64Array,
  near: readonly number[][],
): Promise<Cut[]> {
  const h = await solver();
  const cuts = new Map<string, Cut>();
  const add = (cells: number[] | undefined, target: number, dir: 'lo' | 'hi', known: number[]) => {
    if (!cells || cells.length === 0) return;
    const key = cells.join(',');
    if (!cuts.has(key)) cuts.set(key, { cells, target, dir, known });
  };
  // the duals of the targets the batch attacker pins, target by target, down before up (a cut
  // found both ways is kept once, as its first)
  const cutFailures = (failures: readonly Failure[], targets: readonly Target[], lp: () => AttackLp, known: number[], own?: ReadonlySet<number>) => {
    if (failures.length === 0) return;
    const failed = new Set(failures.map((f) => `${f.cell}:${f.direction}`));
    const view = lp();
    try {
      for (const t of targets) {
        for (const dir of ['lo', 'hi'] as const) {
          if (failed.has(`${t.cell}:${dir}`)) add(view.cut(t, dir)?.filter((q) => !own?.has(q)), t.cell, dir, known);
        }
      }
    } finally {
      view.dispose();
    }
  };
  const targets = primaryTargets(cube, primary, spec);
  const outside = new Attack(cube, pattern, truth);
  try {
    cutFailures(await outside.failing(targets, 'A', { exact: true }), targets, () => new AttackLp(h, cube, (c) => !pattern[c]), []);
  } finally {
    outside.close();
  }
  if (!businessRules(spec.rules)) return [...cuts.values()];
  const inside = new InsiderAttack(cube, truth, h);
  try {
    inside.sync(pattern);
    for (const insider of insiders(cube, pattern)) {
      const own = new Set(insider.own);
      // the primary cells it has no part in (insider.ts), next to its own withheld cells
      const close = new Set(insider.known.flatMap((k) => near[k]));
      const foreign = insiderTargets(cube, primary, pattern, insider, spec).foreign.filter((t) => close.has(t.cell));
      if (foreign.length === 0) continue;
      const failures = await inside.failing(insiderView(pattern, insider), insider, foreign, 'A', { exact: true, proven: new Set() });
      cutFailures(failures, foreign, () => new AttackLp(h, cube, (c) => !pattern[c] || own.has(c)), insider.own, own);
    }
  } finally {
    inside.close();
  }
  return [...cuts.values()];
}

/** For each cell, the cells that share one of `equations` with it (itself included), ascending. */
export function neighbours(cells: number, equations: readonly number[][]): number[][] {
  const sets = Array.from({ length: cells }, (_, c) => new Set<number>([c]));
  for (const eq of equations) for (const a of eq) for (const b of eq) sets[a].add(b);
  return sets.map((s) => [...s].sort((a, b) => a - b));
}
