/**
 * The attacker's model turned from requirement A to B in place (`addFloors`): after A's solves, it
 * must give every suppressed cell the same exact interval as a model built for B from scratch — on
 * single tables (floors on columns) and on linked tables, whose inner cells are not published
 * cells (floors on rows).
 */
import { describe, expect, it } from '@jest/globals';
import { addFloors, buildAttack, closeAttack, interval } from '../../src/protect/attacker.ts';
import { linkedOf, prepare, SINGLE } from '../../src/protect/steps.ts';
import { highs } from '../../src/runtime/highs.ts';
import type { Contribution, LinkedSpec, ProtectSpec } from '../../src/protect/types.ts';
import { createRng } from '../../src/sample/prng.ts';
import { flat, linkedTables, oneContributorPerCell, twoHierarchiesGeo } from './fixtures.ts';

const cats = ['c1', 'c2', 'c3'];
const leaves = ['d1', 'd2', 'd3', 'd4'];

function singleTable(seed: number): { spec: LinkedSpec; contributions: Record<string, Contribution[]> } {
  const rng = createRng(seed);
  const spec: ProtectSpec = { dimensions: [twoHierarchiesGeo, flat('cat', cats)], contributor: 'id', value: 'n', rules: {} };
  return { spec: linkedOf(spec), contributions: { [SINGLE]: oneContributorPerCell(leaves, cats, leaves.map(() => cats.map(() => rng.int(1, 6)))) } };
}

async function compare(make: (seed: number) => { spec: LinkedSpec; contributions: Record<string, Contribution[]> }) {
  const h = await highs();
  const rng = createRng(31);
  let compared = 0;
  let narrowed = 0;
  for (let seed = 1; seed <= 30; seed++) {
    const { spec, contributions } = make(seed);
    const { cube, truth } = await prepare(spec, contributions);
    // B: no zero is suppressed
    const suppressed = cube.cells.map((c) => c.value > 0 && rng.chance(0.5));
    const derived = buildAttack(h, cube, suppressed, truth, 'A', false);
    const fresh = buildAttack(h, cube, suppressed, truth, 'B', false);
    try {
      // A's own solves first, so that the derived model starts from one of A's bases
      const before = cube.cells.map((c, i) => (suppressed[i] ? interval(derived, c.members) : undefined));
      addFloors(derived, cube, suppressed);
      cube.cells.forEach((c, i) => {
        if (!suppressed[i]) return;
        const got = interval(derived, c.members);
        const want = interval(fresh, c.members);
        expect(got.lo).toBeCloseTo(want.lo, 6);
        expect(got.hi).toBeCloseTo(want.hi, 6);
        if (got.lo > before[i]!.lo + 1e-6 || got.hi < before[i]!.hi - 1e-6) narrowed++;
        compared++;
      });
    } finally {
      closeAttack(derived);
      closeAttack(fresh);
    }
  }
  return { compared, narrowed };
}

describe('addFloors', () => {
  it('gives the intervals of a model built for B, after A has been solved: single tables', async () => {
    const { compared, narrowed } = await compare(singleTable);
    expect(compared).toBeGreaterThan(200);
    // the floors did narrow some intervals: the comparison is not between two A models
    expect(narrowed).toBeGreaterThan(10);
  });

  it('the same on linked tables, where the floors are rows', async () => {
    // small totals: the floors bind
    const { compared, narrowed } = await compare((seed) => linkedTables(seed, 3));
    expect(compared).toBeGreaterThan(200);
    expect(narrowed).toBeGreaterThan(10);
  });
});
