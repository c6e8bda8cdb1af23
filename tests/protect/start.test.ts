/**
 * The start pattern (src/protect/start.ts): the cube's equations, and the conditions the MIP puts
 * on each — checked on tables small enough to read by hand, where the cheapest cells break them.
 */
import { describe, expect, it } from '@jest/globals';
import { repairWeights } from '../../src/protect/protect.ts';
import { equations, startPattern, START_MAX_CELLS } from '../../src/protect/start.ts';
import { linkedOf, prepare, SINGLE } from '../../src/protect/steps.ts';
import type { Contribution, ProtectSpec, RuleSet } from '../../src/protect/types.ts';
import { oneContributorPerCell, twoWay } from './fixtures.ts';
import { oracleFailures } from './oracle.ts';
import { protect } from '../../src/protect/index.ts';

async function startOf(spec: ProtectSpec, contributions: Contribution[]) {
  const linked = linkedOf(spec);
  const { cube, primary, truth } = await prepare(linked, { [SINGLE]: contributions });
  const name = (c: number) => cube.cells[c].codes.map((i, d) => cube.dims[d].codes[i]).join(' ');
  const start = (await startPattern(cube, primary, linked, repairWeights(cube), truth))?.pattern;
  return { cube, primary, name, start, withheld: new Set(start?.flatMap((s, c) => (s ? [name(c)] : [])) ?? []) };
}

/** Contributions of a two-way table, each cell from the contributors listed with their amounts. */
const byContributor = (cells: Record<string, Record<string, number>>): Contribution[] =>
  Object.entries(cells).flatMap(([codes, who]) => Object.entries(who).map(([contributor, value]) => ({ codes: codes.split(' '), contributor, value })));

describe('equations', () => {
  it('lists every margin of a two-way table, its parent first', async () => {
    const spec = twoWay({ minValue: 3 }, ['r1', 'r2'], ['c1', 'c2']);
    const { cube, name } = await startOf(spec, oneContributorPerCell(['r1', 'r2'], ['c1', 'c2'], [[1, 4], [5, 6]]));
    const found = equations(cube, linkedOf(spec)).map((eq) => [name(eq[0]), ...eq.slice(1).map(name).sort()].join(' = '));
    expect(found.sort()).toEqual(['T T = T c1 = T c2', 'T T = r1 T = r2 T', 'T c1 = r1 c1 = r2 c1', 'T c2 = r1 c2 = r2 c2', 'r1 T = r1 c1 = r1 c2', 'r2 T = r2 c1 = r2 c2']);
  });


  it('keeps a margin whose child has no contribution (shown as nothing, a known zero), without that child', async () => {
    const spec = twoWay({ minValue: 3 }, ['r1', 'r2', 'r3'], ['c1', 'c2']);
    const rows = oneContributorPerCell(['r1', 'r2'], ['c1', 'c2'], [[1, 4], [5, 6]]);
    const { cube, name } = await startOf(spec, rows);
    const found = equations(cube, linkedOf(spec)).map((eq) => [name(eq[0]), ...eq.slice(1).map(name).sort()].join(' = '));
    expect(found).toContain('T c1 = r1 c1 = r2 c1');
    expect(found).toContain('T T = r1 T = r2 T');
  });
});

describe('startPattern', () => {
  it('never leaves a withheld cell alone in a margin, and withholds every primary cell', async () => {
    const spec = twoWay({ minValue: 3 }, ['r1', 'r2', 'r3'], ['c1', 'c2', 'c3']);
    const values = [[1, 4, 6], [5, 2, 8], [7, 9, 3]];
    const { start, withheld } = await startOf(spec, oneContributorPerCell(['r1', 'r2', 'r3'], ['c1', 'c2', 'c3'], values));
    expect(start).toBeDefined();
    expect(withheld.has('r1 c1') && withheld.has('r2 c2')).toBe(true);
    // margins written out here, not read from `equations`
    const rows = ['r1', 'r2', 'r3', 'T'];
    const cols = ['c1', 'c2', 'c3', 'T'];
    const margins = [...rows.map((r) => cols.map((c) => `${r} ${c}`)), ...cols.map((c) => rows.map((r) => `${r} ${c}`))];
    for (const m of margins) expect({ m, alone: m.filter((c) => withheld.has(c)).length === 1 }).toEqual({ m, alone: false });
  });

  it('gives a primary amount a partner large enough for its interval, not the cheapest small one (business rules)', async () => {
    // r1 c1 (100, one service at 95 %) is primary; r1 c2 (1) is the cheapest partner in its row but
    // moves it by 1 where requirement A asks 10 (10 %); r1 c3 (50) or the row total does
    const rules: RuleSet = { dominance: { n: 1, k: 85 }, protectionPercent: 10 };
    const spec = twoWay(rules, ['r1', 'r2'], ['c1', 'c2', 'c3']);
    const contributions = byContributor({
      'r1 c1': { A: 95, B: 5 },
      'r1 c2': { C: 0.5, D: 0.5 },
      'r1 c3': { E: 25, F: 25 },
      'r2 c1': { G: 20, H: 20 },
      'r2 c2': { I: 15, J: 15 },
      'r2 c3': { K: 30, L: 30 },
    });
    const { primary, start, withheld, name } = await startOf(spec, contributions);
    expect(primary.flatMap((p, c) => (p ? [name(c)] : []))).toEqual(['r1 c1']);
    expect(start).toBeDefined();
    expect(withheld.has('r1 c3') || withheld.has('r1 T')).toBe(true);
  });

  it('does not rely on a partner that an insider knows (the cell it alone makes up)', async () => {
    // r1 c1 (2 persons) is primary; its cheapest row partner r1 c2 (6) comes from service X alone,
    // which would then read r1 c1 off its row: the row needs r1 c3 or its total instead
    const spec = twoWay({ minValue: 3 }, ['r1', 'r2'], ['c1', 'c2', 'c3']);
    const contributions = byContributor({
      'r1 c1': { A: 1, B: 1 },
      'r1 c2': { X: 6 },
      'r1 c3': { Y: 4, Z: 3 },
      'r2 c1': { P: 2, Q: 3 },
      'r2 c2': { R: 2, S: 3 },
      'r2 c3': { U: 4, V: 5 },
    });
    const { start, withheld } = await startOf(spec, contributions);
    expect(start).toBeDefined();
    expect(withheld.has('r1 c3') || withheld.has('r1 T')).toBe(true);
    // and the protection that starts there passes the tests' own attacker
    const table = await protect(spec, contributions);
    expect(await oracleFailures(spec, table.cells)).toEqual([]);
  });

  it('leaves larger tables to elimination', async () => {
    const rows = Array.from({ length: Math.ceil(START_MAX_CELLS / 3) }, (_, i) => `r${i}`);
    const spec = twoWay({ minValue: 3 }, rows, ['c1', 'c2']);
    const { start } = await startOf(spec, oneContributorPerCell(rows, ['c1', 'c2'], rows.map((_, i) => [i === 0 ? 1 : 5, 7])));
    expect(start).toBeUndefined();
  });
});
