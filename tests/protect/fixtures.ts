/**
 * Tiny named fixtures of the protection engine, shared by the tests (and quoted in
 * docs/methodology.md).
 */
import type { Cell, Contribution, DimensionSpec, LinkedSpec, ProtectSpec, RuleSet } from '../../src/protect/types.ts';
import { createRng, type Rng } from '../../src/sample/prng.ts';

export const flat = (name: string, codes: readonly string[], total = 'T'): DimensionSpec => ({
  name,
  total,
  hierarchies: { [name]: Object.fromEntries(codes.map((c) => [c, total])) },
});

/** One contribution per interior cell, from a contributor of its own. */
export function oneContributorPerCell(rows: readonly string[], cols: readonly string[], values: readonly (readonly number[])[]): Contribution[] {
  return rows.flatMap((r, i) => cols.map((c, j) => ({ codes: [r, c], contributor: `${r}${c}`, value: values[i][j] })));
}

export const twoWay = (rules: RuleSet, rows: readonly string[] = ['r1', 'r2', 'r3'], cols: readonly string[] = ['c1', 'c2']): ProtectSpec => ({
  dimensions: [flat('row', rows), flat('col', cols)],
  contributor: 'id',
  value: 'n',
  rules,
});

/** τ-ARGUS manual §2.15: interior (4, 3 / 2, 1 / 3, 3); rows 1–2 suppressed. */
export const tauArgus = {
  spec: twoWay({}),
  contributions: oneContributorPerCell(['r1', 'r2', 'r3'], ['c1', 'c2'], [[4, 3], [2, 1], [3, 3]]),
  hidden: ['r1 c1', 'r1 c2', 'r2 c1', 'r2 c2'],
  /** intervals published in the manual */
  intervals: { 'r1 c1': [3, 6], 'r1 c2': [1, 4], 'r2 c1': [0, 3], 'r2 c2': [0, 3] } as Record<string, [number, number]>,
};

/**
 * Two hierarchies that do not nest: departments d1…d4 roll up to regions (RA = d1+d2, RB = d3+d4)
 * and, separately, to courts (CX = d1+d3, CY = d2+d4).
 */
export const twoHierarchiesGeo: DimensionSpec = {
  name: 'geo',
  total: 'FR',
  hierarchies: {
    region: { d1: 'RA', d2: 'RA', d3: 'RB', d4: 'RB', RA: 'FR', RB: 'FR' },
    court: { d1: 'CX', d2: 'CY', d3: 'CX', d4: 'CY', CX: 'FR', CY: 'FR' },
  },
};

/** Compares cells through one helper: "codes status" strings, in table order. */
export const pattern = (cells: readonly Cell[]) => cells.map((c) => `${c.codes.join(' ')} ${c.status}`);
export const key = (c: Cell) => c.codes.join(' ');

/**
 * Two tables sharing the territory: territory × a and territory × b. Each contributor reports one
 * total per department, split at random over a and, independently, over b — so the crossings
 * territory × a × b are unknown and the engine must find inner values for them. `maxTotal`: the
 * largest total of one contributor.
 */
export function linkedTables(seed: number, maxTotal = 40): { spec: LinkedSpec; contributions: Record<string, Contribution[]> } {
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
      const total = rng.int(1, maxTotal);
      split(total, as).forEach((v, k) => v > 0 && contributions.ta.push({ codes: [d, as[k]], contributor: `${d}-${s}`, value: v }));
      split(total, bs).forEach((v, k) => v > 0 && contributions.tb.push({ codes: [d, bs[k]], contributor: `${d}-${s}`, value: v }));
    }
  }
  return { spec, contributions };
}

/** How `randomTable` draws a table (ranges are inclusive). */
export interface RandomTableShape {
  deps: [number, number];
  cats: [number, number];
  /** most contributions per department × category (0 to this many) */
  perCell: number;
  /** contributors are s0 … s<contributors> */
  contributors: number;
  value: (rng: Rng) => number;
}

/**
 * A random small table: geo with two non-nested hierarchies (regions RA, RB; courts CX, CY), a flat
 * category, a few contributions per cell. Returns the generator too, for callers that draw more.
 */
export function randomTable(
  seed: number,
  rules: RuleSet,
  shape: RandomTableShape = { deps: [3, 5], cats: [2, 4], perCell: 3, contributors: 6, value: (rng) => rng.int(1, 9) },
): { spec: ProtectSpec; contributions: Contribution[]; rng: Rng } {
  const rng = createRng(seed);
  const deps = Array.from({ length: rng.int(...shape.deps) }, (_, i) => `d${i}`);
  const region: Record<string, string> = { RA: 'FR', RB: 'FR' };
  const court: Record<string, string> = { CX: 'FR', CY: 'FR' };
  deps.forEach((d, i) => {
    region[d] = i % 2 === 0 ? 'RA' : 'RB';
    court[d] = rng.chance(0.5) ? 'CX' : 'CY';
  });
  const cats = Array.from({ length: rng.int(...shape.cats) }, (_, i) => `k${i}`);
  const contributions: Contribution[] = [];
  for (const d of deps) {
    for (const c of cats) {
      const n = rng.int(0, shape.perCell);
      for (let k = 0; k < n; k++) contributions.push({ codes: [d, c], contributor: `s${rng.int(0, shape.contributors)}`, value: shape.value(rng) });
    }
  }
  const spec: ProtectSpec = { dimensions: [{ name: 'geo', total: 'FR', hierarchies: { region, court } }, flat('cat', cats, 'ENS')], contributor: 's', value: 'v', rules };
  return { spec, contributions, rng };
}

/**
 * A random dimension: `leaves` leaves (name0, name1, …) and `hierarchies` hierarchies, each going
 * through one or two levels of its own codes before the total.
 */
export function randomDimension(rng: Rng, name: string, leaves: number, hierarchies: number): DimensionSpec & { leaves: string[] } {
  const codes = Array.from({ length: leaves }, (_, i) => `${name}${i}`);
  const total = `${name}T`;
  const maps: Record<string, Record<string, string>> = {};
  for (let k = 0; k < hierarchies; k++) {
    const mids = Array.from({ length: rng.int(1, 3) }, (_, i) => `${name}${k}m${i}`);
    const tops = Array.from({ length: rng.int(1, 2) }, (_, i) => `${name}${k}t${i}`);
    const twoLevels = rng.chance(0.5);
    const map: Record<string, string> = {};
    for (const leaf of codes) map[leaf] = rng.pick(mids);
    for (const mid of new Set(codes.map((leaf) => map[leaf]))) map[mid] = twoLevels ? rng.pick(tops) : total;
    if (twoLevels) for (const top of new Set(Object.values(map).filter((p) => tops.includes(p)))) map[top] = total;
    maps[`h${k}`] = map;
  }
  return { name, total, hierarchies: maps, leaves: codes };
}

/** A dimension as a spec has it (without the generator's list of leaves). */
export const specOf = (d: DimensionSpec): DimensionSpec => ({ name: d.name, total: d.total, hierarchies: d.hierarchies });

/**
 * A random small cube of three dimensions: g (two to four leaves, two hierarchies that do not nest),
 * a (two or three leaves, one or two hierarchies) and b (two leaves, one hierarchy). Counts or
 * amounts (two decimals), one to three contributions in most leaf cells.
 */
export function randomCube(seed: number, rules: RuleSet): { spec: ProtectSpec; contributions: Contribution[] } {
  const rng = createRng(seed);
  const dims = [randomDimension(rng, 'g', rng.int(2, 4), 2), randomDimension(rng, 'a', rng.int(2, 3), rng.int(1, 2)), randomDimension(rng, 'b', 2, 1)];
  const counts = rng.chance(0.5);
  const contributions: Contribution[] = [];
  for (const g of dims[0].leaves) {
    for (const a of dims[1].leaves) {
      for (const b of dims[2].leaves) {
        if (!rng.chance(0.7)) continue;
        for (let k = rng.int(1, 3); k > 0; k--) {
          contributions.push({ codes: [g, a, b], contributor: `s${rng.int(0, 8)}`, value: counts ? rng.int(1, 12) : Math.round(rng.lognormal(30, 1) * 100) / 100 });
        }
      }
    }
  }
  return { spec: { dimensions: dims.map(specOf), contributor: 's', value: 'v', rules }, contributions };
}

/**
 * Random linked tables over g (two to four leaves, two hierarchies that do not nest), a and b (two
 * or three leaves each), in one of five shapes: g × a with g × b, with a × b as well, with g alone,
 * g × a × b with g × a, or g × a with a × b. Each service has one department and a count per a × b;
 * every table is what the services' counts add up to over its dimensions, so shared cells agree.
 */
export function randomLinked(seed: number, rules: RuleSet): { spec: LinkedSpec; contributions: Record<string, Contribution[]> } {
  const rng = createRng(seed);
  const dims = [randomDimension(rng, 'g', rng.int(2, 4), 2), randomDimension(rng, 'a', rng.int(2, 3), rng.int(1, 2)), randomDimension(rng, 'b', rng.int(2, 3), 1)];
  const shapes = [[['g', 'a'], ['g', 'b']], [['g', 'a'], ['g', 'b'], ['a', 'b']], [['g', 'a'], ['g']], [['g', 'a', 'b'], ['g', 'a']], [['g', 'a'], ['a', 'b']]];
  const tables = rng.pick(shapes).map((dimensions, i) => ({ id: `t${i}`, dimensions }));
  const contributions: Record<string, Contribution[]> = Object.fromEntries(tables.map((t) => [t.id, []]));
  for (let s = rng.int(3, 10); s > 0; s--) {
    const g = rng.pick(dims[0].leaves);
    const counts = new Map<string, number>(); // "a b" → count
    for (const a of dims[1].leaves) for (const b of dims[2].leaves) if (rng.chance(0.5)) counts.set(`${a} ${b}`, rng.int(1, 8));
    for (const t of tables) {
      const sums = new Map<string, number>();
      for (const [ab, n] of counts) {
        const [a, b] = ab.split(' ');
        const codes = t.dimensions.map((d) => (d === 'g' ? g : d === 'a' ? a : b)).join(' ');
        sums.set(codes, (sums.get(codes) ?? 0) + n);
      }
      for (const [codes, value] of sums) contributions[t.id].push({ codes: codes.split(' '), contributor: `s${s}`, value });
    }
  }
  return { spec: { dimensions: dims.map(specOf), tables, rules }, contributions };
}

/**
 * A three-dimension table on which HiGHS refused the repair's first basis (the zero move, see
 * `TableRepair` in src/protect/repair.ts) with an error before its first iteration: found by
 * fuzzing `mfer protect`, then shrunk to 15 contributions.
 */
export const refusedBasis: { spec: ProtectSpec; contributions: Contribution[] } = {
  spec: {
    dimensions: [
      {
        name: 'g',
        total: 'gT',
        hierarchies: {
          h0: { g0: 'gh0m2', g1: 'gh0m1', g2: 'gh0m0', g3: 'gh0m0', g4: 'gh0m2', g5: 'gh0m2', gh0m2: 'gT', gh0m1: 'gT', gh0m0: 'gT' },
          h1: { g0: 'gh1m0', g1: 'gh1m0', g2: 'gh1m0', g3: 'gh1m0', g4: 'gh1m0', g5: 'gh1m0', gh1m0: 'gh1t0', gh1t0: 'gT' },
        },
      },
      {
        name: 'a',
        total: 'aT',
        hierarchies: {
          h0: { a0: 'ah0m0', a1: 'ah0m0', ah0m0: 'ah0t0', ah0t0: 'aT' },
          h1: { a0: 'ah1m1', a1: 'ah1m0', ah1m1: 'aT', ah1m0: 'aT' },
        },
      },
      {
        name: 'b',
        total: 'bT',
        hierarchies: {
          h0: { b0: 'bh0m0', b1: 'bh0m0', b2: 'bh0m0', b3: 'bh0m1', bh0m0: 'bh0t1', bh0m1: 'bh0t1', bh0t1: 'bT' },
        },
      },
    ],
    contributor: 's',
    value: 'v',
    rules: { minValue: 4 },
  },
  contributions: (
    [
      ['g0 a1 b1', 's8', 3.89], ['g0 a1 b3', 's2', 1.56], ['g1 a0 b0', 's3', 7.27], ['g1 a1 b0', 's8', 0.37],
      ['g1 a1 b2', 's8', 2.48], ['g1 a1 b3', 's5', 3.87], ['g2 a0 b3', 's1', 2.48], ['g2 a1 b1', 's3', 9.57],
      ['g2 a1 b2', 's7', 1.88], ['g2 a1 b3', 's5', 5.55], ['g3 a0 b0', 's5', 8.14], ['g3 a1 b2', 's2', 0.65],
      ['g5 a0 b0', 's0', 5.43], ['g5 a0 b1', 's2', 3.25], ['g5 a1 b3', 's3', 1.7],
    ] as const
  ).map(([codes, contributor, value]) => ({ codes: codes.split(' '), contributor, value })),
};
