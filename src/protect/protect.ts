/**
 * `protect` / `protectLinked`: primary rules, then secondary suppression by Gaussian elimination,
 * then an LP audit loop that suppresses more until every primary cell meets requirements A and B,
 * and C for every contributor that alone makes up a suppressed cell (see insider.ts).
 *
 * @example
 *   const table = await protect(spec, contributions);
 *   table.cells.filter((c) => c.status !== 's'); // what the publication must hide
 */
import { componentRoots } from './attacker.ts';
import { Attack, movesValue, type Check, type Failure } from './check.ts';
import type { Cube } from './cube.ts';
import { equalize, identicalGroups, linkedOf, prepare, primaryTargets, SINGLE, tableCells, targetOf, zerosKnown } from './steps.ts';
import { sealProtectedWithStats, type ProtectedTableWithStats } from './protected-table.ts';
import { openRepair, type Move, type Repair, type RepairMode } from './repair.ts';
import { startPattern } from './start.ts';
import { checkInsider, insiderChecked, InsiderAttack, insiders, proveTogether } from './insider.ts';
import { solver } from './solver.ts';
import { releaseDetermined, releasePass, smallestPattern } from './release.ts';
import { gaussSuppress } from './secondary.ts';
import type { Contribution, LinkedSpec, ProtectSpec, ProtectStats } from './types.ts';

export interface LinkedResult {
  tables: Record<string, ProtectedTableWithStats>;
  /** over the distinct cells of all tables */
  stats: ProtectStats;
}

/** What a caller of the engine on worker threads may choose (see `ProtectOptions.start`). */
export type StartOption = Pick<ProtectOptions, 'start'>;

export interface ProtectOptions {
  /** safety cap on audit-and-repair rounds (each round only adds suppressions) */
  maxRounds?: number;
  /** how repairs are posed (see `src/protect/repair.ts`); by default chosen from the table's size */
  repair?: RepairMode;
  /** local repairs: cells with more inner cells than this do not widen a repair's neighbourhood */
  repairLimit?: number;
  /**
   * requirement C, the insider (see insider.ts); by default on for business rule sets, and for
   * counts of persons of up to `INSIDER_MAX_CELLS` cells. false gives the patterns of requirements A and B alone, for
   * comparisons and tests: never for publication.
   */
  insider?: boolean;
  /**
   * the start pattern of small tables (see start.ts); false starts every table from Gaussian
   * elimination (comparisons, tests)
   */
  start?: boolean;
  /**
   * the release pass (see release.ts): every secondary cell offered for publication again once the
   * pattern is proven; false keeps the pattern of elimination and repairs (comparisons, tests)
   */
  release?: boolean;
  /**
   * the exact search of small tables after the release pass (see `smallestPattern` in release.ts);
   * false keeps the pattern of the pass (comparisons, tests)
   */
  smallest?: boolean;
  /** called after each phase with its wall time in seconds (benchmarks) */
  onPhase?: (phase: string, seconds: number) => void;
}

/** Publication priority: zeros first, then large values, then large aggregates. */
export function candidateOrder(cube: Cube, primary: readonly boolean[]): number[] {
  const cells = cube.cells;
  return cells
    .map((_, c) => c)
    .filter((c) => !primary[c])
    .sort((a, b) => {
      const za = cells[a].value === 0 ? 0 : 1;
      const zb = cells[b].value === 0 ? 0 : 1;
      return za - zb || cells[b].value - cells[a].value || cells[b].members.length - cells[a].members.length || a - b;
    });
}

/**
 * What a repair pays per unit moved for each cell it suppresses (see repair.ts). Mostly one per
 * cell: the loss users feel is the number of `s` in their tables, and a cost of 1 + value made
 * repairs prefer several small department cells to one larger one. Then a share of the table: 10
 * times the part of the inner cells it adds up, so that France and France métropolitaine (nearly
 * all of them) cost about 11 and stay published where a few smaller cells do, a region about 2, a
 * department about 1. Then, as tie-breaks at a tenth or less, more for a higher level (log₂ of its
 * inner cells) and, much less, for a larger value: between two repairs of as many cells, detail is
 * given up before totals. A zero costs far more, so that it stays published (B needs known zeros).
 * Measured on the shipped sample's 2025 financing tables with requirement C: 238 → 214 secondary
 * cells for mediation, 261 → 223 for the espaces de rencontre, no France or zone cell withheld.
 */
export function repairWeights(cube: Cube): Float64Array {
  const largest = cube.cells.reduce((most, c) => Math.max(most, c.members.length), 1);
  return Float64Array.from(cube.cells, (c) => {
    if (c.value === 0) return 1e6;
    const n = c.members.length;
    return (1 + 0.1 * Math.log2(n)) * (1 + 1e-3 * Math.log1p(Math.max(0, c.value))) + (10 * n) / largest;
  });
}

export async function protectLinked(spec: LinkedSpec, contributions: Readonly<Record<string, readonly Contribution[]>>, options: ProtectOptions = {}): Promise<LinkedResult> {
  const lap = stopwatch(options.onPhase);
  const { cube, primary, truth } = await prepare(spec, contributions);
  lap('cube');
  const { suppressed, rounds, proven, bound } = await suppress(cube, primary, truth, spec, options, lap);
  const stats: ProtectStats = {
    cells: cube.cells.length,
    primary: primary.filter(Boolean).length,
    secondary: suppressed.filter((s, c) => s && !primary[c]).length,
    auditRounds: rounds,
    proven,
    ...(bound !== undefined ? { secondaryBound: bound } : {}),
  };
  const tables: Record<string, ProtectedTableWithStats> = {};
  cube.tables.forEach((table, t) => {
    const cells = tableCells(cube, t, (c) => (primary[c] ? 'u' : suppressed[c] ? 'x' : 's'));
    tables[table.id] = sealProtectedWithStats(
      spec.tables[t].dimensions,
      cells,
      {
        cells: cells.length,
        primary: cells.filter((c) => c.status === 'u').length,
        secondary: cells.filter((c) => c.status === 'x').length,
        auditRounds: rounds,
        proven,
        // the bound is the cube's: a table's own only when it is the cube's one table
        ...(bound !== undefined && cube.tables.length === 1 ? { secondaryBound: bound } : {}),
      },
    );
  });
  return { tables, stats };
}

export async function protect(spec: ProtectSpec, contributions: readonly Contribution[], options: ProtectOptions = {}): Promise<ProtectedTableWithStats> {
  return (await protectLinked(linkedOf(spec), { [SINGLE]: contributions }, options)).tables[SINGLE];
}

function sumOver(move: Move, members: Int32Array): number {
  let sum = 0;
  for (const i of members) sum += move.get(i) ?? 0;
  return sum;
}

/**
 * One round's repairs on one pattern (the published pattern, or an insider's view with its own cells
 * `locked`): A's widen their targets; B's keep every suppressed cell at 1 or more; `exact` (C on
 * counts with a suppressed zero) moves the target by 1. Moves found this round are reused.
 */
class Fixes {
  private readonly moves: Move[] = [];
  private readonly proofsOfB: Move[] = [];

  constructor(
    private readonly cube: Cube,
    private readonly spec: LinkedSpec,
    private readonly repair: () => Promise<Repair>,
    private readonly locked: readonly number[] = [],
  ) {}

  async fix(f: Failure, kind: Check, pattern: boolean[], proven: Set<string>): Promise<void> {
    const { cube, locked } = this;
    const t = targetOf(cube, f.cell, this.spec);
    const v = cube.cells[f.cell].value;
    const members = cube.cells[f.cell].members;
    if (kind === 'A') {
      const shift = f.direction === 'hi' ? t.needHi - v : t.needLo - v;
      const reaches = (m: Move) => {
        const sum = sumOver(m, members);
        return shift > 0 ? sum >= shift - 1e-7 : sum <= shift + 1e-7;
      };
      if (!this.moves.some(reaches)) {
        const widened = (await this.repair()).widen(pattern, f.cell, shift, false, locked);
        if (!widened) return;
        this.moves.push(widened.move);
      }
      proven.add(`${f.cell}:${f.direction}`);
      return;
    }
    // a point that proves B gives the target another value, as the audit's B check asks: an
    // earlier B move of this round may already do so (measured on the shipped sample: 4 to 18
    // fewer secondary cells on the espaces de rencontre by origin, one LP fewer per move reused)
    const floorOne = kind === 'B';
    const shifts = (m: Move) => movesValue(v, v + sumOver(m, members));
    if (!this.proofsOfB.some(shifts)) {
      const r = await this.repair();
      const widened = r.widen(pattern, f.cell, 1, floorOne, locked) ?? r.widen(pattern, f.cell, -1, floorOne, locked);
      // the move proves B for good if the cells it suppressed keep at least 1 in it
      if (!widened || (floorOne && !widened.added.every((c) => cube.cells[c].value + sumOver(widened.move, cube.cells[c].members) >= 1 - 1e-7))) return;
      this.proofsOfB.push(widened.move);
    }
    proven.add(`${f.cell}:${floorOne ? 'B' : 'E'}`);
  }
}

/** Whether requirement C is checked (see `ProtectOptions.insider`). */
function insiderOn(cube: Cube, spec: LinkedSpec, options: ProtectOptions): boolean {
  return options.insider ?? insiderChecked(cube, spec.rules);
}

function stopwatch(report?: (phase: string, seconds: number) => void): (phase: string) => void {
  let last = performance.now();
  return (phase) => {
    const now = performance.now();
    report?.(phase, (now - last) / 1000);
    last = now;
  };
}

/** Gaussian elimination's pattern (secondary.ts), candidates in publication order (`candidateOrder`). */
function eliminate(cube: Cube, primary: boolean[]): boolean[] {
  // without a primary cell there is nothing to hide: elimination would suppress nothing
  if (!primary.some(Boolean)) return primary.slice();
  const order = candidateOrder(cube, primary);
  // a row whose own cell is published early is a poor pivot (it would be eliminated soon, with fill-in)
  const rank = new Float64Array(cube.innerCount).fill(Number.MAX_SAFE_INTEGER);
  order.forEach((c, pos) => {
    const m = cube.cells[c].members;
    if (m.length === 1) rank[m[0]] = Math.min(rank[m[0]], pos);
  });
  cube.cells.forEach((cell, c) => {
    if (primary[c] && cell.members.length === 1) rank[cell.members[0]] = -1;
  });
  return gaussSuppress(cube.cells.map((c) => c.members), primary, order, (row) => rank[row]);
}

async function suppress(
  cube: Cube,
  primary: boolean[],
  truth: Float64Array,
  spec: LinkedSpec,
  options: ProtectOptions,
  lap: (phase: string) => void,
): Promise<{ suppressed: boolean[]; rounds: number; proven: boolean; bound?: number }> {
  const weight = repairWeights(cube);
  // a small table starts from the cheapest pattern that holds equation by equation (start.ts)
  const start = (options.start ?? true) ? await startPattern(cube, primary, spec, weight, truth) : undefined;
  const suppressed = start?.pattern ?? eliminate(cube, primary);
  const bound = start?.bound;
  lap(start ? 'start' : 'gauss');
  const groups = identicalGroups(cube);
  const targets = primaryTargets(cube, primary, spec);
  if (targets.length === 0) return { suppressed, rounds: 0, proven: true, bound };

  // opened at the first repair: a pattern the audit passes at once needs none
  let repairer: Repair | undefined;
  const repair = async () => (repairer ??= await openRepair(cube, truth, weight, options.repair, options.repairLimit));
  const maxRounds = options.maxRounds ?? 40;
  // a requirement proven once stays proven: the attacker's point that proves it stays feasible
  // when more cells are suppressed (see CheckOptions.proven); B proofs assume no zero is suppressed,
  // and B is checked only then
  const proven = new Set<string>();
  // requirement C's proofs, per contributor (see `InsiderOptions.provenOf`)
  const provenOf = new Map<number, Set<string>>();
  // the insiders' models, kept from one insider and one round to the next (see `InsiderAttack`)
  let insiderAttack: InsiderAttack | undefined;
  let rounds = 0;
  let done = false;
  try {
    while (rounds < maxRounds) {
      rounds++;
      equalize(groups, suppressed);
      const attack = new Attack(cube, suppressed, truth);
      const failing: Failure[] = [];
      try {
        failing.push(...(await attack.failing(targets, 'A', { exact: false, proven })));
        lap(`audit A ${rounds} (${failing.length})`);
        if (failing.length === 0 && zerosKnown(cube, suppressed)) {
          failing.push(...(await attack.failing(targets, 'B', { exact: false, proven })));
          lap(`audit B ${rounds} (${failing.length})`);
        }
      } finally {
        attack.close();
      }
      if (failing.length === 0) {
        if (!insiderOn(cube, spec, options)) {
          done = true;
          break;
        }
        // requirement C once A and B hold: insiders one after the other, each one's failures
        // repaired on its own view before the next is checked (a repair often settles the next
        // insider's failures too: measured on the shipped sample's 2025 financing tables, 164 → 155
        // secondary cells for mediation and 132 → 124 for the espaces de rencontre, against
        // repairing every insider of a round at once)
        let failed = 0;
        let roots: Int32Array | undefined;
        const all = insiders(cube, suppressed);
        insiderAttack ??= new InsiderAttack(cube, truth, await solver());
        await proveTogether(cube, primary, suppressed, spec, all, (roots = componentRoots(cube, suppressed)), { attack: insiderAttack, provenOf });
        for (const group of all) {
          // a repair for an earlier insider may have suppressed more of this one's cells
          const insider = { ...group, known: group.own.filter((c) => suppressed[c]) };
          const verdict = await checkInsider(cube, primary, suppressed, truth, spec, insider, (roots ??= componentRoots(cube, suppressed)), {
            exact: false,
            provenOf,
            attack: insiderAttack,
          });
          if (!verdict) continue;
          failed += verdict.failures.length;
          const fixes = new Fixes(cube, spec, repair, insider.own);
          for (const f of verdict.failures) await fixes.fix(f, f.kind, verdict.view, provenOf.get(insider.contributors[0])!);
          // what the insider's repairs suppressed is suppressed for everyone
          verdict.view.forEach((s, c) => {
            if (s && !suppressed[c]) {
              suppressed[c] = true;
              roots = undefined;
            }
          });
        }
        lap(`audit and repair C ${rounds} (${failed})`);
        if (failed === 0) {
          done = true;
          break;
        }
        continue;
      }
      const fixes = new Fixes(cube, spec, repair);
      for (const f of failing) await fixes.fix(f, f.check, suppressed, proven);
      lap(`repair ${rounds}`);
    }
  } finally {
    repairer?.dispose();
    insiderAttack?.close();
  }
  equalize(groups, suppressed);
  if (done) {
    const found = { cube, primary, suppressed, truth, spec, insider: insiderOn(cube, spec, options) };
    await releaseDetermined(found);
    lap('determined');
    if (options.release ?? true) {
      await releasePass(found);
      lap('release');
      if (options.smallest ?? true) {
        await smallestPattern(found);
        lap('exact');
      }
    }
  }
  return { suppressed, rounds, proven: done, bound };
}
