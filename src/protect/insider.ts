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
import { componentRoots } from './attacker.ts';
import { Attack, type Check, type Failure, type Target } from './check.ts';
import type { Cube } from './cube.ts';
import { targetOf, zerosKnown } from './engine.ts';
import type { LinkedSpec, RuleSet } from './types.ts';

/**
 * Cubes above this many cells are not checked for C: each insider is one more attack on the whole
 * table, and a large table has thousands (measured on the 3 500 × 10 benchmark: more than three
 * minutes without an end, against 5 s for A and B). Every table of the shipped sample is far below
 * (the largest, under 1 000 cells). The audit says when it did not check C.
 */
export const INSIDER_MAX_CELLS = 10_000;

/** Whether requirement C is checked on this cube (see `INSIDER_MAX_CELLS`). */
export const insiderChecked = (cube: Cube): boolean => cube.cells.length <= INSIDER_MAX_CELLS;

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
  const business = rules.minFrequency !== undefined || rules.dominance !== undefined || rules.pPercent !== undefined;
  if (business) return ([{ kind: 'A', targets: targets.foreign }, { kind: exact, targets: all }] as Planned[]).filter((c) => c.targets.length > 0);
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
   * Requirements proven per contributor (see `CheckOptions.proven`). A proof stays valid when the
   * contributor knows more: a newly suppressed cell it alone makes up was published, so at its true
   * value in the proving point.
   */
  provenOf?: Map<number, Set<string>>;
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
  for (const insider of insiders(cube, suppressed)) {
    const verdict = await checkInsider(cube, primary, suppressed, truth, spec, insider, roots, options);
    if (verdict) out.push(verdict);
  }
  return out;
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
  const outsideB = zerosKnown(cube, suppressed);
  const touched = new Set<number>();
  for (const c of insider.known) for (const i of cube.cells[c].members) if (roots[i] >= 0) touched.add(roots[i]);
  const inTouched = (t: Target) => cube.cells[t.cell].members.some((i) => touched.has(roots[i]));
  const view = insiderView(suppressed, insider);
  const checks = insiderChecks(spec.rules, zerosKnown(cube, view), insiderTargets(cube, primary, suppressed, insider, spec))
    .map(({ kind, targets }) => ({ kind, targets: kind === 'B' && !outsideB ? targets : targets.filter(inTouched) }))
    .filter((c) => c.targets.length > 0);
  if (checks.length === 0) return undefined;
  const proven = provenFor(options.provenOf, insider);
  const attack = new Attack(cube, view, truth);
  const failures: InsiderFailure[] = [];
  try {
    for (const { kind, targets } of checks) {
      for (const f of await attack.failing(targets, kind, { exact: options.exact, proven })) failures.push({ ...f, kind });
      if (failures.length > 0 && !options.exact) break;
    }
  } finally {
    attack.close();
  }
  return failures.length > 0 ? { insider, view, failures } : undefined;
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
