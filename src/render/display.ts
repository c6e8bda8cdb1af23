/**
 * The decimals a code is shown with: its own where the catalogue gives them (ETP: 1), else its
 * table's — as the CSV tables of the indicators stage, so a reader finds the same figure in the CSV,
 * the report and the workbook. What a missing figure shows (`-`, `nd`, `///`, `ns`) is in
 * `PublicationTable.marks`.
 */
import type { PublicationTable } from '../model/publication.ts';

export function codeDecimals(table: PublicationTable, code: string): number {
  return table.codeDecimals?.[code] ?? table.decimals;
}
