/**
 * How a code is shown, where the publication does not say it per code (it carries one `decimals`
 * per table). Mirrors the catalogue (`pipelines/config/tables.json`) and the CSV tables of the
 * indicators stage, so a reader finds the same figure in the CSV, the report and the workbook:
 * - decimals of a code that differ from its table's (ETP: 1).
 * What a missing figure shows (`-`, `nd`, `///`, `ns`) is in `PublicationTable.marks`.
 */
import type { PublicationTable } from '../model/publication.ts';

const DECIMALS: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  'med-moyens': { etp_mediateurs: 1 },
};

export function codeDecimals(table: PublicationTable, code: string): number {
  return DECIMALS[table.meta.id]?.[code] ?? table.decimals;
}
