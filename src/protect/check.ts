/**
 * Proves requirements A and B for primary cells with as few LP solves as possible: one solve
 * maximises (or minimises) the sum of every cell still unproven in a component, and its solution
 * proves every cell it pushes far enough; a cell left unproven after a batch gets its own exact
 * solve, which either proves it or measures by how much it fails.
 */
import type { Witnesses } from './witnesses.ts';
import type { Cube } from './cube.ts';
import { addFloors, closeAttack, openAttack, split, type AttackModel, type Bounds } from './attacker.ts';
import { rectangles } from './certificates.ts';
import { solverFailed } from './messages.ts';

export interface Target {
  cell: number;
  /** A: the attacker's lower bound must be ≤ needLo and upper bound ≥ needHi */
  needLo: number;
  needHi: number;
}

/**
 * What is checked: A (interval), B (not a single point, suppressed cells ≥ 1), or `exact` (B's
 * test under A's bounds: not a single point, suppressed cells ≥ 0 — requirement C on counts when a
 * zero is suppressed). An `exact` failure is reported as check B.
 */
export type Check = Bounds | 'exact';

export interface Failure {
  cell: number;
  check: 'A' | 'B';
  direction: 'lo' | 'hi';
  /** the attacker's bound in that direction */
  bound: number;
}

/** Relative tolerance of every test on an attacker's point (also witnesses.ts). */
export const EPS = 1e-6;

/** Requirement B's test: an attacker's point gives a cell of this value another value. */
export function movesValue(value: number, attacked: number): boolean {
  return Math.abs(attacked - value) > EPS * Math.max(1, value);
}

/** Requirement A's tests: an attacker's point takes a cell up to `goal`, or down to it. */
export const reachesUp = (attacked: number, goal: number): boolean => attacked >= goal - EPS * Math.max(1, goal);
export const reachesDown = (attacked: number, goal: number): boolean => attacked <= goal + EPS * Math.max(1, goal);

/** The key of B's proof (`proven`): 'B' under B's floors, 'E' for the exact test on A's model. */
export const exactKey = (check: 'B' | 'exact'): 'B' | 'E' => (check === 'B' ? 'B' : 'E');

/** Tables above this many cells get HiGHS's presolve in the attacker's models (see `Attack`). */
export const PRESOLVE_ABOVE_CELLS = 20_000;

/** How `Attack.failing` checks the targets. */
export interface CheckOptions {
  /**
   * true (audit): every failure is confirmed by an exact solve and reported with the attacker's
   * bound. false (protect loop): targets a batch cannot prove are returned unproven (bound NaN) —
   * the repair LP settles them, more cheaply than an exact solve on the whole component.
   */
  exact: boolean;
  /**
   * Requirements already proven ("cell:hi", "cell:lo" for A, "cell:B"): skipped, and every one
   * proven here is added. A proof is an attacker's point: every published cell at its value, every
   * suppressed cell ≥ 0 (A) or ≥ 1 (B). Suppressing more cells keeps it a valid point — a newly
   * suppressed cell keeps its true value, ≥ 1 when no zero is suppressed — so proofs are kept.
   */
  proven?: Set<string>;
  /**
   * Points found by earlier checks (see witnesses.ts): tried before any LP, and every point found
   * here is added.
   */
  witnesses?: Witnesses;
}

/**
 * The attacker facing one suppression pattern: checks A, then B, on one model, built at the first
 * check that needs an LP. B's model is A's with the floors added (`addFloors`), so B's first solves
 * start from A's last basis (on the largest linked tables of the shipped sample: 40 simplex
 * iterations instead of 1 150 from scratch). `close` frees the model.
 *
 * @example
 *   const attack = new Attack(cube, suppressed, truth);
 *   try {
 *     failures = [...(await attack.failing(targets, 'A')), ...(await attack.failing(targets, 'B'))];
 *   } finally {
 *     attack.close();
 *   }
 */
export class Attack {
  private model?: AttackModel;
  private bounds?: Bounds;

  constructor(
    private readonly cube: Cube,
    private readonly suppressed: readonly boolean[],
    private readonly truth: Float64Array,
  ) {}

  async failing(targets: readonly Target[], check: Check, options: CheckOptions = { exact: true }): Promise<Failure[]> {
    return failingOn(this.cube, this.suppressed, () => this.modelFor(check === 'B' ? 'B' : 'A'), targets, check, options);
  }

  close(): void {
    if (this.model) closeAttack(this.model);
    this.model = undefined;
  }

  private async modelFor(bounds: Bounds): Promise<AttackModel> {
    if (this.model && this.bounds === bounds) return this.model;
    if (this.model && this.bounds === 'A' && bounds === 'B') addFloors(this.model, this.cube, this.suppressed);
    else if (this.bounds !== bounds) {
      this.close();
      // presolve only on large tables: it costs more than it saves on the many small models of
      // the protect loop, and saves much on the largest bench tables (figures in bench/README.md).
      // Protect's batch points, which choose its repairs, may land on another vertex either way;
      // the sample's outputs came out byte-identical
      const presolve = this.cube.cells.length > PRESOLVE_ABOVE_CELLS;
      this.model = await openAttack(this.cube, this.suppressed, this.truth, bounds, presolve);
    }
    this.bounds = bounds;
    return this.model!;
  }
}

/**
 * `Attack.failing` on a model supplied by the caller (built only when an LP is needed): `model`
 * must be the attacker's for `suppressed` with the check's bounds (B's floors for 'B', A's
 * otherwise), or a model with the same feasible set (see `InsiderAttack` in insider.ts).
 */
export async function failingOn(
  cube: Cube,
  suppressed: readonly boolean[],
  model: () => Promise<AttackModel> | AttackModel,
  targets: readonly Target[],
  check: Check,
  options: CheckOptions = { exact: true },
): Promise<Failure[]> {
  const proven = options.proven ?? new Set<string>();
  options.witnesses?.prove(suppressed, check, targets, proven);
  const open = certified(cube, suppressed, targets, check, proven);
  if (open.length === 0) return [];
  const m = await model();
  if (check === 'A') return checkA(cube, m, open, { ...options, proven });
  return checkB(cube, m, open, { ...options, proven }, exactKey(check));
}

/**
 * Proves what rectangles of suppressed inner cells prove (see certificates.ts), adding it to
 * `proven`; returns the targets with a requirement left to prove by LP.
 */
function certified(cube: Cube, suppressed: readonly boolean[], targets: readonly Target[], check: Check, proven: Set<string>): Target[] {
  const certify = rectangles(cube, suppressed);
  return targets.filter((t) => {
    const v = cube.cells[t.cell].value;
    const prove = (requirement: string, ok: () => boolean) => {
      const key = `${t.cell}:${requirement}`;
      if (proven.has(key)) return true;
      if (!ok()) return false;
      proven.add(key);
      return true;
    };
    if (check === 'B') return !prove('B', () => certify(t.cell, B_MOVE, 'hi', 1) || certify(t.cell, B_MOVE, 'lo', 1));
    if (check === 'exact') return !prove('E', () => certify(t.cell, B_MOVE, 'hi', 0) || certify(t.cell, B_MOVE, 'lo', 0));
    const hi = prove('hi', () => certify(t.cell, t.needHi - v, 'hi', 0));
    const lo = prove('lo', () => certify(t.cell, v - t.needLo, 'lo', 0));
    return !(hi && lo);
  });
}

/** How far a rectangle must move a cell to prove B (any move would; this one is far from rounding). */
const B_MOVE = 0.5;

interface Prepared {
  cell: number;
  known: number;
  comp: number;
  cols: number[];
  goal: number;
}

function prepare(cube: Cube, model: AttackModel, targets: readonly Target[], goal: (t: Target) => number): Prepared[] {
  return targets.map((t) => ({ cell: t.cell, goal: goal(t), ...split(model, cube.cells[t.cell].members) }));
}

/**
 * Pushes every pending target in one direction; returns those whose optimum misses `reached`,
 * with that optimum.
 */
function push(
  model: AttackModel,
  pending: Prepared[],
  maximize: boolean | 'alternate',
  reached: (p: Prepared, sum: number) => boolean,
  exact: boolean,
  onProven?: (p: Prepared) => void,
  onPoint?: (comp: number, x: Float64Array) => void,
): { p: Prepared; bound: number }[] {
  const failed: { p: Prepared; bound: number }[] = [];
  const byComp = new Map<number, Prepared[]>();
  for (const p of pending) {
    if (p.comp < 0) {
      if (!reached(p, p.known)) failed.push({ p, bound: p.known });
      continue;
    }
    const list = byComp.get(p.comp) ?? [];
    list.push(p);
    byComp.set(p.comp, list);
  }
  for (const [comp, list] of byComp) {
    const lp = model.components[comp].model;
    let open = list;
    const evaluate = (x: Float64Array) => {
      open = open.filter((p) => {
        const ok = reached(p, p.known + p.cols.reduce((s, j) => s + x[j], 0));
        if (ok) onProven?.(p);
        return !ok;
      });
    };
    let stalls = 0;
    while (open.length > 0) {
      const before = open.length;
      const cost = new Map<number, number>();
      // 'alternate' (requirement B: any move proves) pushes some targets up, the others down, with
      // a different split after each batch that proves nothing
      open.forEach((p, k) => {
        const sign = maximize === 'alternate' && ((k * 2654435761 + stalls * 40503) >>> 0) % 2 === 1 ? -1 : 1;
        for (const j of p.cols) cost.set(j, (cost.get(j) ?? 0) + sign);
      });
      const batch = open.length > 1 || !exact ? lp.solve(cost, maximize !== false) : undefined;
      if (batch?.status === 'optimal') {
        onPoint?.(comp, batch.x);
        evaluate(batch.x);
      }
      if (open.length < before) continue;
      if (maximize === 'alternate' && ++stalls < 4) continue;
      if (!exact) {
        for (const p of open) failed.push({ p, bound: NaN });
        break;
      }
      // the batch proved nothing: settle the first target exactly
      const [first, ...rest] = open;
      const own = lp.solve(new Map(first.cols.map((j) => [j, 1])), maximize !== false);
      if (own.status === 'unbounded') {
        onProven?.(first);
        open = rest;
        continue;
      }
      if (own.status !== 'optimal') throw new Error(solverFailed(own.status));
      const bound = first.known + own.objective;
      if (!reached(first, bound)) {
        failed.push({ p: first, bound });
        open = rest;
      } else onProven?.(first);
      onPoint?.(comp, own.x);
      evaluate(own.x);
      open = open.filter((p) => p !== first);
    }
  }
  return failed;
}

/** The points a check finds, kept for the next ones (see `CheckOptions.witnesses`). */
function keep(model: AttackModel, options: CheckOptions): ((comp: number, x: Float64Array) => void) | undefined {
  const witnesses = options.witnesses;
  return witnesses && ((comp, x) => witnesses.add(model, comp, x));
}

function checkA(cube: Cube, model: AttackModel, targets: readonly Target[], options: CheckOptions): Failure[] {
  const open = (dir: string) => targets.filter((t) => !options.proven?.has(`${t.cell}:${dir}`));
  const proven = (dir: string) => (p: Prepared) => options.proven?.add(`${p.cell}:${dir}`);
  const kept = keep(model, options);
  const hi = push(model, prepare(cube, model, open('hi'), (t) => t.needHi), true, (p, s) => reachesUp(s, p.goal), options.exact, proven('hi'), kept);
  const lo = push(model, prepare(cube, model, open('lo'), (t) => t.needLo), false, (p, s) => reachesDown(s, p.goal), options.exact, proven('lo'), kept);
  return [
    ...hi.map(({ p, bound }) => ({ cell: p.cell, check: 'A' as const, direction: 'hi' as const, bound })),
    ...lo.map(({ p, bound }) => ({ cell: p.cell, check: 'A' as const, direction: 'lo' as const, bound })),
  ];
}

/**
 * B: a target passes as soon as one feasible point gives it a value other than its own. `key`: B,
 * or E for `exact` (the same test on A's model).
 */
function checkB(cube: Cube, model: AttackModel, targets: readonly Target[], options: CheckOptions, key: 'B' | 'E'): Failure[] {
  const open = targets.filter((t) => !options.proven?.has(`${t.cell}:${key}`));
  const prepared = prepare(cube, model, open, (t) => cube.cells[t.cell].value);
  const tol = (p: Prepared) => EPS * Math.max(1, p.goal);
  const moved = (p: Prepared, s: number) => movesValue(p.goal, s);
  const proven = (p: Prepared) => options.proven?.add(`${p.cell}:${key}`);
  const kept = keep(model, options);
  const stuck = push(model, prepared, 'alternate', moved, false, proven, kept).map((f) => f.p);
  const notUp = push(model, stuck, true, (p, s) => s > p.goal + tol(p), options.exact, proven, kept);
  const notDown = push(model, notUp.map((f) => f.p), false, (p, s) => s < p.goal - tol(p), options.exact, proven, kept);
  return notDown.map(({ p, bound }) => ({ cell: p.cell, check: 'B' as const, direction: 'hi' as const, bound }));
}
