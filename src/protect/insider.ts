/**
 * Requirement C, the insider: a contributor that alone makes up a suppressed cell knows that cell's
 * value (it is its own figure). With those cells known, it must not derive a primary cell of which it
 * is not the sole contributor — exactly, nor inside requirement A's interval for business rule sets.
 *
 * Contributors that alone make up the same suppressed cells see the same pattern: they form one
 * `Insider`, checked once (on one table every cell has one sole contributor at most, so a group has
 * one contributor; linked tables may share one). An insider's view is the suppression pattern with
 * its own cells published; its targets are the other primary cells.
 *
 * @example
 *   for (const insider of insiders(cube, suppressed)) {
 *     const view = insiderView(suppressed, insider);
 *     const targets = insiderTargets(cube, primary, suppressed, insider, spec);
 *     // attack `view` with insiderChecks(spec.rules, zerosKnown(cube, view), targets)
 *   }
 */
import { attackLayout, buildOpenComponent, componentRoots, openRowBounds, type AttackModel, type Bounds, type Component, type OpenComponent } from './attacker.ts';
import { failingOn, PRESOLVE_ABOVE_CELLS, type Check, type Failure, type Target } from './check.ts';
import type { Cube } from './cube.ts';
import { targetOf, zerosKnown } from './steps.ts';
import { businessRules } from './primary.ts';
import { solver, type LpSolver } from './solver.ts';
import type { LinkedSpec, RuleSet } from './types.ts';
import type { Witnesses } from './witnesses.ts';

/**
 * Counts of persons (`minValue` alone) above this many cells are not checked for C: there C asks
 * that no other service's count is derived exactly, and a large count table has thousands of
 * insiders on one connected component (measured on the 3 500 × 10 benchmark, about 2 700 insiders
 * on 5 117 unknowns: even proven in groups (`proveTogether`), each insider is left with hundreds of
 * cells to prove, about 10 solves each — minutes, where A and B take seconds). Business rule
 * sets (minimum number of contributors, dominance, p %) are always checked, at every size. The
 * audit says when it did not check C.
 */
export const INSIDER_MAX_CELLS = 10_000;


/** Whether requirement C is checked on this cube (see `INSIDER_MAX_CELLS`). */
export const insiderChecked = (cube: Cube, rules: RuleSet): boolean => businessRules(rules) || cube.cells.length <= INSIDER_MAX_CELLS;

export interface Insider {
  /** contributor indices (`Cube.contributors`), ascending */
  contributors: number[];
  /** the suppressed cells they alone make up, ascending */
  known: number[];
  /**
   * every cell they alone make up, published or not, ascending: a repair for them must not
   * suppress one of these, since they would still know it
   */
  own: number[];
}

/** Contributors that alone make up a suppressed cell, grouped by the cells they know. */
export function insiders(cube: Cube, suppressed: readonly boolean[]): Insider[] {
  const knownBy = new Map<number, number[]>();
  const ownBy = new Map<number, number[]>();
  const add = (map: Map<number, number[]>, who: number, c: number) => {
    const list = map.get(who);
    if (list) list.push(c);
    else map.set(who, [c]);
  };
  cube.cells.forEach((cell, c) => {
    if (cell.sole < 0) return;
    add(ownBy, cell.sole, c);
    if (suppressed[c]) add(knownBy, cell.sole, c);
  });
  const groups = new Map<string, Insider>();
  for (const [who, known] of [...knownBy].sort(([a], [b]) => a - b)) {
    const key = known.join(',');
    const group = groups.get(key);
    if (group) {
      group.contributors.push(who);
      group.own = [...new Set([...group.own, ...ownBy.get(who)!])].sort((a, b) => a - b);
    } else groups.set(key, { contributors: [who], known, own: ownBy.get(who)! });
  }
  // in cell order, not contributor order: contributor indices follow the input's row order, and
  // the protect loop repairs insiders one after the other (shuffled rows give the same pattern)
  return [...groups.values()].sort((a, b) => a.known[0] - b.known[0]);
}

/** The pattern as the insider sees it: its own cells are known, like published ones. */
export function insiderView(suppressed: readonly boolean[], insider: Insider): boolean[] {
  const view = suppressed.slice();
  for (const c of insider.known) view[c] = false;
  return view;
}

/**
 * The primary cells the insider must not derive (suppressed primaries it does not know), in two
 * lists: those it has no part in, and those it contributes to without making them up alone. It
 * always knows its own share of the latter — a lower bound no suppression can take away, which the
 * dominance and p % rules already weigh — so there C asks only that the cell is not derived exactly.
 */
export function insiderTargets(cube: Cube, primary: readonly boolean[], suppressed: readonly boolean[], insider: Insider, spec: LinkedSpec): { foreign: Target[]; shared: Target[] } {
  const known = new Set(insider.known);
  const foreign: Target[] = [];
  const shared: Target[] = [];
  cube.cells.forEach((cell, c) => {
    if (!primary[c] || !suppressed[c] || known.has(c)) return;
    const contributes = insider.contributors.some((k) => includes(cell.who, k));
    (contributes ? shared : foreign).push(targetOf(cube, c, spec));
  });
  return { foreign, shared };
}

function includes(sorted: Int32Array, k: number): boolean {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] === k) return true;
    if (sorted[mid] < k) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/**
 * What requirement C asks of an insider, as checks on lists of targets. Business rule sets
 * (minimum number of contributors, dominance, p %): A on the cells it has no part in, then no exact
 * derivation of any (B's test when zeros are known, else the same with suppressed cells ≥ 0).
 * Counts of persons (`minValue` alone): no exact derivation. No rule: nothing (no primary cell).
 */
export function insiderChecks(rules: RuleSet, zerosKnown: boolean, targets: { foreign: Target[]; shared: Target[] }): { kind: Check; targets: Target[] }[] {
  const exact: Check = zerosKnown ? 'B' : 'exact';
  const all = [...targets.foreign, ...targets.shared];
  type Planned = { kind: Check; targets: Target[] };
  if (businessRules(rules)) return ([{ kind: 'A', targets: targets.foreign }, { kind: exact, targets: all }] as Planned[]).filter((c) => c.targets.length > 0);
  if (rules.minValue !== undefined) return ([{ kind: exact, targets: all }] as Planned[]).filter((c) => c.targets.length > 0);
  return [];
}

/** A failure of requirement C: which check failed, on the pattern of which insider. */
export interface InsiderFailure extends Failure {
  kind: Check;
}

/** The failures of one insider, with its view (repairs suppress more cells in it). */
export interface InsiderVerdict {
  insider: Insider;
  view: boolean[];
  failures: InsiderFailure[];
}

export interface InsiderOptions {
  /** see `CheckOptions.exact`; exact (audit) also runs every check, not only up to the first failing one */
  exact: boolean;
  /**
   * the attacker's models shared by the insiders (see `InsiderAttack`); without it, one is opened
   * for the call and closed after it
   */
  attack?: InsiderAttack;
  /**
   * Requirements proven per contributor (see `CheckOptions.proven`). A proof stays valid when the
   * contributor knows more: a newly suppressed cell it alone makes up was published, so at its true
   * value in the proving point.
   */
  provenOf?: Map<number, Set<string>>;
  /** points of earlier checks, tried first (see witnesses.ts) */
  witnesses?: Witnesses;
}

/** Checks requirement C for every insider; returns those with failures. */
export async function insiderFailing(
  cube: Cube,
  primary: readonly boolean[],
  suppressed: readonly boolean[],
  truth: Float64Array,
  spec: LinkedSpec,
  options: InsiderOptions,
): Promise<InsiderVerdict[]> {
  const out: InsiderVerdict[] = [];
  const roots = componentRoots(cube, suppressed);
  const attack = options.attack ?? new InsiderAttack(cube, truth, await solver());
  const provenOf = options.provenOf ?? new Map<number, Set<string>>();
  try {
    const all = insiders(cube, suppressed);
    await proveTogether(cube, primary, suppressed, spec, all, roots, { attack, provenOf });
    for (const insider of all) {
      const verdict = await checkInsider(cube, primary, suppressed, truth, spec, insider, roots, { ...options, attack, provenOf });
      if (verdict) out.push(verdict);
    }
  } finally {
    if (!options.attack) attack.close();
  }
  return out;
}

/**
 * An insider's view and the checks it must pass there: its targets, kept (except for B when the
 * outside attacker does not know the zeros, `outsideB` false) only in the components of the
 * outside attacker's model that its known cells touch — elsewhere its view is the outsider's, already
 * proven.
 */
function insiderAttackPlan(
  cube: Cube,
  primary: readonly boolean[],
  suppressed: readonly boolean[],
  spec: LinkedSpec,
  insider: Insider,
  roots: Int32Array,
  outsideB: boolean,
): { view: boolean[]; checks: { kind: ReturnType<typeof insiderChecks>[number]['kind']; targets: Target[] }[] } {
  const touched = new Set<number>();
  for (const c of insider.known) for (const i of cube.cells[c].members) if (roots[i] >= 0) touched.add(roots[i]);
  const inTouched = (t: Target) => cube.cells[t.cell].members.some((i) => touched.has(roots[i]));
  const view = insiderView(suppressed, insider);
  const checks = insiderChecks(spec.rules, zerosKnown(cube, view), insiderTargets(cube, primary, suppressed, insider, spec))
    .map(({ kind, targets }) => ({ kind, targets: kind === 'B' && !outsideB ? targets : targets.filter(inTouched) }))
    .filter((c) => c.targets.length > 0);
  return { view, checks };
}

/**
 * Checks requirement C for one insider; undefined when it passes. `roots`: `componentRoots` of
 * `suppressed` — what an insider knows changes only the attacker's components holding its cells:
 * elsewhere its intervals are the outside attacker's, whose checks (A, and B when zeros are known)
 * cover C's.
 */
export async function checkInsider(
  cube: Cube,
  primary: readonly boolean[],
  suppressed: readonly boolean[],
  truth: Float64Array,
  spec: LinkedSpec,
  insider: Insider,
  roots: Int32Array,
  options: InsiderOptions,
): Promise<InsiderVerdict | undefined> {
  const { view, checks } = insiderAttackPlan(cube, primary, suppressed, spec, insider, roots, zerosKnown(cube, suppressed));
  if (checks.length === 0) return undefined;
  const proven = provenFor(options.provenOf, insider);
  const attack = options.attack ?? new InsiderAttack(cube, truth, await solver());
  const failures: InsiderFailure[] = [];
  try {
    attack.sync(suppressed);
    for (const { kind, targets } of checks) {
      for (const f of await attack.failing(view, insider, targets, kind, { exact: options.exact, proven, witnesses: options.witnesses })) failures.push({ ...f, kind });
      if (failures.length > 0 && !options.exact) break;
    }
  } finally {
    if (!options.attack) attack.close();
  }
  return failures.length > 0 ? { insider, view, failures } : undefined;
}

/** Insiders per group in `proveTogether`. */
const GROUP_SIZE = 256;

/**
 * Fewer insiders than this are checked one by one only: on the small cubes of the shipped sample
 * the group's attack cost more than it saved (figures in bench/README.md).
 */
const GROUP_MIN = 32;

/**
 * Proves requirement C for many insiders at once, before they are checked one by one: insiders
 * are put in groups (spread over the table: the i-th of n in group i mod ⌈n / GROUP_SIZE⌉), and
 * each group is attacked with the known cells of all its insiders fixed. A point of that attack
 * is a point of every member's view (each knows only part of what is fixed), so what it proves
 * is proven for each member, in `provenOf` (see `InsiderOptions.provenOf`); what it does not prove
 * (a member's known cell is another's target, or the group together derives a cell) is left to
 * the member's own check. Measured on the 3 500 × 10 benchmark (about 2 700 insiders): each
 * insider's own check pushed all 3 797 primary cells (one component of 5 117 unknowns) in about 15
 * solves; a group of 242 proves about 3 400 of them for all its members in as many solves, which
 * leaves each member about 400 (still 10 solves or so: too slow for that table, see
 * `INSIDER_MAX_CELLS`).
 */
export async function proveTogether(
  cube: Cube,
  primary: readonly boolean[],
  suppressed: readonly boolean[],
  spec: LinkedSpec,
  all: readonly Insider[],
  roots: Int32Array,
  options: { attack: InsiderAttack; provenOf: Map<number, Set<string>>; witnesses?: Witnesses },
): Promise<void> {
  if (all.length < GROUP_MIN) return;
  const count = Math.ceil(all.length / GROUP_SIZE);
  const outsideB = zerosKnown(cube, suppressed);
  options.attack.sync(suppressed);
  for (let g = 0; g < count; g++) {
    const members = all.filter((_, i) => i % count === g);
    if (members.length < 2) continue;
    const union: Insider = {
      contributors: [...new Set(members.flatMap((m) => m.contributors))].sort((a, b) => a - b),
      known: [...new Set(members.flatMap((m) => m.known))].sort((a, b) => a - b),
      own: [],
    };
    const { view, checks } = insiderAttackPlan(cube, primary, suppressed, spec, union, roots, outsideB);
    const proven = new Set<string>();
    for (const { kind, targets } of checks) await options.attack.failing(view, union, targets, kind, { exact: false, proven, witnesses: options.witnesses });
    if (proven.size === 0) continue;
    for (const m of members) {
      const set = provenFor(options.provenOf, m);
      for (const key of proven) set.add(key);
    }
  }
}

/**
 * The attacker's models for every insider of a suppression pattern, built once: each component of
 * the outside attacker's model (see `buildOpenComponent`) has a row for every cell holding one of
 * its unknowns, and an insider's known cells are fixed at their values by their rows' bounds, for
 * its checks only. The feasible set is then the insider's view's: a known cell's row fixes its sum
 * where the view would pin or substitute its inner cells. Between insiders only those bounds
 * change, and the simplex restarts from the last basis instead of from scratch (a model of its own
 * per insider spent most of each check in its first solve).
 *
 * `sync` follows the pattern as repairs suppress cells and the release pass publishes them: a
 * changed cell's row takes its new bounds; a component whose unknowns change (a cell of one inner
 * cell changed, or components merged or split) is rebuilt at its next use.
 *
 * @example
 *   const attack = new InsiderAttack(cube, truth, await solver());
 *   attack.sync(suppressed);
 *   await attack.failing(insiderView(suppressed, insider), insider, targets, 'B', { exact: true });
 *   attack.close();
 */
export class InsiderAttack {
  private pattern: boolean[] | undefined;
  private layout: (ReturnType<typeof attackLayout> & { cellsOf: number[][] }) | undefined;
  /** per bounds, built components by their first inner cell */
  private readonly built: Record<Bounds, Map<number, OpenComponent>> = { A: new Map(), B: new Map() };

  constructor(
    private readonly cube: Cube,
    private readonly truth: Float64Array,
    private readonly h: LpSolver,
  ) {}

  /** Follows the suppression pattern (a copy is kept). */
  sync(suppressed: readonly boolean[]): void {
    const old = this.pattern;
    if (old && old.every((s, c) => s === suppressed[c])) return;
    if (old) {
      // a cell of one inner cell pins it or lets it go: the components holding it change columns
      const pinChanged = new Uint8Array(this.cube.innerCount);
      const changed: number[] = [];
      old.forEach((s, c) => {
        if (s === suppressed[c]) return;
        const members = this.cube.cells[c].members;
        if (members.length === 1) pinChanged[members[0]] = 1;
        else changed.push(c);
      });
      for (const [bounds, map] of Object.entries(this.built) as [Bounds, Map<number, OpenComponent>][]) {
        for (const [key, comp] of map) {
          if (comp.inner.some((i) => pinChanged[i])) {
            comp.model.dispose();
            map.delete(key);
            continue;
          }
          // another cell changes its row's bounds only (a component it merges or splits is rebuilt
          // at its next use, when its unknowns are no longer the component's)
          for (const c of changed) {
            const row = comp.rowOf.get(c);
            if (row === undefined) continue;
            const known = comp.shift.get(c)!;
            const v = this.cube.cells[c].value - known;
            const [lower, upper] = suppressed[c] ? openRowBounds(known, bounds) : [v, v];
            comp.model.setRowBounds(row, lower, upper);
          }
        }
      }
    }
    this.pattern = suppressed.slice();
    this.layout = undefined;
  }

  /**
   * `failingOn` for one insider: `view` is its view of the synced pattern, `kind` one of
   * `insiderChecks`' checks.
   */
  async failing(view: readonly boolean[], insider: Insider, targets: readonly Target[], kind: Check, options: { exact: boolean; proven: Set<string>; witnesses?: Witnesses }): Promise<Failure[]> {
    const bounds: Bounds = kind === 'B' ? 'B' : 'A';
    const fixed: { comp: OpenComponent; row: number; known: number }[] = [];
    const model = (): AttackModel => {
      const layout = this.currentLayout();
      const components: Component[] = layout.inners.map((inner, k) => {
        let comp: OpenComponent | undefined;
        return {
          inner,
          get model() {
            comp ??= open(k);
            return comp.model;
          },
        };
      });
      const open = (k: number): OpenComponent => {
        const comp = this.component(bounds, k);
        for (const c of insider.known) {
          const row = comp.rowOf.get(c);
          if (row === undefined) continue;
          const known = comp.shift.get(c)!;
          const v = this.cube.cells[c].value - known;
          comp.model.setRowBounds(row, v, v);
          fixed.push({ comp, row, known });
        }
        return comp;
      };
      return { column: layout.column, component: layout.component, truth: this.truth, components };
    };
    try {
      return await failingOn(this.cube, view, model, targets, kind, options);
    } finally {
      for (const { comp, row, known } of fixed) comp.model.setRowBounds(row, ...openRowBounds(known, bounds));
    }
  }

  close(): void {
    for (const map of Object.values(this.built)) {
      for (const comp of map.values()) comp.model.dispose();
      map.clear();
    }
  }

  private currentLayout() {
    if (this.layout) return this.layout;
    const layout = attackLayout(this.cube, this.pattern!);
    const cellsOf: number[][] = layout.inners.map(() => []);
    this.cube.cells.forEach((cell, c) => {
      for (const i of cell.members) {
        if (layout.component[i] >= 0) {
          cellsOf[layout.component[i]].push(c);
          break;
        }
      }
    });
    return (this.layout = { ...layout, cellsOf });
  }

  /** Component `k` of the current layout with `bounds`, built or kept. */
  private component(bounds: Bounds, k: number): OpenComponent {
    const layout = this.currentLayout();
    const inner = layout.inners[k];
    const map = this.built[bounds];
    const kept = map.get(inner[0]);
    if (kept && kept.inner.length === inner.length && kept.inner.every((i, j) => i === inner[j])) return kept;
    kept?.model.dispose();
    // presolve only on large tables, as for the outside attacker (see `Attack` in check.ts)
    const comp = buildOpenComponent(this.h, this.cube, { ...layout, truth: this.truth }, k, inner, layout.cellsOf[k], this.pattern!, bounds, this.cube.cells.length > PRESOLVE_ABOVE_CELLS);
    map.set(inner[0], comp);
    return comp;
  }
}

/**
 * The proofs valid for an insider: every proof of one of its contributors (their views are the
 * insider's). A fresh set, given to all of them: a set shared with a contributor now in another
 * insider would lend it proofs of a view that is not its own.
 */
function provenFor(provenOf: Map<number, Set<string>> | undefined, insider: Insider): Set<string> {
  if (!provenOf) return new Set();
  const set = new Set<string>();
  for (const k of insider.contributors) for (const key of provenOf.get(k) ?? []) set.add(key);
  for (const k of insider.contributors) provenOf.set(k, set);
  return set;
}
