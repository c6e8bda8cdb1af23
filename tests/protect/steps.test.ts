import { buildCube, type Cube } from '../../src/protect/cube.ts';
import { fitInner, innerTruth } from '../../src/protect/steps.ts';
import { linkedTables } from './fixtures.ts';

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
