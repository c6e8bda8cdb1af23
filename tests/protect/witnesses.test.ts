/**
 * Kept attackers' points (src/protect/witnesses.ts), on a 2 × 2 table with its margins, worked by
 * hand: interior (5, 7 / 6, 8), all four interior cells suppressed. Moving +2, −2, −2, +2 around
 * the rectangle changes no margin: it is a point of the attacker's model wherever the four interior
 * cells are withheld, and of no view where one of them is published.
 */
import type { AttackModel } from '../../src/protect/attacker.ts';
import type { Target } from '../../src/protect/check.ts';
import { buildCube, type Cube } from '../../src/protect/cube.ts';
import { linkedOf } from '../../src/protect/steps.ts';
import { Witnesses } from '../../src/protect/witnesses.ts';
import { oneContributorPerCell, twoWay } from './fixtures.ts';

const spec = twoWay({}, ['r1', 'r2'], ['c1', 'c2']);
const cube: Cube = buildCube(linkedOf(spec), { table: oneContributorPerCell(['r1', 'r2'], ['c1', 'c2'], [[5, 7], [6, 8]]) });
const cell = (codes: string) => cube.cells.findIndex((c) => c.codes.map((k, d) => cube.dims[d].codes[k]).join(' ') === codes);
const inner = ['r1 c1', 'r1 c2', 'r2 c1', 'r2 c2'].map((codes) => cube.cells[cell(codes)].members[0]);
const truth = new Float64Array(cube.innerCount);
[5, 7, 6, 8].forEach((v, k) => (truth[inner[k]] = v));
/** a model of one component holding the four interior cells, in that order */
const model = { components: [{ inner }] } as unknown as AttackModel;
const interior = cube.cells.map((_, c) => ['r1 c1', 'r1 c2', 'r2 c1', 'r2 c2'].map(cell).includes(c));
const target = (codes: string, needLo: number, needHi: number): Target => ({ cell: cell(codes), needLo, needHi });
const rectangle = (t: number) => Float64Array.from([5 + t, 7 - t, 6 - t, 8 + t]);

describe('Witnesses', () => {
  it('proves with a kept point what it reaches, in a view where every cell it changes is withheld', () => {
    const w = new Witnesses(cube, truth);
    w.add(model, 0, rectangle(2));
    const proven = new Set<string>();
    // A on r1 c1 (5) within [4, 6]: the point reaches 7 ≥ 6 (hi), not 4 (lo)
    w.prove(interior, 'A', [target('r1 c1', 4, 6)], proven);
    expect([...proven].sort()).toEqual([`${cell('r1 c1')}:hi`]);
    w.add(model, 0, rectangle(-2));
    w.prove(interior, 'A', [target('r1 c1', 4, 6)], proven);
    expect(proven.has(`${cell('r1 c1')}:lo`)).toBe(true);
    // B and exact: a point giving another value
    const b = new Set<string>();
    w.prove(interior, 'B', [target('r2 c2', 8, 8)], b);
    w.prove(interior, 'exact', [target('r1 c2', 7, 7)], b);
    expect([...b].sort()).toEqual([`${cell('r1 c2')}:E`, `${cell('r2 c2')}:B`].sort());
  });

  it('proves nothing in a view that publishes a cell the point changes (an insider knowing r1 c2)', () => {
    const w = new Witnesses(cube, truth);
    w.add(model, 0, rectangle(2));
    w.add(model, 0, rectangle(-2));
    const view = interior.map((s, c) => s && c !== cell('r1 c2'));
    const proven = new Set<string>();
    w.prove(view, 'A', [target('r1 c1', 4, 6)], proven);
    w.prove(view, 'exact', [target('r2 c2', 8, 8)], proven);
    expect(proven.size).toBe(0);
  });

  it('keeps B’s floor: a point taking a withheld cell below 1 proves B nothing, and exact (floor 0) still', () => {
    const w = new Witnesses(cube, truth);
    // r1 c1 goes from 5 to 0
    w.add(model, 0, rectangle(-5));
    const b = new Set<string>();
    w.prove(interior, 'B', [target('r2 c2', 8, 8)], b);
    expect(b.size).toBe(0);
    w.prove(interior, 'exact', [target('r2 c2', 8, 8)], b);
    expect([...b]).toEqual([`${cell('r2 c2')}:E`]);
  });

  it('keeps no point with an interior cell below 0, and no point that changes nothing', () => {
    const w = new Witnesses(cube, truth);
    w.add(model, 0, rectangle(-6));
    w.add(model, 0, rectangle(0));
    const proven = new Set<string>();
    w.prove(interior, 'exact', [target('r1 c1', 5, 5), target('r2 c2', 8, 8)], proven);
    expect(proven.size).toBe(0);
  });

  it('proves nothing from a point that breaks a margin published in the view', () => {
    const w = new Witnesses(cube, truth);
    // +1 on r1 c1 alone changes the r1, c1 and grand totals, published in every view here
    w.add(model, 0, Float64Array.from([6, 7, 6, 8]));
    const proven = new Set<string>();
    w.prove(interior, 'A', [target('r1 c1', 4, 6)], proven);
    expect(proven.size).toBe(0);
  });
});
