/**
 * Linkage and cohorts as SQL over DuckDB (in-process, in memory): the four follow-up sources are
 * linked on the child's pseudonym, each cohort built, and every outcome counted at each observable
 * horizon (definitions in `outcomes.ts`). Only counts leave DuckDB, at the leaf level (department,
 * unit, frame or origin, result or end): the protection engine adds them up the hierarchies.
 *
 * Dates are compared by month (`AAAA-MM-JJ` and coarsened `AAAA-MM` alike): a decision counts from
 * the month of the end to `horizon` months after.
 *
 * Two ways in: `cohortOutcomes` loads the rows `mfer annual` has read and checked; at national size
 * `cohortOutcomesFromCsv` (src/ingest/cohorts-csv.ts, as it reads files) lets DuckDB read the
 * contract's CSV files itself, then counts them with `countOutcomes`.
 *
 * @example
 *   const counts = await cohortOutcomes(followUp, 2025);
 *   counts[0]; // { scheme: "mediation", cohort: 2022, horizon: 12, departement: "05", …, outcome: "enfants", value: 3 }
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { SuiviFile, SuiviRow } from '../format/suivi.ts';
import { compareCounts, HORIZONS, OUTCOMES, type OutcomeCount, type Scheme } from './outcomes.ts';

/** The columns loaded per source (all text but the CAF's flags and year). */
const TABLES = {
  episodes: ['scheme', 'enfant', 'unit', 'departement', 'debut', 'fin', 'g1', 'g2'],
  justice: ['enfant', 'decision'],
  caf: ['enfant', 'annee', 'asf', 'intermediation', 'af_partagees'],
} as const;

async function load(connection: DuckDBConnection, table: keyof typeof TABLES, rows: Iterable<readonly (string | number)[]>): Promise<void> {
  const columns = TABLES[table];
  const types = columns.map((c) => (table === 'caf' && c !== 'enfant' ? 'INTEGER' : 'VARCHAR'));
  await connection.run(`CREATE TABLE ${table} (${columns.map((c, i) => `${c} ${types[i]}`).join(', ')})`);
  const appender = await connection.createAppender(table);
  for (const row of rows) {
    row.forEach((value, i) => (types[i] === 'INTEGER' ? appender.appendInteger(Number(value)) : appender.appendVarchar(String(value))));
    appender.endRow();
  }
  appender.closeSync();
}

function* episodes(files: readonly SuiviFile[]): Generator<(string | number)[]> {
  for (const file of files) {
    if (file.source !== 'mediation' && file.source !== 'rencontre') continue;
    const [unit, g1] = file.source === 'mediation' ? ['service', 'cadre'] : ['structure', 'origine'];
    for (const r of file.rows) yield [file.source, r.enfant, r[unit], r.departement, r.debut, r.fin, r[g1], r.issue];
  }
}

function* of(files: readonly SuiviFile[], source: SuiviFile['source'], columns: readonly string[]): Generator<(string | number)[]> {
  for (const file of files) if (file.source === source) for (const r of file.rows) yield columns.map((c) => (r as SuiviRow)[c]);
}

const outcomeSql = (scheme: Scheme): string => {
  const condition: Record<string, string> = {
    enfants: 'TRUE',
    retour_juge: 'retour_juge',
    exercice_autonome: "g2 = 'exercice_autonome'",
    autonomie_durable: 'autonomie_durable',
    connus_caf: 'connus_caf',
  };
  for (const flag of ['asf', 'intermediation', 'af_partagees']) {
    condition[`${flag}_avant`] = `connus_caf AND a_${flag} = 1`;
    condition[`${flag}_horizon`] = `connus_caf AND z_${flag} = 1`;
  }
  return OUTCOMES[scheme]
    .map((o) => `SELECT scheme, cohort, horizon, departement, unit, g1, g2, '${o}' AS outcome, count(*) AS value FROM flags WHERE scheme = '${scheme}' AND (${condition[o]}) GROUP BY ALL`)
    .join('\nUNION ALL\n');
};

/** The SQL of the stage, after the three tables are loaded; `latest` is the run's latest year. */
export function cohortSql(latest: number): string[] {
  return [
    `CREATE MACRO mi(d) AS CAST(substr(d, 1, 4) AS INTEGER) * 12 + CAST(substr(d, 6, 2) AS INTEGER) - 1`,
    // one episode per child, scheme and year of end: the last ended (ties broken on every column)
    `CREATE TABLE cohort AS
       SELECT scheme, enfant, unit, departement, g1, g2, mi(debut) AS m_debut, mi(fin) AS m_fin,
              CAST(substr(fin, 1, 4) AS INTEGER) AS cohort, CAST(substr(debut, 1, 4) AS INTEGER) AS y_debut
       FROM (SELECT *, row_number() OVER (PARTITION BY scheme, enfant, substr(fin, 1, 4)
                                          ORDER BY fin DESC, debut DESC, unit, departement, g1, g2) AS rank
             FROM episodes)
       WHERE rank = 1`,
    `CREATE TABLE decisions AS SELECT DISTINCT enfant, mi(decision) AS m FROM justice`,
    // a child twice in one year's CAF files (two CAFs): a flag set in either counts
    // only the children of a cohort are looked up (the national CAF files hold millions of others)
    `CREATE TABLE situations AS
       SELECT enfant, annee, max(asf) AS asf, max(intermediation) AS intermediation, max(af_partagees) AS af_partagees
       FROM caf WHERE enfant IN (SELECT enfant FROM cohort) GROUP BY enfant, annee`,
    `CREATE TABLE starts AS SELECT DISTINCT enfant, mi(debut) AS m FROM episodes WHERE scheme = 'rencontre'`,
    `CREATE TABLE flags AS
       SELECT c.*, h.horizon,
              EXISTS (SELECT 1 FROM decisions d WHERE d.enfant = c.enfant AND d.m BETWEEN c.m_fin AND c.m_fin + h.horizon) AS retour_juge,
              c.g2 = 'exercice_autonome'
                AND NOT EXISTS (SELECT 1 FROM decisions d WHERE d.enfant = c.enfant AND d.m BETWEEN c.m_fin AND c.m_fin + 12)
                AND NOT EXISTS (SELECT 1 FROM starts s WHERE s.enfant = c.enfant AND s.m > c.m_fin AND s.m <= c.m_fin + 12) AS autonomie_durable,
              a.enfant IS NOT NULL AND z.enfant IS NOT NULL AS connus_caf,
              a.asf AS a_asf, a.intermediation AS a_intermediation, a.af_partagees AS a_af_partagees,
              z.asf AS z_asf, z.intermediation AS z_intermediation, z.af_partagees AS z_af_partagees
       FROM cohort c
       CROSS JOIN (SELECT unnest([${HORIZONS.join(', ')}]) AS horizon) h
       LEFT JOIN situations a ON a.enfant = c.enfant AND a.annee = c.y_debut - 1
       LEFT JOIN situations z ON z.enfant = c.enfant AND z.annee = c.cohort + h.horizon // 12
       WHERE c.cohort + h.horizon // 12 <= ${Math.trunc(latest)}`,
  ];
}

/** The leaf counts once the tables `episodes`, `justice` and `caf` are loaded, sorted. */
export async function countOutcomes(connection: DuckDBConnection, latest: number): Promise<OutcomeCount[]> {
  for (const sql of cohortSql(latest)) await connection.run(sql);
  const reader = await connection.runAndReadAll(`${outcomeSql('mediation')}\nUNION ALL\n${outcomeSql('rencontre')}`);
  const out = reader.getRowObjects().map((r) => ({
    scheme: String(r.scheme) as Scheme,
    cohort: Number(r.cohort),
    horizon: Number(r.horizon),
    departement: String(r.departement),
    unit: String(r.unit),
    g1: String(r.g1),
    g2: String(r.g2),
    outcome: String(r.outcome),
    value: Number(r.value),
  }));
  return out.sort(compareCounts);
}

/** Every leaf count of every scheme, cohort and observable horizon, sorted (`compareCounts`). */
export async function cohortOutcomes(files: readonly SuiviFile[], latest: number): Promise<OutcomeCount[]> {
  // in memory; DuckDB spills to its own temporary files only beyond its memory limit
  const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
  const connection = await instance.connect();
  try {
    await load(connection, 'episodes', episodes(files));
    await load(connection, 'justice', of(files, 'justice', TABLES.justice));
    await load(connection, 'caf', of(files, 'caf', TABLES.caf));
    return await countOutcomes(connection, latest);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
