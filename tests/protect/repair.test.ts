/**
 * The repair LP (src/protect/repair.ts) on tables small enough to work out by hand: which published
 * cells it suppresses to let a primary cell move, the move it returns, and when no move exists.
 *
 * The 2 × 2 table below, one contributor per inner cell, weights as `protect` gives them (1 + value
 * per unit moved):
 *
 *            c1   c2 |  T
 *       r1   10   20 | 30
 *       r2   30   40 | 70
 *       T    40   60 | 100
 *
 * With r1 c1 alone suppressed, its row total gives it away. Moving it by d costs, per unit of d:
 * - the rectangle r1 c2, r2 c1, r2 c2 (every margin unchanged): 21 + 31 + 41 = 93;
 * - r1 c2, then the column totals c1 and c2 (row total r1 unchanged): 21 + 41 + 61 = 123;
 * - r2 c1, then the row totals r1 and r2: 31 + 31 + 71 = 133;
 * - the margins r1, c1 and the grand total: 31 + 41 + 101 = 173.
 * So one primary cell of a 2 × 2 table needs 3 more suppressed cells: the rest of the rectangle.
 */
import { describe, expect, it } from '@jest/globals';
import type { Cube } from '../../src/protect/cube.ts';
import { linkedOf, prepare, SINGLE } from '../../src/protect/steps.ts';
import { openRepair, type RepairMode, type Widened } from '../../src/protect/repair.ts';
import type { ProtectSpec } from '../../src/protect/types.ts';
import { flat, oneContributorPerCell } from './fixtures.ts';

const MODES: RepairMode[] = ['table', 'local'];

async function twoByTwo(values: number[][] = [[10, 20], [30, 40]]) {
  const spec: ProtectSpec = { dimensions: [flat('row', ['r1', 'r2']), flat('col', ['c1', 'c2'])], contributor: 'id', value: 'n', rules: {} };
  const { cube, truth } = await prepare(linkedOf(spec), { [SINGLE]: oneContributorPerCell(['r1', 'r2'], ['c1', 'c2'], values) });
  return { cube, truth, weight: Float64Array.from(cube.cells, (c) => 1 + c.value), ...names(cube) };
}

/** Cells by their codes ("r1 c1", "T c2", "T T"), and back. */
function names(cube: Cube) {
  const name = (c: number) => cube.cells[c].codes.map((k, d) => cube.dims[d].codes[k]).join(' ');
  const cell = (codes: string) => {
    const c = cube.cells.findIndex((_, i) => name(i) === codes);
    if (c < 0) throw new Error(`no cell ${codes}`);
    return c;
  };
  const pattern = (codes: readonly string[]) => cube.cells.map((_, c) => codes.includes(name(c)));
  return { name, cell, pattern };
}

/**
 * The returned move, checked against the table itself: every inner value stays ≥ 0, every cell
 * still published keeps its value, and the target moves by at least `shift` in its direction.
 */
function expectFeasibleMove(cube: Cube, truth: Float64Array, suppressed: readonly boolean[], target: number, shift: number, widened: Widened) {
  for (const [i, d] of widened.move) expect(truth[i] + d).toBeGreaterThanOrEqual(-1e-9);
  cube.cells.forEach((cell, c) => {
    const moved = [...cell.members].reduce((sum, i) => sum + (widened.move.get(i) ?? 0), 0);
    if (!suppressed[c]) expect(Math.abs(moved)).toBeLessThan(1e-9);
    if (c === target) expect(shift > 0 ? moved : -moved).toBeGreaterThanOrEqual(Math.abs(shift) - 1e-9);
  });
}

describe.each(MODES)('openRepair, %s', (mode) => {
  it('suppresses the rest of the rectangle for one primary cell of a 2 × 2 table (3 more cells, not the margins)', async () => {
    const { cube, truth, weight, name, cell, pattern } = await twoByTwo();
    for (const shift of [1, -1]) {
      const repair = await openRepair(cube, truth, weight, mode);
      try {
        const suppressed = pattern(['r1 c1']);
        const widened = repair.widen(suppressed, cell('r1 c1'), shift, false)!;
        expect(widened.added.map(name).sort()).toEqual(['r1 c2', 'r2 c1', 'r2 c2']);
        // `added` is ascending and is what `widen` set in the pattern
        expect(widened.added).toEqual([...widened.added].sort((a, b) => a - b));
        expect(suppressed.flatMap((s, c) => (s ? [name(c)] : [])).sort()).toEqual(['r1 c1', 'r1 c2', 'r2 c1', 'r2 c2']);
        // the move around the rectangle: + shift on one diagonal, − shift on the other
        const byName = new Map([...widened.move].map(([i, d]) => [name(cube.cells.findIndex((c) => c.members.length === 1 && c.members[0] === i)), d]));
        expect(byName.get('r1 c1')).toBeCloseTo(shift, 9);
        expect(byName.get('r2 c2')).toBeCloseTo(shift, 9);
        expect(byName.get('r1 c2')).toBeCloseTo(-shift, 9);
        expect(byName.get('r2 c1')).toBeCloseTo(-shift, 9);
        expectFeasibleMove(cube, truth, suppressed, cell('r1 c1'), shift, widened);
      } finally {
        repair.dispose();
      }
    }
  });

  it('goes through the margins when a cell of the rectangle is locked (an insider knows it): r1 c2 and both column totals', async () => {
    const { cube, truth, weight, name, cell, pattern } = await twoByTwo();
    const repair = await openRepair(cube, truth, weight, mode);
    try {
      const suppressed = pattern(['r1 c1']);
      // with r2 c2 fixed, the cheapest way (123 per unit, against 133 and 173) keeps row r1's total
      const widened = repair.widen(suppressed, cell('r1 c1'), 1, false, [cell('r2 c2')])!;
      expect(widened.added.map(name).sort()).toEqual(['T c1', 'T c2', 'r1 c2']);
      expect(suppressed[cell('r2 c2')]).toBe(false);
      expectFeasibleMove(cube, truth, suppressed, cell('r1 c1'), 1, widened);
    } finally {
      repair.dispose();
    }
  });

  it('adds nothing when the cells already suppressed let the target move', async () => {
    const { cube, truth, weight, cell, pattern } = await twoByTwo();
    const repair = await openRepair(cube, truth, weight, mode);
    try {
      const suppressed = pattern(['r1 c1']);
      repair.widen(suppressed, cell('r1 c1'), 2, false);
      // a second repair on the same model (the table mode keeps one for the whole run)
      const again = repair.widen(suppressed, cell('r2 c2'), -3, false)!;
      expect(again.added).toEqual([]);
      expectFeasibleMove(cube, truth, suppressed, cell('r2 c2'), -3, again);
    } finally {
      repair.dispose();
    }
  });

  it('returns undefined when no move exists: below zero, or below 1 when suppressed cells keep at least 1', async () => {
    const { cube, truth, weight, cell, pattern } = await twoByTwo();
    const repair = await openRepair(cube, truth, weight, mode);
    try {
      // r1 c1 = 10 cannot go down by 11 (inner values stay ≥ 0)
      const suppressed = pattern(['r1 c1']);
      expect(repair.widen(suppressed, cell('r1 c1'), -11, false)).toBeUndefined();
      expect(suppressed.filter(Boolean)).toHaveLength(1);
      // nor by 10 when it must keep 1 (requirement B)
      expect(repair.widen(suppressed, cell('r1 c1'), -10, true)).toBeUndefined();
      // by 9 it can
      const widened = repair.widen(suppressed, cell('r1 c1'), -9, true)!;
      expect(widened.added).toHaveLength(3);
    } finally {
      repair.dispose();
    }
  });

  it('keeps suppressed cells at 1 or more when asked (requirement B): the move avoids a rectangle whose falling corner is 1', async () => {
    //        c1   c2   c3
    //   r1    5    2    6     moving r1 c1 up by 2 around the rectangle r1 c1 / r1 c2 would
    //   r2    5    8    9     take r1 c2 from 2 to 0: half the move goes through c3 instead
    const { cube, truth, weight, name, cell, pattern } = await (async () => {
      const spec: ProtectSpec = { dimensions: [flat('row', ['r1', 'r2']), flat('col', ['c1', 'c2', 'c3'])], contributor: 'id', value: 'n', rules: {} };
      const { cube, truth } = await prepare(linkedOf(spec), { [SINGLE]: oneContributorPerCell(['r1', 'r2'], ['c1', 'c2', 'c3'], [[5, 2, 6], [5, 8, 9]]) });
      return { cube, truth, weight: Float64Array.from(cube.cells, (c) => 1 + c.value), ...names(cube) };
    })();
    const repair = await openRepair(cube, truth, weight, mode);
    try {
      // without the floor, the rectangle already suppressed is enough
      const free = pattern(['r1 c1', 'r1 c2', 'r2 c1', 'r2 c2']);
      expect(repair.widen(free, cell('r1 c1'), 2, false)!.added).toEqual([]);
      const suppressed = pattern(['r1 c1', 'r1 c2', 'r2 c1', 'r2 c2']);
      const widened = repair.widen(suppressed, cell('r1 c1'), 2, true)!;
      expect(widened.added.map(name).sort()).toEqual(['r1 c3', 'r2 c3']);
      for (const [i, d] of widened.move) expect(truth[i] + d).toBeGreaterThanOrEqual(1 - 1e-9);
      expectFeasibleMove(cube, truth, suppressed, cell('r1 c1'), 2, widened);
    } finally {
      repair.dispose();
    }
  });
});
