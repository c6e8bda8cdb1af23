/**
 * The follow-up files of `mfer annual` (issue 23's parsed `SuiviFile`s) loaded into DuckDB as the
 * tables the impact method reads (`suivi_caf`, `suivi_mediation`, `suivi_justice`,
 * `suivi_rencontre`, every year stacked), with only the columns it uses. Values go in as text: the
 * method's SQL casts what it compares (population.ts, rencontre.ts).
 *
 * @example
 *   await loadFollowUpTables(connection, files);
 *   await impactTables(connection, 2025, departments);
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { SuiviFile } from '../format/suivi.ts';
import type { SuiviSource } from '../suivi/contract.ts';

/** per source, its table and the columns the impact method reads */
export const IMPACT_COLUMNS: Readonly<Record<SuiviSource, { table: string; columns: readonly string[] }>> = {
  caf: { table: 'suivi_caf', columns: ['enfant', 'famille', 'annee', 'departement', 'age', 'quintile_niveau_vie', 'monoparentale', 'asf', 'intermediation', 'af_partagees'] },
  mediation: { table: 'suivi_mediation', columns: ['enfant', 'famille', 'debut'] },
  justice: { table: 'suivi_justice', columns: ['enfant', 'saisine', 'decision'] },
  rencontre: { table: 'suivi_rencontre', columns: ['enfant', 'departement', 'origine', 'issue', 'debut', 'fin'] },
};

export async function loadFollowUpTables(connection: DuckDBConnection, files: readonly SuiviFile[]): Promise<void> {
  for (const [source, { table, columns }] of Object.entries(IMPACT_COLUMNS) as [SuiviSource, (typeof IMPACT_COLUMNS)[SuiviSource]][]) {
    await connection.run(`CREATE OR REPLACE TABLE ${table} (${columns.map((c) => `${c} VARCHAR`).join(', ')})`);
    const appender = await connection.createAppender(table);
    for (const file of files) {
      if (file.source !== source) continue;
      for (const row of file.rows) {
        for (const c of columns) appender.appendVarchar(String(row[c] ?? ''));
        appender.endRow();
      }
    }
    appender.closeSync();
  }
}
