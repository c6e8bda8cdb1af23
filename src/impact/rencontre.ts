/**
 * Espaces de rencontre: descriptive paths only (no comparison group: measures are ordered by judges in
 * the most conflictual cases). For the children whose measure ended in autonomous visiting
 * (`issue` = `exercice_autonome`), the Kaplan–Meier curve of lasting autonomy — no new measure and no
 * return to the family court — month by month after the end of the measure, by origin of the measure
 * (`jaf`, `juge_enfants`, `spontanee`), censored at `horizon` months or at the end of the data
 * (31 December of the run's year). Each curve's steps follow the same publication rule as the
 * mediation curves (at least 11 children at risk, events 0 or at least 11 between published steps).
 *
 * @example
 *   const curves = await rencontrePaths(connection, 2025, { rencontre: 'suivi_rencontre', justice: 'suivi_justice' });
 *   curves.find((c) => c.origin === 'jaf')?.steps; // [{ month: 3, survival: 0.93 }, …]
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { kaplanMeier, publishedMonths } from './km.ts';
import { impactRules, type ImpactRules } from './rules.ts';

export const ORIGINS = ['jaf', 'juge_enfants', 'spontanee'] as const;
export type Origin = (typeof ORIGINS)[number];

export interface RencontreCurve {
  origin: Origin;
  steps: { month: number; survival: number }[];
}

const ident = (name: string): string => `"${name.replaceAll('"', '""')}"`;
const monthIndex = (col: string): string =>
  `(TRY_CAST(substr(${col}, 1, 4) AS INTEGER) * 12 + TRY_CAST(substr(${col}, 6, 2) AS INTEGER) - 1)`;

/** `impact_rencontre_paths(enfant, departement, origine, km_time, km_event)`: one row per autonomous exit */
export function rencontrePathsSql(tables: { rencontre: string; justice: string }, year: number, horizon: number): string {
  return `
CREATE OR REPLACE TABLE impact_rencontre_paths AS
WITH m AS (
  SELECT CAST(enfant AS VARCHAR) AS enfant, CAST(departement AS VARCHAR) AS departement, CAST(origine AS VARCHAR) AS origine, CAST(issue AS VARCHAR) AS issue,
    ${monthIndex('CAST(debut AS VARCHAR)')} AS start_mi, ${monthIndex('CAST(fin AS VARCHAR)')} AS end_mi
  FROM ${ident(tables.rencontre)}
),
exits AS (SELECT * FROM m WHERE issue = 'exercice_autonome' AND end_mi IS NOT NULL AND end_mi < ${(year + 1) * 12 - 1}),
j AS (
  SELECT CAST(enfant AS VARCHAR) AS enfant,
    ${monthIndex(`coalesce(nullif(CAST(saisine AS VARCHAR), ''), CAST(decision AS VARCHAR))`)} AS mi
  FROM ${ident(tables.justice)}
),
next AS (
  SELECT e.enfant, e.end_mi, min(x.mi - e.end_mi) AS first_month FROM exits e
  JOIN (SELECT enfant, start_mi AS mi FROM m UNION ALL SELECT enfant, mi FROM j) x ON x.enfant = e.enfant AND x.mi > e.end_mi
  GROUP BY e.enfant, e.end_mi
)
SELECT e.enfant, e.departement, e.origine,
  CASE WHEN n.first_month IS NOT NULL AND n.first_month <= least(${horizon}, ${(year + 1) * 12 - 1} - e.end_mi) THEN n.first_month
       ELSE least(${horizon}, ${(year + 1) * 12 - 1} - e.end_mi) END AS km_time,
  CAST(coalesce(n.first_month <= least(${horizon}, ${(year + 1) * 12 - 1} - e.end_mi), false) AS INTEGER) AS km_event
FROM exits e LEFT JOIN next n ON n.enfant = e.enfant AND n.end_mi = e.end_mi
ORDER BY e.origine, e.enfant, e.end_mi`;
}

export async function rencontrePaths(
  connection: DuckDBConnection,
  year: number,
  tables: { rencontre: string; justice: string },
  rules: ImpactRules = impactRules,
): Promise<RencontreCurve[]> {
  await connection.run(rencontrePathsSql(tables, year, rules.horizonMonths));
  const rows = (await connection.runAndReadAll(
    'SELECT origine, km_time, km_event, count(*) AS n FROM impact_rencontre_paths GROUP BY ALL ORDER BY ALL',
  )).getRowObjectsJS();
  return ORIGINS.map((origin) => {
    const records = rows.filter((r) => r.origine === origin).map((r) => ({ time: Number(r.km_time), event: Number(r.km_event), weight: Number(r.n) }));
    const curve = kaplanMeier(records, rules.horizonMonths);
    const months = publishedMonths([curve], rules);
    return { origin, steps: months.map((month) => ({ month, survival: Math.round(curve[month - 1].survival * 10_000) / 10_000 })) };
  });
}
