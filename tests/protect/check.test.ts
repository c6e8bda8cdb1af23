/**
 * Requirements A and B as `Attack` checks them (src/protect/check.ts), on tables whose attacker's
 * intervals are known by hand: the τ-ARGUS manual's example (§2.15), a 2 × 2 table with one cell
 * suppressed (derived exactly), and a rectangle pinned by two zeros.
 */
import { describe, expect, it } from '@jest/globals';
import { Attack, movesValue, type Check, type CheckOptions, type Target } from '../../src/protect/check.ts';
import type { Cube } from '../../src/protect/cube.ts';
import { linkedOf, prepare, SINGLE } from '../../src/protect/steps.ts';
import type { ProtectSpec } from '../../src/protect/types.ts';
import { flat, oneContributorPerCell, tauArgus } from './fixtures.ts';

async function table(rows: string[], cols: string[], values: number[][], hidden: readonly string[]) {
  const spec: ProtectSpec = { dimensions: [flat('row', rows), flat('col', cols)], contributor: 'id', value: 'n', rules: {} };
  const contributions = oneContributorPerCell(rows, cols, values);
  const { cube, truth } = await prepare(linkedOf(spec), { [SINGLE]: contributions });
  const name = (c: number) => cube.cells[c].codes.map((k, d) => cube.dims[d].codes[k]).join(' ');
  const cell = (codes: string) => cube.cells.findIndex((_, c) => name(c) === codes);
  const suppressed = cube.cells.map((_, c) => hidden.includes(name(c)));
  return { cube, truth, suppressed, cell, name };
}

/** One check on a fresh `Attack`, closed after. */
async function failing(cube: Cube, suppressed: boolean[], truth: Float64Array, targets: Target[], check: Check, options?: CheckOptions) {
  const attack = new Attack(cube, suppressed, truth);
  try {
    return await attack.failing(targets, check, options);
  } finally {
    attack.close();
  }
}

describe('movesValue', () => {
  it('tells a different value from rounding noise, relative to the value', () => {
    expect(movesValue(10, 10)).toBe(false);
    expect(movesValue(10, 10 + 1e-6)).toBe(false);
    expect(movesValue(10, 10.001)).toBe(true);
    expect(movesValue(0, 1e-7)).toBe(false);
    expect(movesValue(0, 1e-3)).toBe(true);
    expect(movesValue(1e6, 1e6 + 0.5)).toBe(false);
    expect(movesValue(1e6, 1e6 + 2)).toBe(true);
  });
});

describe('Attack on the τ-ARGUS manual example (rows 1–2 suppressed; intervals 3–6, 1–4, 0–3, 0–3)', () => {
  const setUp = () => table(['r1', 'r2', 'r3'], ['c1', 'c2'], [[4, 3], [2, 1], [3, 3]], tauArgus.hidden);

  it('passes A when the required interval lies within the published one', async () => {
    const { cube, truth, suppressed, cell } = await setUp();
    const targets = Object.entries(tauArgus.intervals).map(([codes, [lo, hi]]) => ({ cell: cell(codes), needLo: lo, needHi: hi }));
    expect(await failing(cube, suppressed, truth, targets, 'A')).toEqual([]);
  });

  it('fails A with the attacker’s bound, in the direction that misses', async () => {
    const { cube, truth, suppressed, cell } = await setUp();
    const r1c1 = cell('r1 c1');
    const r2c2 = cell('r2 c2');
    const failures = await failing(cube, suppressed, truth, [{ cell: r1c1, needLo: 3, needHi: 7 }, { cell: r2c2, needLo: -1, needHi: 3 }], 'A');
    expect(failures).toHaveLength(2);
    expect(failures).toEqual(expect.arrayContaining([
      { cell: r1c1, check: 'A', direction: 'hi', bound: expect.closeTo(6, 6) },
      { cell: r2c2, check: 'A', direction: 'lo', bound: expect.closeTo(0, 6) },
    ]));
  });

  it('passes B: with suppressed cells at 1 or more, every suppressed cell can still take another value', async () => {
    const { cube, truth, suppressed, cell } = await setUp();
    const targets = tauArgus.hidden.map((codes) => ({ cell: cell(codes), needLo: 0, needHi: 0 }));
    expect(await failing(cube, suppressed, truth, targets, 'B')).toEqual([]);
  });

  it('records what it proves and skips what is already proven', async () => {
    const { cube, truth, suppressed, cell } = await setUp();
    const r1c1 = cell('r1 c1');
    const proven = new Set<string>();
    expect(await failing(cube, suppressed, truth, [{ cell: r1c1, needLo: 3, needHi: 6 }], 'A', { exact: true, proven })).toEqual([]);
    expect(proven).toEqual(new Set([`${r1c1}:hi`, `${r1c1}:lo`]));
    // a requirement listed as proven is not checked again, even one that would fail
    expect(await failing(cube, suppressed, truth, [{ cell: r1c1, needLo: 0, needHi: 100 }], 'A', { exact: true, proven })).toEqual([]);
    expect(await failing(cube, suppressed, truth, [{ cell: r1c1, needLo: 0, needHi: 100 }], 'A', { exact: true })).toHaveLength(2);
  });
});

describe('Attack on a 2 × 2 table with one cell suppressed', () => {
  // r1 c1 = 10 is its row total minus r1 c2: the attacker derives it exactly
  const setUp = () => table(['r1', 'r2'], ['c1', 'c2'], [[10, 20], [30, 40]], ['r1 c1']);

  it('fails A both ways with the exact value as bound, and B', async () => {
    const { cube, truth, suppressed, cell } = await setUp();
    const target = { cell: cell('r1 c1'), needLo: 9, needHi: 11 };
    const a = await failing(cube, suppressed, truth, [target], 'A');
    expect(a.map((f) => f.direction).sort()).toEqual(['hi', 'lo']);
    for (const f of a) expect(f.bound).toBeCloseTo(10, 6);
    expect(await failing(cube, suppressed, truth, [target], 'B')).toEqual([{ cell: target.cell, check: 'B', direction: 'hi', bound: expect.closeTo(10, 6) }]);
  });

  it('returns unproven targets with a NaN bound when not asked for exact bounds (the protect loop)', async () => {
    const { cube, truth, suppressed, cell } = await setUp();
    const failures = await failing(cube, suppressed, truth, [{ cell: cell('r1 c1'), needLo: 9, needHi: 11 }], 'A', { exact: false });
    expect(failures).toHaveLength(2);
    for (const f of failures) expect(f.bound).toBeNaN();
  });

  it('passes once the rectangle is suppressed', async () => {
    const { cube, truth, cell } = await setUp();
    const { suppressed } = await table(['r1', 'r2'], ['c1', 'c2'], [[10, 20], [30, 40]], ['r1 c1', 'r1 c2', 'r2 c1', 'r2 c2']);
    const target = { cell: cell('r1 c1'), needLo: 0, needHi: 30 };
    expect(await failing(cube, suppressed, truth, [target], 'A')).toEqual([]);
    expect(await failing(cube, suppressed, truth, [target], 'B')).toEqual([]);
    // but not beyond what the rectangle allows: r1 c1 ≤ min(10 + 20, 10 + 30) = 30
    const beyond = await failing(cube, suppressed, truth, [{ ...target, needHi: 31 }], 'A');
    expect(beyond).toEqual([{ cell: target.cell, check: 'A', direction: 'hi', bound: expect.closeTo(30, 6) }]);
  });
});

describe("Attack's exact check (suppressed cells ≥ 0, any other value)", () => {
  //        c1   c2
  //   r1    1    0      the rectangle can only move r1 c1 by d with 0 − d ≥ 0 (r1 c2)
  //   r2    5    0      and 0 + d ≥ 0 (r2 c2): d = 0, r1 c1 is derived although suppressed
  it('fails when zeros pin a suppressed rectangle, and passes when one of them is not zero', async () => {
    const hidden = ['r1 c1', 'r1 c2', 'r2 c1', 'r2 c2'];
    const pinned = await table(['r1', 'r2'], ['c1', 'c2'], [[1, 0], [5, 0]], hidden);
    const target = { cell: pinned.cell('r1 c1'), needLo: 0, needHi: 0 };
    expect(await failing(pinned.cube, pinned.suppressed, pinned.truth, [target], 'exact')).toEqual([{ cell: target.cell, check: 'B', direction: 'hi', bound: expect.closeTo(1, 6) }]);
    const free = await table(['r1', 'r2'], ['c1', 'c2'], [[1, 0], [5, 2]], hidden);
    expect(await failing(free.cube, free.suppressed, free.truth, [{ ...target, cell: free.cell('r1 c1') }], 'exact')).toEqual([]);
  });
});
