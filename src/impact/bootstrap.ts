/**
 * The Poisson bootstrap over families, inside DuckDB, replicate block by replicate block (memory stays
 * bounded by one block's sums). Per block, three groupings of the weighted units, each as small as
 * its use allows: the matched units by replicate and stratum (the matched effects, the only large
 * grouping: a stratum's treated and comparison sums side by side, one row each); the unmatched units
 * by replicate, department and cohort (with the matched strata's sums, the naive differences: they
 * need no strata); the matched units by
 * replicate, arm and survival time (the survival counts, each comparison child weighted by its
 * stratum's CEM weight of the full sample: the bands hold the matched strata's weights fixed, which
 * keeps the grouping small). The strata are then summed per department before the territories (a
 * department belongs to three: France, its half, its region), so the join to the territories is on
 * a few rows per replicate. Replicate 0 gives every family the weight 1: it is the point estimate,
 * computed by the very same SQL. Sums of weights and outcomes are whole numbers held in doubles (exact
 * below 2^53, in any order); other sums use DuckDB's compensated `fsum`.
 *
 * Tables written, every figure a proportion (not yet percentage points):
 * - `impact_boot_effects(r, geo, cohort, nt, nc, p1…p4, e1…e4)`: the matched arms' (weighted)
 *   sizes, the treated rate and the matched effect (ATT) per replicate;
 * - `impact_boot_naive(r, geo, cohort, wt, wc, t1…t4, c1…c4)`: the arms' weighted sums, all children
 *   (the same stratum sums rolled up, matched or not);
 * - `impact_boot_km(r, treated, km_time, km_event, wsum)`: weighted survival counts, matched strata.
 *
 * @example
 *   await runBootstrap(connection, { replicates: 500, seed: 2024, lastCohort: 2023 });
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { poissonWeightSql } from './poisson.ts';

export interface BootstrapOptions {
  replicates: number;
  seed: number;
  /** last cohort whose 24-month outcomes are observed */
  lastCohort: number;
  /** replicates per block (memory ∝ block × matched strata) */
  block?: number;
}

const weighted = (table: string, where: string, r0: number, r1: number, seed: number): string => `
  SELECT u.*, CASE WHEN u.r = 0 THEN 1 ELSE ${poissonWeightSql('u.hu')} END AS w
  FROM (SELECT CAST(rr.r AS INTEGER) AS r, x.*, hash(x.h, rr.r, ${seed}) AS hu
        FROM ${table} x, range(${r0}, ${r1}) rr(r) WHERE ${where}) u`;

export async function runBootstrap(connection: DuckDBConnection, options: BootstrapOptions): Promise<void> {
  const { replicates, seed, lastCohort } = options;
  // small populations: every replicate in one pass; large ones: about 20 million weighted rows a pass
  const units = Number((await (await connection.runAndReadAll('SELECT count(*) AS n FROM impact_units')).getRowObjectsJS())[0].n);
  const block = options.block ?? Math.max(5, Math.min(replicates + 1, Math.floor(20_000_000 / Math.max(1, units))));
  await connection.run(`
CREATE OR REPLACE TABLE impact_boot_effects (r INTEGER, geo VARCHAR, cohort INTEGER, nt BIGINT, nc BIGINT, p1 DOUBLE, p2 DOUBLE, p3 DOUBLE, p4 DOUBLE, e1 DOUBLE, e2 DOUBLE, e3 DOUBLE, e4 DOUBLE);
CREATE OR REPLACE TABLE impact_boot_naive (r INTEGER, geo VARCHAR, cohort INTEGER, wt BIGINT, wc BIGINT, t1 BIGINT, t2 BIGINT, t3 BIGINT, t4 BIGINT, c1 BIGINT, c2 BIGINT, c3 BIGINT, c4 BIGINT);
CREATE OR REPLACE TABLE impact_boot_km (r INTEGER, treated BOOLEAN, km_time INTEGER, km_event INTEGER, wsum DOUBLE);
-- the units of the cohorts estimated, and each matched stratum's department and cohort
CREATE OR REPLACE TEMP TABLE impact_boot_units AS SELECT * FROM impact_units WHERE cohort <= ${lastCohort};
CREATE OR REPLACE TEMP TABLE impact_boot_km_units AS SELECT h, treated, km_key, n, rho FROM impact_units WHERE matched;`);
  const arm = (treated: boolean, e: string): string => `sum(CASE WHEN ${treated ? '' : 'NOT '}treated THEN (w * ${e})::DOUBLE ELSE 0 END)`;
  const outcomes = ['y1', 'y2', 'y3', 'y4'];
  const kept = 'b.wt > 0 AND b.wc > 0';
  for (let r0 = 0; r0 <= replicates; r0 += block) {
    const r1 = Math.min(replicates + 1, r0 + block);
    await connection.run(`
CREATE OR REPLACE TEMP TABLE impact_boot_strata AS
SELECT r, stratum_id, ${arm(true, 'n')} AS wt, ${arm(false, 'n')} AS wc,
  ${outcomes.map((y, i) => `${arm(true, y)} AS t${i + 1}, ${arm(false, y)} AS c${i + 1}`).join(', ')}
FROM (${weighted('impact_boot_units', 'x.matched', r0, r1, seed)})
GROUP BY r, stratum_id;

-- matched strata summed per department: the matched effects' sums (a stratum that lost its treated
-- or its comparisons in a replicate is dropped) and, all strata kept, the naive sums of matched units
CREATE OR REPLACE TEMP TABLE impact_boot_dep AS
SELECT b.r, s.departement, s.cohort,
  sum(b.wt) FILTER (WHERE ${kept}) AS nt, sum(b.wc) FILTER (WHERE ${kept}) AS nc,
  ${[1, 2, 3, 4].map((i) => `sum(b.t${i}) FILTER (WHERE ${kept}) AS mt${i}, fsum(b.wt * (b.t${i} / b.wt - b.c${i} / b.wc)) FILTER (WHERE ${kept}) AS d${i}`).join(', ')},
  sum(b.wt) AS wt, sum(b.wc) AS wc, ${[1, 2, 3, 4].map((i) => `sum(b.t${i}) AS t${i}, sum(b.c${i}) AS c${i}`).join(', ')}
FROM impact_boot_strata b JOIN impact_strata s ON s.stratum_id = b.stratum_id
GROUP BY b.r, s.departement, s.cohort;

INSERT INTO impact_boot_effects
SELECT d.r, g.geo, d.cohort, sum(d.nt), sum(d.nc),
  ${[1, 2, 3, 4].map((i) => `sum(d.mt${i}) / sum(d.nt)`).join(', ')},
  ${[1, 2, 3, 4].map((i) => `fsum(d.d${i}) / sum(d.nt)`).join(', ')}
FROM impact_boot_dep d JOIN impact_geo g ON g.departement = d.departement
GROUP BY d.r, g.geo, d.cohort
HAVING sum(d.nt) IS NOT NULL;

-- naive sums: the matched units' (above) and the unmatched units', scanned apart (few)
INSERT INTO impact_boot_naive
SELECT n.r, g.geo, n.cohort, coalesce(sum(n.wt), 0), coalesce(sum(n.wc), 0),
  ${[1, 2, 3, 4].map((i) => `sum(n.t${i})`).join(', ')}, ${[1, 2, 3, 4].map((i) => `sum(n.c${i})`).join(', ')}
FROM (
  SELECT r, departement, cohort, wt, wc, ${[1, 2, 3, 4].map((i) => `t${i}, c${i}`).join(', ')} FROM impact_boot_dep
  UNION ALL
  SELECT r, departement, cohort, ${arm(true, 'n')}, ${arm(false, 'n')},
    ${outcomes.map((y) => `${arm(true, y)}, ${arm(false, y)}`).join(', ')}
  FROM (${weighted('impact_boot_units', 'NOT x.matched', r0, r1, seed)})
  GROUP BY r, departement, cohort
) n JOIN impact_geo g ON g.departement = n.departement
GROUP BY n.r, g.geo, n.cohort;

INSERT INTO impact_boot_km
SELECT r, treated, km_key // 2, km_key % 2, wk FROM (
  SELECT r, treated, km_key, fsum(w * n * rho) AS wk
  FROM (${weighted('impact_boot_km_units', 'true', r0, r1, seed)})
  GROUP BY r, treated, km_key
) WHERE wk > 0;`);
  }
  await connection.run('DROP TABLE IF EXISTS impact_boot_strata; DROP TABLE IF EXISTS impact_boot_dep; DROP TABLE IF EXISTS impact_boot_units; DROP TABLE IF EXISTS impact_boot_km_units');
}
