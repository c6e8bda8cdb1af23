import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { runBootstrap } from '../../src/impact/bootstrap.ts';
import { strataSql, unitsSql } from '../../src/impact/matching.ts';

/**
 * Cohort 2023, four strata:
 * A: 2 treated (outcomes 1, 0), 4 comparison (0, 0, 1, 0); B: 1 treated (1), 1 comparison (0);
 * C: 1 treated only; D: 3 comparison only. Families: F1 holds both treated children of A.
 */
const handExample: [string, string, string, boolean, number][] = [
  ['e1', 'F1', 'A', true, 1], ['e2', 'F1', 'A', true, 0],
  ['e3', 'F2', 'A', false, 0], ['e4', 'F3', 'A', false, 0], ['e5', 'F4', 'A', false, 1], ['e6', 'F5', 'A', false, 0],
  ['e7', 'F6', 'B', true, 1], ['e8', 'F7', 'B', false, 0],
  ['e9', 'F8', 'C', true, 1],
  ['e10', 'F9', 'D', false, 1], ['e11', 'F10', 'D', false, 0], ['e12', 'F11', 'D', false, 0],
];

async function withHandExample(): Promise<DuckDBConnection> {
  const connection = await (await DuckDBInstance.create(':memory:')).connect();
  const values = handExample
    .map(([e, f, s, t, y]) => `('${e}', '${f}', 2023, '75', '${s}', ${t}, true, ${y}, 0, 0, 0, 24, ${y})`)
    .join(', ');
  await connection.run(`CREATE TABLE impact_children (enfant VARCHAR, famille VARCHAR, cohort INTEGER, departement VARCHAR, stratum VARCHAR,
    treated BOOLEAN, full_horizon BOOLEAN, y_retour_juge INTEGER, y_asf INTEGER, y_af_partagees INTEGER, y_intermediation INTEGER,
    km_time INTEGER, km_event INTEGER); INSERT INTO impact_children VALUES ${values};
    CREATE TABLE impact_geo AS SELECT '75' AS departement, 'FR' AS geo;`);
  await connection.run(strataSql());
  await connection.run(unitsSql());
  return connection;
}

const read = async (c: DuckDBConnection, sql: string): Promise<Record<string, unknown>[]> =>
  (await c.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[];

describe('coarsened exact matching', () => {
  test('strata, matched flags and comparison weights match the hand computation', async () => {
    const c = await withHandExample();
    const strata = await read(c, 'SELECT stratum, n_t, n_c, matched, weight_c FROM impact_strata ORDER BY stratum');
    // m_T = 3 matched treated (A, B), m_C = 5 matched comparison: w_A = (5/3)(2/4) = 5/6, w_B = (5/3)(1/1) = 5/3
    expect(strata.map((s) => [s.stratum, Number(s.n_t), Number(s.n_c), s.matched])).toEqual([
      ['A', 2, 4, true], ['B', 1, 1, true], ['C', 1, 0, false], ['D', 0, 3, false],
    ]);
    expect(Number(strata[0].weight_c)).toBeCloseTo(5 / 6, 12);
    expect(Number(strata[1].weight_c)).toBeCloseTo(5 / 3, 12);
    expect(Number(strata[2].weight_c)).toBe(0);
    // the weights of the matched comparison children sum to m_C
    expect(4 * Number(strata[0].weight_c) + 1 * Number(strata[1].weight_c)).toBeCloseTo(5, 12);
  });

  test('the point estimate (replicate 0) is the hand-computed ATT and naive difference', async () => {
    const c = await withHandExample();
    await runBootstrap(c, { replicates: 20, seed: 1, lastCohort: 2023 });
    const [m] = await read(c, 'SELECT nt, nc, e1 FROM impact_boot_effects WHERE r = 0');
    // ATT = (2 · (1/2 − 1/4) + 1 · (1 − 0)) / 3 = 1/2
    expect(Number(m.nt)).toBe(3);
    expect(Number(m.nc)).toBe(5);
    expect(Number(m.e1)).toBeCloseTo(0.5, 12);
    const [n] = await read(c, 'SELECT wt, wc, t1, c1 FROM impact_boot_naive WHERE r = 0');
    // naive: 4 treated, 3 with the outcome; 8 comparison, 2 with it
    expect([Number(n.wt), Number(n.wc), Number(n.t1), Number(n.c1)]).toEqual([4, 8, 3, 2]);
  });
});

describe('Poisson bootstrap over families', () => {
  test('children of one family share their weight in every replicate', async () => {
    const c = await withHandExample();
    // F1's two children (one returns to court, one not) carry the family's hash…
    const f1 = await read(c, `SELECT sum(n) AS n FROM impact_units WHERE h = hash('F1')`);
    expect(Number(f1[0].n)).toBe(2);
    // …so a treated arm made of F1 alone always weighs an even number of children
    await c.run(`DELETE FROM impact_children WHERE treated AND famille <> 'F1'`);
    await c.run(strataSql());
    await c.run(unitsSql());
    await runBootstrap(c, { replicates: 200, seed: 3, lastCohort: 2023 });
    const rows = await read(c, 'SELECT r, wt FROM impact_boot_naive WHERE r > 0');
    expect(rows).toHaveLength(200);
    expect(rows.filter((r) => Number(r.wt) % 2 !== 0)).toEqual([]);
    expect(new Set(rows.map((r) => Number(r.wt))).size).toBeGreaterThan(2);
  });

  test('the weights are Poisson(1): eight one-child families weigh Poisson(8) (mean and variance near 8)', async () => {
    const c = await withHandExample();
    await runBootstrap(c, { replicates: 500, seed: 5, lastCohort: 2023 });
    // the comparison arm: 8 families of one child each, so its weighted size is Poisson(8)
    const rows = await read(c, 'SELECT wc FROM impact_boot_naive WHERE r > 0 ORDER BY r');
    const values = rows.map((r) => Number(r.wc));
    const mean = values.reduce((s, v) => s + v, 0) / values.length;
    expect(mean).toBeGreaterThan(7.3);
    expect(mean).toBeLessThan(8.7);
    const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / (values.length - 1);
    expect(variance).toBeGreaterThan(6);
    expect(variance).toBeLessThan(10.5);
  });

  test('two runs give the same replicates, another seed other ones', async () => {
    const run = async (seed: number): Promise<string> => {
      const c = await withHandExample();
      await runBootstrap(c, { replicates: 100, seed, lastCohort: 2023 });
      return JSON.stringify(await read(c, 'SELECT * FROM impact_boot_naive ORDER BY r, geo, cohort'), (_, v) => (typeof v === 'bigint' ? Number(v) : v));
    };
    const first = await run(9);
    expect(await run(9)).toBe(first);
    expect(await run(10)).not.toBe(first);
  });
});
