/**
 * The release pass: after protection, each secondary cell is offered for publication again, the
 * most costly to withhold first (see `withholdCost`), and stays published when the attacker still
 * fails on every primary cell — requirements A and B, and C where the protect loop checks it. The
 * repairs of the protect loop add cells one failure at a time and Gaussian elimination picks its
 * cells before the LP audit ever runs, so some patterns keep cells that no requirement needs.
 *
 * One pass is enough: publishing a cell only gives the attacker more, so a cell that could not be
 * released once can never be released after other cells are.
 *
 * @example
 *   const released = await releasePass({ cube, primary, suppressed, truth, spec, insider: true });
 *   released; // secondary cells published again; `suppressed` is updated in place
 */
import { componentRoots } from './attacker.ts';
import { Attack, EPS, type Target } from './check.ts';
import type { Cube } from './cube.ts';
import { groupOfCell, primaryTargets, zerosKnown } from './steps.ts';
import { checkInsider, InsiderAttack, insiders, proveTogether } from './insider.ts';
import { businessRules } from './primary.ts';
import { solver } from './solver.ts';
import type { LinkedSpec } from './types.ts';
import { Witnesses } from './witnesses.ts';

/**
 * Cost of withholding a cell: its value plus one, times the number of inner cells it adds up. The
 * second factor grows with the cell's level in every hierarchy (France above France métropolitaine
 * and the DROM, above regions and courts, above departments), the first with its size: totals and
 * large cells are released first, detail is given up first.
 */
export function withholdCost(cube: Cube, c: number): number {
  const cell = cube.cells[c];
  return (1 + Math.max(0, cell.value)) * Math.max(1, cell.members.length);
}

/**
 * Cubes above this many cells are not given the pass: each offer is an attack on the table and one
 * per insider near the cell, thousands of LPs on a table of a thousand cells. Tables of two
 * dimensions under counts of persons get it up to 2 000 cells: there C asks only that no count is
 * derived exactly and rectangles prove most requirements without an LP (certificates.ts) — the
 * departments × 10 comparison table (1 678 cells) takes 10 s. Every other table only up to 300
 * (measured on the shipped sample, 2025, one process: the financing tables under business rules,
 * where C asks every insider for A's interval, 35 to 45 s each for 51 and 57 cells; the linked
 * tables of 3 to 5 dimensions, 16 to 53 s each for 5 to 22 cells; `make annual` 3 to 5 times
 * longer; see bench/README.md).
 */
export const RELEASE_MAX_CELLS = { twoDimensionCounts: 2_000, other: 300 } as const;

const releaseMax = (cube: Cube, rules: LinkedSpec['rules']): number =>
  cube.dims.length === 2 && !businessRules(rules) ? RELEASE_MAX_CELLS.twoDimensionCounts : RELEASE_MAX_CELLS.other;

/**
 * A pattern the protect loop found, given to the pass and to the exact search: `suppressed` is
 * changed in place; `insider`: whether requirement C is checked.
 */
export interface Found {
  cube: Cube;
  primary: readonly boolean[];
  suppressed: boolean[];
  truth: Float64Array;
  spec: LinkedSpec;
  insider: boolean;
}

/**
 * Offers every secondary cell (with the cells of identical membership, which share its status) for
 * publication, largest cost first; returns how many cells were published again.
 */
export async function releasePass({ cube, primary, suppressed, truth, spec, insider }: Found): Promise<number> {
  const secondary = suppressed.flatMap((s, c) => (s && !primary[c] ? [c] : []));
  if (secondary.length === 0 || cube.cells.length > releaseMax(cube, spec.rules)) return 0;
  const groupOf = groupOfCell(cube);
  const cost = (c: number) => withholdCost(cube, c);
  const order = secondary.sort((a, b) => cost(b) - cost(a) || a - b);
  const targets = primaryTargets(cube, primary, spec);
  let released = 0;
  // the insiders' models, kept from one offer to the next where the offer does not touch them
  const insiderAttack = insider ? new InsiderAttack(cube, truth, await solver()) : undefined;
  // the attackers' points, shared by the offers and the views (see witnesses.ts); on tables of up to
  // 300 cells an LP costs less than the search among kept points (measured on the shipped sample's
  // small tables: the whole-sample test ran 30 s longer with them)
  const witnesses = cube.cells.length > RELEASE_MAX_CELLS.other ? new Witnesses(cube, truth) : undefined;
  try {
    for (const c of order) {
      if (!suppressed[c]) continue;
      const group = groupOf.get(c) ?? [c];
      // a group holding a primary cell stays suppressed as a whole
      if (group.some((g) => primary[g])) continue;
      // publishing the group adds equations on its inner cells only: the attacker's intervals change
      // in the components (of the pattern before) that hold them, nowhere else
      const roots = componentRoots(cube, suppressed);
      const touched = new Set<number>();
      for (const g of group) for (const i of cube.cells[g].members) if (roots[i] >= 0) touched.add(roots[i]);
      const wasKnown = zerosKnown(cube, suppressed);
      for (const g of group) suppressed[g] = false;
      const inTouched = (cell: number) => cube.cells[cell].members.some((i) => roots[i] >= 0 && touched.has(roots[i]));
      // zeros become known when the last suppressed zero is published: B then applies everywhere
      const near = wasKnown || !zerosKnown(cube, suppressed) ? targets.filter((t) => inTouched(t.cell)) : targets;
      if (await holds(cube, primary, suppressed, truth, spec, near, insiderAttack && { near: inTouched, attack: insiderAttack }, witnesses)) released += group.length;
      else for (const g of group) suppressed[g] = true;
    }
  } finally {
    insiderAttack?.close();
  }
  return released;
}

/**
 * Publishes again every secondary cell that the published cells already give exactly (the
 * attacker's interval of requirement A is a point, to the tolerance of its tests): withholding it
 * hides nothing — anyone subtracts it — and publishing it tells the attacker, outsider or insider,
 * nothing they could not compute, so every requirement proven stays proven and nothing is rechecked.
 * Such cells are left by a start pattern or an elimination whose later choices published what
 * completes them. On every table, whatever its size; returns how many cells were published again.
 *
 * A cell given exactly only with the floors of requirement B (suppressed counts ≥ 1) stays withheld:
 * publishing it would narrow A's intervals, which assume no floor.
 */
export async function releaseDetermined({ cube, primary, suppressed, truth }: Found): Promise<number> {
  const targets = suppressed.flatMap((s, c): Target[] => {
    const v = cube.cells[c].value;
    if (!s || primary[c] || v <= 0) return [];
    // the widest interval the tests' tolerance takes for a point (EPS relative, see check.ts)
    const d = 2 * EPS * Math.max(1, v);
    return [{ cell: c, needLo: v - d, needHi: v + d }];
  });
  if (targets.length === 0) return 0;
  const attack = new Attack(cube, suppressed, truth);
  let given: number[];
  try {
    const sides = new Map<number, number>();
    for (const f of await attack.failing(targets, 'A', { exact: true })) sides.set(f.cell, (sides.get(f.cell) ?? 0) + 1);
    given = [...sides].filter(([, n]) => n === 2).map(([c]) => c);
  } catch {
    // a solver that gives up proves nothing: the cells stay withheld
    return 0;
  } finally {
    attack.close();
  }
  for (const c of given) suppressed[c] = false;
  return given.length;
}

/**
 * Small tables get more than the release pass: a pass only removes cells from the pattern it is
 * given, and with requirement C the best pattern may hold other cells (the three-singletons 2 × 5
 * table: 5 cells after elimination, repairs and the pass, 3 at best). Up to this many candidate
 * groups (non-primary cells, cells of identical membership together), every pattern of fewer cells
 * than the one found is tried, smallest first, until one passes A, B and C (as the pass checks
 * them): the pattern found is then the smallest.
 */
export const EXACT_MAX_CANDIDATES = 10;

/**
 * Exact search on a small cube (see `EXACT_MAX_CANDIDATES`): `suppressed` becomes the smallest
 * pattern that passes, the first in order of withholding cost (detail before totals) among those
 * of its size; unchanged when no smaller one passes. Returns the secondary cells saved.
 */
export async function smallestPattern({ cube, primary, suppressed, truth, spec, insider }: Found): Promise<number> {
  // a large table is left at once, before its groups are found (a group of more than 8 identical
  // cells is rare: such a table is then not searched, which only keeps the pass's pattern)
  if (primary.filter((p) => !p).length > 8 * EXACT_MAX_CANDIDATES) return 0;
  const groupOf = groupOfCell(cube);
  // a group holding a primary cell is suppressed as a whole: fixed
  const fixed = cube.cells.map((_, c) => primary[c] || (groupOf.get(c) ?? []).some((g) => primary[g]));
  const units: number[][] = [];
  const seen = new Set<number>();
  cube.cells.forEach((_, c) => {
    if (fixed[c] || seen.has(c)) return;
    const group = groupOf.get(c) ?? [c];
    for (const g of group) seen.add(g);
    units.push(group);
  });
  const found = suppressed.filter((s, c) => s && !fixed[c]).length;
  if (found === 0 || units.length > EXACT_MAX_CANDIDATES || !primary.some(Boolean)) return 0;
  const cost = (unit: number[]) => unit.reduce((sum, c) => sum + withholdCost(cube, c), 0);
  units.sort((a, b) => cost(a) - cost(b) || a[0] - b[0]);
  const targets = primaryTargets(cube, primary, spec);
  const insiderAttack = insider ? new InsiderAttack(cube, truth, await solver()) : undefined;
  try {
    // patterns by number of units, each in lexicographic order of the sorted units
    const best = await (async () => {
      for (let k = 0; k < Math.min(units.length, found); k++) {
        const pick: number[] = Array.from({ length: k }, (_, i) => i);
        while (true) {
          const cells = pick.flatMap((i) => units[i]);
          // (a pick of as many cells as found or more is skipped: a later one of this size may be smaller)
          if (cells.length < found) {
            const pattern = fixed.slice();
            for (const c of cells) pattern[c] = true;
            if (await holds(cube, primary, pattern, truth, spec, targets, insiderAttack && { near: () => true, attack: insiderAttack })) return pattern;
          }
          // next combination of k among units.length
          let i = k - 1;
          while (i >= 0 && pick[i] === units.length - k + i) i--;
          if (i < 0) break;
          pick[i]++;
          for (let j = i + 1; j < k; j++) pick[j] = pick[j - 1] + 1;
        }
      }
      return undefined;
    })();
    if (!best) return 0;
    const saved = found - best.filter((s, c) => s && !fixed[c]).length;
    best.forEach((s, c) => (suppressed[c] = s));
    return saved;
  } finally {
    insiderAttack?.close();
  }
}

/**
 * Whether the primary cells `targets` meet A and B (zeros known) under `suppressed`, and, when
 * `insider` is given, C for every insider that knows a cell its `near` accepts.
 */
async function holds(
  cube: Cube,
  primary: readonly boolean[],
  suppressed: readonly boolean[],
  truth: Float64Array,
  spec: LinkedSpec,
  targets: Target[],
  insider: { near: (cell: number) => boolean; attack: InsiderAttack } | undefined,
  witnesses?: Witnesses,
): Promise<boolean> {
  const attack = new Attack(cube, suppressed, truth);
  try {
    // a solver that gives up on an attack proves nothing: the cell stays suppressed
    // exact: a target a batch cannot prove gets its own solve (a refused release loses a cell)
    if ((await attack.failing(targets, 'A', { exact: true, witnesses })).length > 0) return false;
    if (zerosKnown(cube, suppressed) && (await attack.failing(targets, 'B', { exact: true, witnesses })).length > 0) return false;
  } catch {
    return false;
  } finally {
    attack.close();
  }
  if (!insider) return true;
  try {
    const roots = componentRoots(cube, suppressed);
    // an insider knowing a suppressed zero checks B on every target (see `checkInsider`): then all
    const everyInsider = !zerosKnown(cube, suppressed);
    const near = insiders(cube, suppressed).filter((group) => everyInsider || group.known.some(insider.near));
    // proven together first, then one by one (see `proveTogether`)
    const provenOf = new Map<number, Set<string>>();
    await proveTogether(cube, primary, suppressed, spec, near, roots, { attack: insider.attack, provenOf, witnesses });
    for (const group of near) {
      if (await checkInsider(cube, primary, suppressed, truth, spec, group, roots, { exact: false, attack: insider.attack, provenOf, witnesses })) return false;
    }
    return true;
  } catch {
    return false;
  }
}
