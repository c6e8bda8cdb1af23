/**
 * The follow-up contract's CSV files read by DuckDB itself (`read_csv`, only the columns used) into
 * the cohort counts of src/suivi/cohorts.ts, at national size: DuckDB works within a memory limit,
 * its temporary files in a folder of the caller's run. A loader, so it lives with the other reads.
 *
 * @example
 *   const counts = await cohortOutcomesFromCsv([{ source: 'caf', path: 'suivi/2025/caf.csv', delimiter: ';' }], 2025, { tempDir });
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { countOutcomes } from '../suivi/cohorts.ts';
import type { SuiviFile } from '../format/suivi.ts';
import type { OutcomeCount } from '../suivi/outcomes.ts';

/** A contract file on disk: its source, path and delimiter (`;` or `,`). */
export interface SuiviCsv {
  source: SuiviFile['source'];
  path: string;
  delimiter: ';' | ',';
}

const sqlText = (text: string) => `'${text.replaceAll("'", "''")}'`;
const readCsv = (file: SuiviCsv) => `read_csv(${sqlText(file.path)}, delim = ${sqlText(file.delimiter)}, header = true, all_varchar = true, quote = '"')`;

/** The SELECT of one source's columns (`TABLES`) from each of its files, or an empty table. */
function selectFrom(files: readonly SuiviCsv[], source: SuiviFile['source'], columns: string, empty: string): string {
  const reads = files.filter((f) => f.source === source).map((f) => `SELECT ${columns} FROM ${readCsv(f)}`);
  return reads.length > 0 ? reads.join('\nUNION ALL\n') : empty;
}

/**
 * `cohortOutcomes` on the contract's CSV files (UTF-8 or ASCII, as `mfer sample` and the partners'
 * `mfer pseudonymise` write them), read by DuckDB: only the columns used are loaded, and of the CAF
 * files only the children met in a mediation or measure. DuckDB works within `memoryLimit` and
 * spills to `tempDir` (a folder of the caller's run, which removes it).
 */
export async function cohortOutcomesFromCsv(files: readonly SuiviCsv[], latest: number, options: { tempDir: string; memoryLimit?: string }): Promise<OutcomeCount[]> {
  const instance = await DuckDBInstance.create(':memory:', { threads: '2', temp_directory: options.tempDir, memory_limit: options.memoryLimit ?? '2GB', preserve_insertion_order: 'false' });
  const connection = await instance.connect();
  try {
    const episodeColumns = (scheme: string, unit: string, g1: string) => `${sqlText(scheme)} AS scheme, enfant, ${unit} AS unit, departement, debut, fin, ${g1} AS g1, issue AS g2`;
    const none = (columns: string) => `SELECT ${columns} WHERE FALSE`;
    const episodes = [selectFrom(files, 'mediation', episodeColumns('mediation', 'service', 'cadre'), ''), selectFrom(files, 'rencontre', episodeColumns('rencontre', 'structure', 'origine'), '')].filter((q) => q !== '');
    await connection.run(`CREATE TABLE episodes AS ${episodes.length > 0 ? episodes.join('\nUNION ALL\n') : none("''::VARCHAR AS scheme, ''::VARCHAR AS enfant, ''::VARCHAR AS unit, ''::VARCHAR AS departement, ''::VARCHAR AS debut, ''::VARCHAR AS fin, ''::VARCHAR AS g1, ''::VARCHAR AS g2")}`);
    await connection.run(`CREATE TABLE justice AS ${selectFrom(files, 'justice', 'enfant, decision', none("''::VARCHAR AS enfant, ''::VARCHAR AS decision"))}`);
    const cafColumns = 'enfant, CAST(annee AS INTEGER) AS annee, CAST(asf AS INTEGER) AS asf, CAST(intermediation AS INTEGER) AS intermediation, CAST(af_partagees AS INTEGER) AS af_partagees';
    await connection.run(
      `CREATE TABLE caf AS SELECT * FROM (${selectFrom(files, 'caf', cafColumns, none("''::VARCHAR AS enfant, 0 AS annee, 0 AS asf, 0 AS intermediation, 0 AS af_partagees"))}) WHERE enfant IN (SELECT enfant FROM episodes)`,
    );
    return await countOutcomes(connection, latest);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
