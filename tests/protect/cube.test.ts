/**
 * The cube against a naive computation from the spec: for every published cell, the leaf cells
 * below it (through every hierarchy), its contributors' totals, their sum, count and largest ones,
 * and its inner cells.
 */
import { describe, expect, it } from '@jest/globals';
import { buildCube } from '../../src/protect/cube.ts';
import { linkedOf } from '../../src/protect/steps.ts';
import { linkedTables, randomTable } from './fixtures.ts';
import { leavesUnder } from './oracle.ts';

/** Departments in two non-nested hierarchies × a flat category; decimal amounts, shuffled rows. */
function decimalTable(seed: number) {
  const { spec, contributions, rng } = randomTable(seed, {}, { deps: [3, 7], cats: [2, 5], perCell: 4, contributors: 8, value: (r) => r.int(1, 999) / 100 });
  for (let i = contributions.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [contributions[i], contributions[j]] = [contributions[j], contributions[i]];
  }
  return { spec, contributions };
}

describe('buildCube', () => {
  it('gives every cell the sum, count and largest totals of its contributors, and its inner cells', () => {
    for (let seed = 1; seed <= 60; seed++) {
      const { spec, contributions } = decimalTable(seed);
      const under = spec.dimensions.map(leavesUnder);
      const topCount = 3;
      const cube = buildCube(linkedOf(spec), { table: contributions }, topCount);
      // inner cells: the leaf crossings with a contribution
      const innerCodes = [...new Set(contributions.map((c) => c.codes.join(' ')))];
      expect(cube.innerCount).toBe(innerCodes.length);
      const expected = new Map<string, { value: number; contributors: number; top: number[]; inner: string[] }>();
      for (const g of under[0].keys()) {
        for (const k of under[1].keys()) {
          const below = contributions.filter((c) => under[0].get(g)!.has(c.codes[0]) && under[1].get(k)!.has(c.codes[1]));
          if (below.length === 0) continue;
          const byContributor = new Map<string, number>();
          for (const c of below) byContributor.set(c.contributor, (byContributor.get(c.contributor) ?? 0) + c.value);
          const totals = [...byContributor.values()].sort((a, b) => b - a);
          const inner = [...new Set(below.map((c) => c.codes.join(' ')))].sort();
          expected.set(`${g} ${k}`, { value: totals.reduce((s, v) => s + v, 0), contributors: totals.length, top: totals.slice(0, topCount), inner });
        }
      }
      // the cube's inner cells, by codes: each is the only member of its own leaf × leaf cell
      const codesOfInner = new Map<number, string>();
      for (const cell of cube.cells) {
        const codes = cell.codes.map((x, d) => cube.dims[d].codes[x]).join(' ');
        if (cell.codes.every((x, d) => cube.dims[d].isLeaf[x])) codesOfInner.set(cell.members[0], codes);
      }
      const got = new Map(
        cube.cells.map((cell) => [
          cell.codes.map((x, d) => cube.dims[d].codes[x]).join(' '),
          { value: cell.value, contributors: cell.contributors, top: cell.top, inner: Array.from(cell.members, (i) => codesOfInner.get(i)!).sort() },
        ]),
      );
      expect([...got.keys()].sort()).toEqual([...expected.keys()].sort());
      for (const [key, want] of expected) {
        const have = got.get(key)!;
        expect({ key, contributors: have.contributors, inner: have.inner }).toEqual({ key, contributors: want.contributors, inner: want.inner });
        expect(Math.abs(have.value - want.value)).toBeLessThan(1e-9 * Math.max(1, want.value));
        expect(have.top.length).toBe(want.top.length);
        have.top.forEach((t, n) => expect(Math.abs(t - want.top[n])).toBeLessThan(1e-9 * Math.max(1, want.top[n])));
      }
    }
  });

  it('orders cells by codes and lists each cell’s inner cells ascending', () => {
    const { spec, contributions } = decimalTable(5);
    const cube = buildCube(linkedOf(spec), { table: contributions });
    for (let c = 1; c < cube.cells.length; c++) {
      const [a, b] = [cube.cells[c - 1].codes, cube.cells[c].codes];
      const d = a.findIndex((x, k) => x !== b[k]);
      expect(d >= 0 && a[d] < b[d]).toBe(true);
    }
    for (const cell of cube.cells) expect(Array.from(cell.members)).toEqual(Array.from(cell.members).sort((x, y) => x - y));
  });

  it('lists each inner cell once in a cell that linked tables share', () => {
    for (let seed = 1; seed <= 10; seed++) {
      const { spec, contributions } = linkedTables(seed);
      const cube = buildCube(spec, contributions);
      const shared = cube.cells.filter((cell) => cell.tables.length > 1);
      expect(shared.length).toBeGreaterThan(0);
      for (const cell of shared) expect(new Set(cell.members).size).toBe(cell.members.length);
    }
  });
});
