/**
 * Rectangle certificates (src/protect/certificates.ts): what they prove must hold for the LP attacker
 * — on random tables and random suppression patterns, every amount a rectangle proves lies within
 * the attacker's exact interval (suppressed cells ≥ 0, or ≥ 1 for requirement B) — and they use only
 * leaves with the same parents in every hierarchy.
 */
import { describe, expect, it } from '@jest/globals';
import { buildAttack, closeAttack, interval } from '../../src/protect/attacker.ts';
import { rectangles } from '../../src/protect/certificates.ts';
import { linkedOf, prepare, SINGLE } from '../../src/protect/steps.ts';
import { highs } from '../../src/runtime/highs.ts';
import type { Contribution, DimensionSpec, ProtectSpec } from '../../src/protect/types.ts';
import { createRng } from '../../src/sample/prng.ts';
import { flat, oneContributorPerCell, twoHierarchiesGeo } from './fixtures.ts';

/** l1, l2 share region and court; so do l5, l6; l3 and l4 share their region with others, not their court. */
const geo: DimensionSpec = {
  name: 'geo',
  total: 'FR',
  hierarchies: {
    region: { l1: 'RA', l2: 'RA', l3: 'RA', l4: 'RB', l5: 'RB', l6: 'RB', RA: 'FR', RB: 'FR' },
    court: { l1: 'CX', l2: 'CX', l3: 'CY', l4: 'CY', l5: 'CZ', l6: 'CZ', CX: 'FR', CY: 'FR', CZ: 'FR' },
  },
};
const cats = ['c1', 'c2', 'c3'];

async function setUp(dimension: DimensionSpec, values: number[][], hide: (codes: string) => boolean) {
  const spec: ProtectSpec = { dimensions: [dimension, flat('cat', cats)], contributor: 'id', value: 'n', rules: {} };
  const leaves = Object.keys(Object.values(dimension.hierarchies)[0]).filter((c) => /^[ld]\d$/.test(c));
  const rows: Contribution[] = oneContributorPerCell(leaves, cats, values).filter((r) => r.value > 0);
  const { cube, truth } = await prepare(linkedOf(spec), { [SINGLE]: rows });
  const name = (c: number) => cube.cells[c].codes.map((k, d) => cube.dims[d].codes[k]).join(' ');
  const suppressed = cube.cells.map((_, c) => hide(name(c)));
  const cell = (codes: string) => cube.cells.findIndex((_, c) => name(c) === codes);
  return { cube, truth, suppressed, cell, name };
}

describe('rectangles', () => {
  it('proves a move around four suppressed cells of two sibling leaves, up to what the falling corners hold', async () => {
    const values = [[5, 2, 7], [4, 3, 6], [1, 1, 1], [1, 1, 1], [1, 1, 1], [1, 1, 1]];
    const hidden = new Set(['l1 c1', 'l1 c2', 'l2 c1', 'l2 c2']);
    const { cube, suppressed, cell } = await setUp(geo, values, (c) => hidden.has(c));
    const certify = rectangles(cube, suppressed);
    // up: l1 c2 (2) and l2 c1 (4) fall → at most 2
    expect(certify(cell('l1 c1'), 2, 'hi', 0)).toBe(true);
    expect(certify(cell('l1 c1'), 2.5, 'hi', 0)).toBe(false);
    // down: l1 c1 (5) and l2 c2 (3) fall → at most 3; keeping every corner ≥ 1, at most 2
    expect(certify(cell('l1 c1'), 3, 'lo', 0)).toBe(true);
    expect(certify(cell('l1 c1'), 3, 'lo', 1)).toBe(false);
    expect(certify(cell('l1 c1'), 2, 'lo', 1)).toBe(true);
    // a published cell, or an aggregate, is never certified
    expect(certify(cell('l3 c1'), 1, 'hi', 0)).toBe(false);
    expect(certify(cell('RA c1'), 1, 'hi', 0)).toBe(false);
  });

  it('uses no pair of leaves that differ in one hierarchy (same region, another court)', async () => {
    const values = [[5, 5, 5], [5, 5, 5], [5, 5, 5], [5, 5, 5]];
    // d1 and d2 share region RA but not their court; d1 and d3 share court CX but not their region
    for (const other of ['d2', 'd3']) {
      const hidden = new Set(['d1 a', 'd1 b', `${other} a`, `${other} b`].map((c) => c.replace(' a', ' c1').replace(' b', ' c2')));
      const { cube, suppressed, cell } = await setUp(twoHierarchiesGeo, values, (c) => hidden.has(c));
      expect(rectangles(cube, suppressed)(cell('d1 c1'), 1, 'hi', 0)).toBe(false);
    }
  });

  it('proves nothing in a cube of three dimensions, where a margin over the third holds one corner alone', async () => {
    // g × a × b, two leaves each, every inner cell suppressed, every margin published: the only move
    // left is the one around the whole 2 × 2 × 2 cube, so g1 a1 b1 (10) rises by no more than
    // g1 a1 b2 (1) can fall. The rectangle g1/g2 × a1/a2 at b1 would "prove" 5: it changes g1 a1 T.
    const dims = ['g', 'a', 'b'].map((d) => flat(d, [`${d}1`, `${d}2`]));
    const spec: ProtectSpec = { dimensions: dims, contributor: 'id', value: 'n', rules: {} };
    const rows: Contribution[] = [];
    for (const g of ['g1', 'g2']) for (const a of ['a1', 'a2']) for (const b of ['b1', 'b2']) rows.push({ codes: [g, a, b], contributor: g + a + b, value: g + a + b === 'g1a1b2' ? 1 : 10 });
    const { cube, truth } = await prepare(linkedOf(spec), { [SINGLE]: rows });
    const suppressed = cube.cells.map((c) => c.members.length === 1);
    const target = cube.cells.findIndex((c) => c.codes.map((k, d) => cube.dims[d].codes[k]).join(' ') === 'g1 a1 b1');
    const model = buildAttack(await highs(), cube, suppressed, truth, 'A', false);
    try {
      expect(interval(model, cube.cells[target].members).hi).toBeCloseTo(11, 6);
    } finally {
      closeAttack(model);
    }
    expect(rectangles(cube, suppressed)(target, 5, 'hi', 0)).toBe(false);
  });

  it('never proves more than the LP attacker allows (random tables and patterns, floors 0 and 1)', async () => {
    const h = await highs();
    const rng = createRng(77);
    let proofs = 0;
    for (let round = 0; round < 80; round++) {
      const values = Array.from({ length: 6 }, () => cats.map(() => rng.int(0, 6)));
      const { cube, truth, suppressed } = await setUp(geo, values, () => rng.chance(0.45));
      const certify = rectangles(cube, suppressed);
      for (const floor of [0, 1]) {
        if (floor === 1 && cube.cells.some((c, i) => suppressed[i] && c.value === 0)) continue; // B: zeros known
        const model = buildAttack(h, cube, suppressed, truth, floor === 0 ? 'A' : 'B', false);
        try {
          cube.cells.forEach((c, i) => {
            if (!suppressed[i] || c.members.length !== 1) return;
            const amount = rng.uniform(0.1, 4);
            const up = certify(i, amount, 'hi', floor);
            const down = certify(i, amount, 'lo', floor);
            if (!up && !down) return;
            const { lo, hi } = interval(model, c.members);
            if (up) expect(hi).toBeGreaterThanOrEqual(c.value + amount - 1e-6);
            if (down) expect(lo).toBeLessThanOrEqual(c.value - amount + 1e-6);
            proofs++;
          });
        } finally {
          closeAttack(model);
        }
      }
    }
    expect(proofs).toBeGreaterThan(20);
  });
});
