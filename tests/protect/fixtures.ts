/**
 * Tiny named fixtures of the protection engine, shared by the tests (and quoted in
 * docs/methodology.md).
 */
import type { Cell, Contribution, DimensionSpec, ProtectSpec, RuleSet } from '../../src/protect/types.ts';

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
