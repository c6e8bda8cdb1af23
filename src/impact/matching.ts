/**
 * Coarsened exact matching (Iacus, King and Porro, 2012) as SQL over `impact_children`.
 *
 * The covariates are already coarsened into `stratum` (see population.ts). A stratum of a cohort is
 * matched when it holds at least one treated and one comparison child; the others are dropped.
 * Weights, for the average effect on the treated (ATT): 1 for a matched treated child, and
 * (m_C / m_T) · (n_T,s / n_C,s) for a matched comparison child of stratum s, where m_T and m_C count the
 * matched treated and comparison children of the cohort: the comparison children of a stratum then
 * weigh as much as its treated ones, and the weights of the comparison group sum to m_C.
 *
 * @example
 *   await connection.run(strataSql()); // impact_strata(cohort, stratum, stratum_id, departement, n_t, n_c, matched, weight_c)
 *   await connection.run(unitsSql());  // impact_units: the families, the bootstrap's units
 */

/** `impact_strata`: one row per cohort and stratum, with the comparison weight of its children */
export function strataSql(): string {
  return `
CREATE OR REPLACE TABLE impact_strata AS
WITH s AS (
  SELECT cohort, stratum, any_value(departement) AS departement,
    count(*) FILTER (WHERE treated) AS n_t, count(*) FILTER (WHERE NOT treated) AS n_c
  FROM impact_children GROUP BY cohort, stratum
),
m AS (
  SELECT cohort, sum(n_t) AS m_t, sum(n_c) AS m_c FROM s WHERE n_t > 0 AND n_c > 0 GROUP BY cohort
)
SELECT s.cohort, s.stratum, CAST(row_number() OVER (ORDER BY s.cohort, s.stratum) AS INTEGER) AS stratum_id,
  s.departement, s.n_t, s.n_c, (s.n_t > 0 AND s.n_c > 0) AS matched,
  CASE WHEN s.n_t > 0 AND s.n_c > 0 THEN (m.m_c / m.m_t) * (s.n_t / s.n_c) ELSE 0 END AS weight_c
FROM s LEFT JOIN m ON m.cohort = s.cohort
ORDER BY s.cohort, s.stratum`;
}

/**
 * `impact_units`: the bootstrap's resampling units — one row per family, stratum, arm and survival
 * time (children of one family almost always share them), with the family's hash, its number of
 * children, the sums of their outcomes, `arm_id` (stratum × 2 + treated, one grouping key),
 * `km_key` (survival month × 2 + event) and `rho`, the unit's CEM weight in the survival curves (1 for
 * a matched treated child, the stratum's comparison weight for a matched comparison child, 0
 * unmatched). The weight of a family is drawn from `h` alone, so its rows move together.
 */
export function unitsSql(): string {
  return `
CREATE OR REPLACE TABLE impact_units AS
SELECT hash(c.famille) AS h, s.stratum_id, s.departement, c.cohort, c.treated, s.matched, c.full_horizon,
  c.km_time, c.km_event,
  CAST(s.stratum_id * 2 + CAST(c.treated AS INTEGER) AS INTEGER) AS arm_id,
  CAST(c.km_time * 2 + c.km_event AS INTEGER) AS km_key,
  CASE WHEN NOT s.matched THEN 0 WHEN c.treated THEN 1 ELSE s.weight_c END AS rho,
  CAST(count(*) AS INTEGER) AS n,
  CAST(sum(c.y_retour_juge) AS INTEGER) AS y1, CAST(sum(c.y_asf) AS INTEGER) AS y2,
  CAST(sum(c.y_af_partagees) AS INTEGER) AS y3, CAST(sum(c.y_intermediation) AS INTEGER) AS y4
FROM impact_children c JOIN impact_strata s ON s.cohort = c.cohort AND s.stratum = c.stratum
GROUP BY c.famille, s.stratum_id, s.departement, c.cohort, c.treated, s.matched, s.weight_c, c.full_horizon, c.km_time, c.km_event`;
}
