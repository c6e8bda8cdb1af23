/**
 * The Poisson bootstrap over families, inside DuckDB, replicate block by replicate block (memory stays
 * bounded by one block's sums). One weighted scan of the units per block, two groupings: by stratum
 * and arm (whence the matched effects and, rolled up, the naive differences) and by arm and survival
 * time (the survival counts, each comparison child weighted by its stratum's CEM weight of the full
 * sample: the bands hold the matched strata's weights fixed, which keeps the grouping small). Replicate
 * 0 gives every family the weight 1: it is the point estimate, computed by the very same SQL. Sums of
 * weights and outcomes are integers (exact in any order); other sums use DuckDB's compensated `fsum`.
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
CREATE OR REPLACE TABLE impact_boot_km (r INTEGER, treated BOOLEAN, km_time INTEGER, km_event INTEGER, wsum DOUBLE);`);
  for (let r0 = 0; r0 <= replicates; r0 += block) {
    const r1 = Math.min(replicates + 1, r0 + block);
    await connection.run(`
CREATE OR REPLACE TEMP TABLE impact_boot_scan AS
SELECT r, arm_id, treated, km_key, GROUPING(arm_id) AS survival_set,
  sum(w * n) AS wn, sum(w * y1) AS y1, sum(w * y2) AS y2, sum(w * y3) AS y3, sum(w * y4) AS y4,
  fsum(w * n * rho) AS wk
FROM (${weighted('impact_units', 'true', r0, r1, seed)})
GROUP BY GROUPING SETS ((r, arm_id), (r, treated, km_key));

CREATE OR REPLACE TEMP TABLE impact_boot_strata AS
SELECT r, arm_id // 2 AS stratum_id,
  sum(wn) FILTER (WHERE arm_id % 2 = 1) AS wt, sum(wn) FILTER (WHERE arm_id % 2 = 0) AS wc,
  sum(y1) FILTER (WHERE arm_id % 2 = 1) AS t1, sum(y2) FILTER (WHERE arm_id % 2 = 1) AS t2,
  sum(y3) FILTER (WHERE arm_id % 2 = 1) AS t3, sum(y4) FILTER (WHERE arm_id % 2 = 1) AS t4,
  sum(y1) FILTER (WHERE arm_id % 2 = 0) AS c1, sum(y2) FILTER (WHERE arm_id % 2 = 0) AS c2,
  sum(y3) FILTER (WHERE arm_id % 2 = 0) AS c3, sum(y4) FILTER (WHERE arm_id % 2 = 0) AS c4
FROM impact_boot_scan WHERE survival_set = 0
GROUP BY r, arm_id // 2;

INSERT INTO impact_boot_effects
SELECT b.r, g.geo, s.cohort, sum(b.wt), sum(b.wc),
  sum(b.t1) / sum(b.wt), sum(b.t2) / sum(b.wt), sum(b.t3) / sum(b.wt), sum(b.t4) / sum(b.wt),
  fsum(b.wt * (b.t1 / b.wt - b.c1 / b.wc)) / sum(b.wt), fsum(b.wt * (b.t2 / b.wt - b.c2 / b.wc)) / sum(b.wt),
  fsum(b.wt * (b.t3 / b.wt - b.c3 / b.wc)) / sum(b.wt), fsum(b.wt * (b.t4 / b.wt - b.c4 / b.wc)) / sum(b.wt)
FROM impact_boot_strata b JOIN impact_strata s ON s.stratum_id = b.stratum_id
  JOIN impact_geo g ON g.departement = s.departement
WHERE b.wt > 0 AND b.wc > 0 AND s.cohort <= ${lastCohort}
GROUP BY b.r, g.geo, s.cohort;

INSERT INTO impact_boot_naive
SELECT b.r, g.geo, s.cohort,
  coalesce(sum(b.wt), 0), coalesce(sum(b.wc), 0), sum(b.t1), sum(b.t2), sum(b.t3), sum(b.t4),
  sum(b.c1), sum(b.c2), sum(b.c3), sum(b.c4)
FROM impact_boot_strata b JOIN impact_strata s ON s.stratum_id = b.stratum_id
  JOIN impact_geo g ON g.departement = s.departement
WHERE s.cohort <= ${lastCohort}
GROUP BY b.r, g.geo, s.cohort;

INSERT INTO impact_boot_km
SELECT r, treated, km_key // 2, km_key % 2, wk
FROM impact_boot_scan WHERE survival_set = 1 AND wk > 0;`);
  }
  await connection.run('DROP TABLE IF EXISTS impact_boot_strata; DROP TABLE IF EXISTS impact_boot_scan');
}
