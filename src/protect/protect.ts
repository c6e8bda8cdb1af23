/**
 * `protect` / `protectLinked`: primary rules, then secondary suppression by Gaussian elimination,
 * then an LP audit loop that suppresses more until every primary cell meets requirements A and B.
 *
 * @example
 *   const table = await protect(spec, contributions);
 *   table.cells.filter((c) => c.status !== 's'); // what the publication must hide
 */
import { Attack, movesValue, type Failure } from './check.ts';
import type { Cube } from './cube.ts';
import { equalize, identicalGroups, linkedOf, prepare, SINGLE, tableCells, targetOf, zerosKnown } from './engine.ts';
import { sealProtectedWithStats, type ProtectedTableWithStats } from './protected-table.ts';
import { openRepair, type Move, type Repair, type RepairMode } from './repair.ts';
import { gaussSuppress } from './secondary.ts';
import type { Contribution, LinkedSpec, ProtectSpec, ProtectStats } from './types.ts';

export interface LinkedResult {
  tables: Record<string, ProtectedTableWithStats>;
  /** over the distinct cells of all tables */
  stats: ProtectStats;
}

export interface ProtectOptions {
  /** safety cap on audit-and-repair rounds (each round only adds suppressions) */
  maxRounds?: number;
  /** how repairs are posed (see `src/protect/repair.ts`); by default chosen from the table's size */
  repair?: RepairMode;
  /** local repairs: cells with more inner cells than this do not widen a repair's neighbourhood */
  repairLimit?: number;
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

export async function protectLinked(spec: LinkedSpec, contributions: Readonly<Record<string, readonly Contribution[]>>, options: ProtectOptions = {}): Promise<LinkedResult> {
  const lap = stopwatch(options.onPhase);
  const { cube, primary, truth } = await prepare(spec, contributions);
  lap('cube');
  const { suppressed, rounds, proven } = await suppress(cube, primary, truth, spec, options, lap);
  const stats: ProtectStats = {
    cells: cube.cells.length,
    primary: primary.filter(Boolean).length,
    secondary: suppressed.filter((s, c) => s && !primary[c]).length,
    auditRounds: rounds,
    proven,
  };
  const tables: Record<string, ProtectedTableWithStats> = {};
  cube.tables.forEach((table, t) => {
    const cells = tableCells(cube, t, (c) => (primary[c] ? 'u' : suppressed[c] ? 'x' : 's'));
    tables[table.id] = sealProtectedWithStats(
      spec.tables[t].dimensions,
      cells,
      { cells: cells.length, primary: cells.filter((c) => c.status === 'u').length, secondary: cells.filter((c) => c.status === 'x').length, auditRounds: rounds, proven },
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

function stopwatch(report?: (phase: string, seconds: number) => void): (phase: string) => void {
  let last = performance.now();
  return (phase) => {
    const now = performance.now();
    report?.(phase, (now - last) / 1000);
    last = now;
  };
}

async function suppress(
  cube: Cube,
  primary: boolean[],
  truth: Float64Array,
  spec: LinkedSpec,
  options: ProtectOptions,
  lap: (phase: string) => void,
): Promise<{ suppressed: boolean[]; rounds: number; proven: boolean }> {
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
  // without a primary cell there is nothing to hide: elimination would suppress nothing
  const suppressed = primary.some(Boolean) ? gaussSuppress(cube.cells.map((c) => c.members), primary, order, (row) => rank[row]) : primary.slice();
  lap('gauss');
  const groups = identicalGroups(cube);
  const targets = cube.cells.flatMap((_, c) => (primary[c] ? [targetOf(cube, c, spec)] : []));
  if (targets.length === 0) return { suppressed, rounds: 0, proven: true };

  // opened at the first repair: a pattern the audit passes at once needs none
  let repairer: Repair | undefined;
  const repair = async () => (repairer ??= await openRepair(cube, truth, weight, options.repair, options.repairLimit));
  const weight = Float64Array.from(cube.cells, (c) => (c.value === 0 ? 1e6 : 1 + c.value));
  const maxRounds = options.maxRounds ?? 40;
  // a requirement proven once stays proven: the attacker's point that proves it stays feasible
  // when more cells are suppressed (see CheckOptions.proven); B proofs assume no zero is suppressed,
  // and B is checked only then
  const proven = new Set<string>();
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
        done = true;
        break;
      }
      // this round's moves: A's widen their targets; B's keep every suppressed cell at 1 or more
      const moves: Move[] = [];
      const proofsOfB: Move[] = [];
      for (const f of failing) {
        const t = targetOf(cube, f.cell, spec);
        const v = cube.cells[f.cell].value;
        if (f.check === 'A') {
          const shift = f.direction === 'hi' ? t.needHi - v : t.needLo - v;
          const members = cube.cells[f.cell].members;
          const reaches = (m: Move) => {
            const sum = sumOver(m, members);
            return shift > 0 ? sum >= shift - 1e-7 : sum <= shift + 1e-7;
          };
          if (!moves.some(reaches)) {
            const widened = (await repair()).widen(suppressed, f.cell, shift, false);
            if (!widened) continue;
            moves.push(widened.move);
          }
          proven.add(`${f.cell}:${f.direction}`);
        } else {
          // a point that proves B gives the target another value, as the audit's B check asks: an
          // earlier B move of this round may already do so (measured on the shipped sample: 4 to 18
          // fewer secondary cells on the espaces de rencontre by origin, one LP fewer per move reused)
          const members = cube.cells[f.cell].members;
          const shifts = (m: Move) => movesValue(v, v + sumOver(m, members));
          if (!proofsOfB.some(shifts)) {
            const r = await repair();
            const widened = r.widen(suppressed, f.cell, 1, true) ?? r.widen(suppressed, f.cell, -1, true);
            // the move proves B for good if the cells it suppressed keep at least 1 in it
            if (!widened || !widened.added.every((c) => cube.cells[c].value + sumOver(widened.move, cube.cells[c].members) >= 1 - 1e-7)) continue;
            proofsOfB.push(widened.move);
          }
          proven.add(`${f.cell}:B`);
        }
      }
      lap(`repair ${rounds}`);
    }
  } finally {
    repairer?.dispose();
  }
  equalize(groups, suppressed);
  return { suppressed, rounds, proven: done };
}
