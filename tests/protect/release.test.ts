import { protect } from '../../src/protect/index.ts';
import type { Cell, Contribution } from '../../src/protect/types.ts';
import { releaseDetermined } from '../../src/protect/release.ts';
import { linkedOf, prepare, SINGLE } from '../../src/protect/steps.ts';
import { oneContributorPerCell, twoWay } from './fixtures.ts';
import { oracleFailures, oracleInsiderFailures } from './oracle.ts';

/**
 * sdcTools/UserSupport issue #135: a 2 × 5 frequency table with three singletons in row 1 (counts of
 * persons, one contributor per person; values ≤ 2 unsafe).
 */
const cols = ['A', 'B', 'H', 'M', 'W'];
const threeSingletons = {
  spec: twoWay({ minValue: 3 }, ['1', '2'], cols),
  contributions: [
    [1, 1, 7, 1, 0],
    [1, 0, 0, 2, 8],
  ].flatMap((row, i) => row.flatMap((v, j) => Array.from({ length: v }, (_, k): Contribution => ({ codes: [String(i + 1), cols[j]], contributor: `p${i}${j}${k}`, value: 1 })))),
};

const secondary = (cells: readonly Cell[]) => cells.filter((c) => c.status === 'x').length;

/** Every pattern that keeps the primary cells and suppresses `n` other cells. */
function patterns(cells: readonly Cell[], n: number): Cell[][] {
  const free = cells.flatMap((c, i) => (c.status === 'u' ? [] : [i]));
  const out: Cell[][] = [];
  const pick = (from: number, chosen: number[]) => {
    if (chosen.length === n) {
      out.push(cells.map((c, i) => ({ ...c, status: c.status === 'u' ? 'u' : chosen.includes(i) ? 'x' : 's' })));
      return;
    }
    for (let k = from; k < free.length; k++) pick(k + 1, [...chosen, free[k]]);
  };
  pick(0, []);
  return out;
}

describe('release pass', () => {
  it('reaches the known minimum of 2 secondary cells on the three-singletons table (requirements A and B)', async () => {
    const { spec, contributions } = threeSingletons;
    const without = await protect(spec, contributions, { insider: false, release: false });
    const table = await protect(spec, contributions, { insider: false });
    expect(secondary(table.cells)).toBe(2);
    expect(secondary(without.cells)).toBeGreaterThan(2);
    expect(await oracleFailures(spec, table.cells)).toEqual([]);
    // the minimum, by the independent attacker: no pattern with fewer secondary cells holds
    for (const n of [0, 1]) for (const p of patterns(table.cells, n)) expect(await oracleFailures(spec, p)).not.toEqual([]);
  });

  it('never withholds more than elimination and repairs, and keeps the pattern proven', async () => {
    const { spec, contributions } = threeSingletons;
    const before = await protect(spec, contributions, { release: false });
    const after = await protect(spec, contributions, { smallest: false });
    expect(secondary(after.cells)).toBeLessThanOrEqual(secondary(before.cells));
    expect(after.stats.proven).toBe(true);
    expect(await oracleFailures(spec, after.cells)).toEqual([]);
    // a released cell was suppressed before: the pass only publishes
    const was = new Map(before.cells.map((c) => [c.codes.join(' '), c.status]));
    for (const c of after.cells) if (c.status === 'x') expect(was.get(c.codes.join(' '))).toBe('x');
  });
});

describe('exact search on small tables', () => {
  it('reaches the known minimum of 3 secondary cells on the three-singletons table with requirement C', async () => {
    const { spec, contributions } = threeSingletons;
    const table = await protect(spec, contributions);
    // elimination, repairs and the release pass alone keep 5 cells there
    expect(secondary((await protect(spec, contributions, { release: false })).cells)).toBeGreaterThan(3);
    expect(secondary(table.cells)).toBe(3);
    expect(table.stats.proven).toBe(true);
    // the independent attackers: the outsider and every insider fail on the pattern found...
    expect(await oracleFailures(spec, table.cells)).toEqual([]);
    expect(await oracleInsiderFailures(spec, contributions, table.cells, false)).toEqual([]);
    // ...and every pattern of 2 secondary cells fails one of them (the minimum with C is 3)
    for (const p of patterns(table.cells, 2)) {
      const failures = [...(await oracleFailures(spec, p)), ...(await oracleInsiderFailures(spec, contributions, p, false))];
      expect(failures).not.toEqual([]);
    }
  });
});

describe('releaseDetermined', () => {
  it('publishes a withheld cell the published cells give exactly, and no cell of the rectangle that protects the primary', async () => {
    const spec = twoWay({ minValue: 3 }, ['r1', 'r2', 'r3'], ['c1', 'c2']);
    const linked = linkedOf(spec);
    const { cube, primary, truth } = await prepare(linked, { [SINGLE]: oneContributorPerCell(['r1', 'r2', 'r3'], ['c1', 'c2'], [[1, 5], [6, 7], [8, 9]]) });
    const name = (c: number) => cube.cells[c].codes.map((i, d) => cube.dims[d].codes[i]).join(' ');
    const withheld = ['r1 c1', 'r1 c2', 'r2 c1', 'r2 c2', 'r3 T'];
    const suppressed = cube.cells.map((_, c) => withheld.includes(name(c)));
    expect(primary.flatMap((p, c) => (p ? [name(c)] : []))).toEqual(['r1 c1']);
    const released = await releaseDetermined({ cube, primary, suppressed, truth, spec: linked, insider: true });
    // r3 T = r3 c1 + r3 c2, both published: anyone computes 17
    expect(released).toBe(1);
    expect(suppressed.flatMap((s, c) => (s ? [name(c)] : [])).sort()).toEqual(['r1 c1', 'r1 c2', 'r2 c1', 'r2 c2']);
  });
});
