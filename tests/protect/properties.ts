/**
 * Properties of `protect` on random small tables, each pattern checked by the independent LP
 * attacker (oracle.ts) and by the engine's audit: single tables (both repair modes), three
 * dimensions with multi-level hierarchies that do not nest, and linked tables. `make unit` runs a
 * few seeds (tests/protect/protect.test.ts), `make e2e` the others
 * (tests/e2e/protect-properties.test.ts); `make fuzz` hundreds more.
 */
import { describe, expect, it } from '@jest/globals';
import { audit, auditLinked, protect, protectLinked } from '../../src/protect/index.ts';
import type { Cell, Contribution, ProtectSpec, RuleSet } from '../../src/protect/types.ts';
import { randomCube, randomLinked, randomTable } from './fixtures.ts';
import { oracleFailures } from './oracle.ts';

export const ruleSets: RuleSet[] = [
  { minFrequency: 3 },
  { minValue: 5, protectionPercent: 10 },
  { dominance: { n: 1, k: 85 }, pPercent: 10, protectionPercent: 15 },
  { minValue: 3, minFrequency: 2, protectionPercent: 30 },
];

/** The independent attacker and the engine's audit both find every primary cell protected. */
export async function expectProtected(where: object, spec: ProtectSpec, contributions: readonly Contribution[], cells: readonly Cell[]) {
  expect({ ...where, failures: await oracleFailures(spec, cells) }).toEqual({ ...where, failures: [] });
  // no published cell breaks a rule: every cell a rule flags is suppressed
  expect((await audit(spec, contributions, cells)).failures).toEqual([]);
}

/** Seeds (first, last) of each property. */
export interface PropertySeeds {
  table: [number, number];
  cube: [number, number];
  linked: [number, number];
}

/** The properties, over the seeds given. */
export function describeProperties(seeds: PropertySeeds): void {
  describe(`protect: properties on random small tables (seeds ${seeds.table.join('–')}, ${seeds.cube.join('–')}, ${seeds.linked.join('–')})`, () => {
    // both ways of posing the repair LP (the whole table, or each target's neighbourhood)
    it.each(['table', 'local'] as const)('leaves every primary cell protected (A and B, checked by an independent LP attacker), %s repairs', async (repair) => {
      for (let seed = seeds.table[0]; seed <= seeds.table[1]; seed++) {
        for (const [r, rules] of ruleSets.entries()) {
          const { spec, contributions } = randomTable(seed * 10 + r, rules);
          await expectProtected({ seed, r }, spec, contributions, (await protect(spec, contributions, { repair })).cells);
        }
      }
    });

    it('leaves every primary cell protected in three dimensions with multi-level hierarchies that do not nest (independent LP attacker)', async () => {
      for (let seed = seeds.cube[0]; seed <= seeds.cube[1]; seed++) {
        const r = seed % ruleSets.length;
        const { spec, contributions } = randomCube(seed, ruleSets[r]);
        await expectProtected({ seed, r }, spec, contributions, (await protect(spec, contributions)).cells);
      }
    });

    it('leaves every primary cell of linked tables protected, shared cells with one status (independent LP attacker over the joint cube)', async () => {
      for (let seed = seeds.linked[0]; seed <= seeds.linked[1]; seed++) {
        const r = seed % ruleSets.length;
        const { spec, contributions } = randomLinked(seed, ruleSets[r]);
        const result = await protectLinked(spec, contributions);
        const cells = Object.fromEntries(Object.entries(result.tables).map(([id, t]) => [id, t.cells]));
        // a cell two tables publish (the same codes, the other dimensions at their totals): one status
        const seen = new Map<string, string>();
        for (const table of spec.tables) {
          for (const c of cells[table.id]) {
            const codes = spec.dimensions.map((d) => c.codes[table.dimensions.indexOf(d.name)] ?? d.total).join(' ');
            expect([codes, seen.get(codes) ?? c.status]).toEqual([codes, c.status]);
            seen.set(codes, c.status);
          }
        }
        expect((await auditLinked(spec, contributions, cells)).failures).toEqual([]);
        expect({ seed, r, failures: await oracleFailures(spec, cells) }).toEqual({ seed, r, failures: [] });
      }
    });
  });
}
