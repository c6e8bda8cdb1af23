import { buildCube, type Cube } from '../../src/protect/cube.ts';
import { fitInner, innerTruth } from '../../src/protect/engine.ts';
import type { Contribution, LinkedSpec } from '../../src/protect/types.ts';
import { createRng } from '../../src/sample/prng.ts';
import { flat, twoHierarchiesGeo } from './fixtures.ts';

/**
 * Two tables sharing the territory: territory × a and territory × b. Each contributor reports one
 * total per department, split at random over a and, independently, over b — so the crossings
 * territory × a × b are unknown and the engine must find inner values for them.
 */
function linkedTables(seed: number): { spec: LinkedSpec; contributions: Record<string, Contribution[]> } {
  const rng = createRng(seed);
  const as = ['a1', 'a2', 'a3'];
  const bs = ['b1', 'b2'];
  const spec: LinkedSpec = {
    dimensions: [twoHierarchiesGeo, flat('a', as, 'TA'), flat('b', bs, 'TB')],
    tables: [
      { id: 'ta', dimensions: ['geo', 'a'] },
      { id: 'tb', dimensions: ['geo', 'b'] },
    ],
    rules: {},
  };
  const contributions: Record<string, Contribution[]> = { ta: [], tb: [] };
  const split = (total: number, codes: string[]) => {
    const cuts: number[] = codes.map(() => (rng.chance(0.3) ? 0 : rng.int(1, 9)));
    if (!cuts.some((c) => c > 0)) cuts[0] = 1;
    const sum = cuts.reduce((p, c) => p + c, 0);
    const parts = cuts.map((c) => Math.floor((total * c) / sum));
    parts[cuts.findIndex((c) => c > 0)] += total - parts.reduce((p, c) => p + c, 0);
    return parts;
  };
  for (const d of ['d1', 'd2', 'd3', 'd4']) {
    for (let s = 0; s < rng.int(1, 3); s++) {
      const total = rng.int(1, 40);
      split(total, as).forEach((v, k) => v > 0 && contributions.ta.push({ codes: [d, as[k]], contributor: `${d}-${s}`, value: v }));
      split(total, bs).forEach((v, k) => v > 0 && contributions.tb.push({ codes: [d, bs[k]], contributor: `${d}-${s}`, value: v }));
    }
  }
  return { spec, contributions };
}

/** Largest relative gap between a published cell and the sum of its inner values. */
function worstGap(cube: Cube, x: Float64Array): number {
  return Math.max(...cube.cells.map((c) => Math.abs(c.members.reduce((s, i) => s + x[i], 0) - c.value) / Math.max(1, c.value)));
}

describe('inner values of linked tables', () => {
  it('add up to every published cell and are never negative', async () => {
    for (let seed = 1; seed <= 12; seed++) {
      const { spec, contributions } = linkedTables(seed);
      const cube = buildCube(spec, contributions);
      const x = await innerTruth(cube);
      expect({ seed, gap: worstGap(cube, x) < 1e-8, negative: x.some((v) => v < 0) }).toEqual({ seed, gap: true, negative: false });
    }
  });

  it('fitting reports failure instead of returning values that do not add up', () => {
    const { spec, contributions } = linkedTables(3);
    const cube = buildCube(spec, contributions);
    const none = new Float64Array(cube.innerCount);
    const pinned = new Uint8Array(cube.innerCount);
    expect(fitInner(cube, none, pinned, 1)).toBeUndefined();
    const fitted = fitInner(cube, none, pinned);
    expect(fitted && worstGap(cube, fitted) < 1e-8).toBe(true);
  });
});
