/**
 * Population, treatment, covariates and outcomes of the impact estimates, as SQL over the follow-up
 * tables of issue 23 (`caf`, `mediation`, `justice`, every year stacked, codes as in the files).
 *
 * - Population of cohort c: children whose CAF situation goes from `monoparentale` 0 (31 December
 *   c − 1) to 1 (31 December c): their family separated during year c, whatever happens next.
 * - Treated: a mediation (any frame) starting between 1 July c − 1 and 31 December c + 1 (six months
 *   before to twelve months after the separation year).
 * - Time origin: the end of year c (the CAF snapshot that shows the separation). Month 1 is January
 *   c + 1; the 24-month horizon is December c + 2.
 * - Outcomes at the horizon: `retour_juge`, a family-court case (first application or modification,
 *   dated by its `saisine`, else its `decision`) concerning the child in months 1 to 24; `asf`,
 *   `af_partagees`, `intermediation`: the CAF situation at 31 December c + 2 (a child no longer in
 *   the CAF files counts 0: no benefit is paid for him).
 * - Covariates (coarsened as the issue says, the stratum of the coarsened exact matching): department
 *   and year (cohort), number of children of the family (1, 2, 3+), age of the youngest (0–2, 3–5,
 *   6–10, 11–17), income quintile, an earlier family-court case (before year c), `asf` at 31
 *   December c − 1.
 * - Survival: months to the first court case after the origin, censored at the horizon or at the end
 *   of the data (31 December of the run's year).
 *
 * @example
 *   await connection.run(populationSql({ caf: 'suivi_caf', mediation: 'suivi_mediation', justice: 'suivi_justice' }, 2025, 24));
 */
import type { SuiviTables } from './rules.ts';

const ident = (name: string): string => `"${name.replaceAll('"', '""')}"`;

/** year × 12 + month − 1 of an `AAAA-MM-JJ` or `AAAA-MM` date (NULL when absent or malformed) */
const monthIndex = (col: string): string =>
  `(TRY_CAST(substr(${col}, 1, 4) AS INTEGER) * 12 + TRY_CAST(substr(${col}, 6, 2) AS INTEGER) - 1)`;

/**
 * Builds the table `impact_children`: one row per child of every cohort whose separation year is
 * observed (c − 1 and c in the CAF files) and c ≤ `year` − 1, with `stratum` (the coarsened
 * covariates), `treated`, the four outcomes (`y_*`, 0/1, meaningful where `full_horizon`), and
 * `km_time` / `km_event` for the survival curves.
 */
export function populationSql(tables: SuiviTables, year: number, horizon: number): string {
  // the CAF files are read three times, each time for the few columns and rows needed: never copied whole
  const caf = (columns: string, where: string): string =>
    `(SELECT ${columns} FROM ${ident(tables.caf)} WHERE ${where})`;
  const int = (c: string): string => `CAST(${c} AS INTEGER)`;
  return `
CREATE OR REPLACE TEMP TABLE impact_pop AS
SELECT cur.enfant, cur.famille, cur.annee AS cohort, cur.departement, cur.quintile, prev.asf AS asf_before
FROM ${caf(`CAST(enfant AS VARCHAR) AS enfant, CAST(famille AS VARCHAR) AS famille, ${int('annee')} AS annee, CAST(departement AS VARCHAR) AS departement, ${int('quintile_niveau_vie')} AS quintile`, `${int('monoparentale')} = 1 AND ${int('annee')} <= ${year - 1}`)} cur
JOIN ${caf(`CAST(enfant AS VARCHAR) AS enfant, ${int('annee')} AS annee, ${int('asf')} AS asf`, `${int('monoparentale')} = 0`)} prev
  ON prev.enfant = cur.enfant AND prev.annee = cur.annee - 1;

-- the families of the population only (not the whole CAF files)
CREATE OR REPLACE TEMP TABLE impact_fam AS
SELECT f.famille, f.annee, count(DISTINCT f.enfant) AS n_children, min(f.age) AS youngest
FROM ${caf(`CAST(famille AS VARCHAR) AS famille, CAST(enfant AS VARCHAR) AS enfant, ${int('annee')} AS annee, ${int('age')} AS age`, 'true')} f
SEMI JOIN (SELECT DISTINCT famille, cohort FROM impact_pop) k ON k.famille = f.famille AND k.cohort = f.annee
GROUP BY f.famille, f.annee;

-- the situation at the horizon (31 December c + 2)
CREATE OR REPLACE TEMP TABLE impact_horizon AS
SELECT o.enfant, o.annee - 2 AS cohort, max(o.asf) AS asf, max(o.af) AS af, max(o.inter) AS inter
FROM ${caf(`CAST(enfant AS VARCHAR) AS enfant, ${int('annee')} AS annee, ${int('asf')} AS asf, ${int('af_partagees')} AS af, ${int('intermediation')} AS inter`, 'true')} o
SEMI JOIN impact_pop p ON p.enfant = o.enfant AND p.cohort = o.annee - 2
GROUP BY o.enfant, o.annee;

CREATE OR REPLACE TABLE impact_children AS
WITH jus AS (
  SELECT CAST(enfant AS VARCHAR) AS enfant,
    ${monthIndex(`coalesce(nullif(CAST(saisine AS VARCHAR), ''), CAST(decision AS VARCHAR))`)} AS mi
  FROM ${ident(tables.justice)}
),
med AS (
  SELECT CAST(enfant AS VARCHAR) AS enfant, ${monthIndex('CAST(debut AS VARCHAR)')} AS mi
  FROM ${ident(tables.mediation)}
),
treat AS (
  SELECT DISTINCT p.enfant, p.cohort FROM impact_pop p JOIN med ON med.enfant = p.enfant
  WHERE med.mi BETWEEN (p.cohort - 1) * 12 + 6 AND (p.cohort + 1) * 12 + 11
),
prior AS (
  SELECT DISTINCT p.enfant, p.cohort FROM impact_pop p JOIN jus ON jus.enfant = p.enfant
  WHERE jus.mi < p.cohort * 12
),
court AS (
  SELECT p.enfant, p.cohort, min(jus.mi - (p.cohort + 1) * 12 + 1) AS first_month
  FROM impact_pop p JOIN jus ON jus.enfant = p.enfant
  WHERE jus.mi >= (p.cohort + 1) * 12
  GROUP BY p.enfant, p.cohort
),
base AS (
  SELECT p.enfant, p.famille, p.cohort, p.departement,
    least(${horizon}, (${year} - p.cohort) * 12) AS follow_up,
    p.cohort <= ${year - 2} AS full_horizon,
    concat_ws('|', p.departement,
      CASE WHEN f.n_children >= 3 THEN '3+' ELSE CAST(f.n_children AS VARCHAR) END,
      CASE WHEN f.youngest <= 2 THEN '0-2' WHEN f.youngest <= 5 THEN '3-5' WHEN f.youngest <= 10 THEN '6-10' ELSE '11-17' END,
      'q' || CAST(p.quintile AS VARCHAR),
      CASE WHEN pr.enfant IS NULL THEN 'j0' ELSE 'j1' END,
      'asf' || CAST(coalesce(p.asf_before, 0) AS VARCHAR)) AS stratum,
    t.enfant IS NOT NULL AS treated,
    c.first_month,
    coalesce(o.asf, 0) AS y_asf, coalesce(o.af, 0) AS y_af_partagees, coalesce(o.inter, 0) AS y_intermediation
  FROM impact_pop p
  JOIN impact_fam f ON f.famille = p.famille AND f.annee = p.cohort
  LEFT JOIN treat t ON t.enfant = p.enfant AND t.cohort = p.cohort
  LEFT JOIN prior pr ON pr.enfant = p.enfant AND pr.cohort = p.cohort
  LEFT JOIN court c ON c.enfant = p.enfant AND c.cohort = p.cohort
  LEFT JOIN impact_horizon o ON o.enfant = p.enfant AND o.cohort = p.cohort
)
SELECT enfant, famille, cohort, departement, stratum, treated, full_horizon,
  CAST(coalesce(first_month <= ${horizon}, false) AS INTEGER) AS y_retour_juge,
  y_asf, y_af_partagees, y_intermediation,
  CASE WHEN first_month IS NOT NULL AND first_month <= follow_up THEN first_month ELSE follow_up END AS km_time,
  CAST(coalesce(first_month <= follow_up, false) AS INTEGER) AS km_event
FROM base;

DROP TABLE impact_pop; DROP TABLE impact_fam; DROP TABLE impact_horizon;`;
}
