/**
 * What the catalogue says of how a table is shown, read from the typed table only (no renderer keeps
 * a map keyed by table id): the decimals of a code, its headline figures and evolution series. What a
 * missing figure shows (`-`, `nd`, `///`, `ns`) is in `PublicationTable.marks`.
 *
 * @example
 *   keyFigures(publication.tables); // [{ table, code: 'ENS', label: 'médiations familiales terminées' }, …]
 */
import type { PublicationTable } from '../model/publication.ts';

/**
 * The decimals a code is shown with: its own where the catalogue gives them (ETP: 1), else its
 * table's — as the CSV tables of the indicators stage, so a reader finds the same figure in the CSV,
 * the report and the workbook.
 */
export function codeDecimals(table: PublicationTable, code: string): number {
  return table.codeDecimals?.[code] ?? table.decimals;
}

/** A code of a table shown on its own (a headline figure, an evolution series), with its label. */
export interface LabelledFigure {
  table: PublicationTable;
  code: string;
  label: string;
}

const byNumber = (tables: readonly PublicationTable[]) => [...tables].sort((a, b) => a.meta.number - b.meta.number);

/** The headline figures of the national report and the columns of its annex: each table's `display.keyFigures`, in table order. */
export function keyFigures(tables: readonly PublicationTable[]): LabelledFigure[] {
  return byNumber(tables).flatMap((table) => (table.display?.keyFigures ?? []).map((k) => ({ table, code: k.code, label: k.label })));
}

/**
 * The series of the evolution charts: each table's `display.evolutionSeries`, in table order, from
 * the latest year that publishes the table (`years` oldest first), so a series stays when its table
 * is missing this year.
 */
export function evolutionSeries(years: readonly (readonly PublicationTable[])[]): { table: string; code: string; label: string; number: number }[] {
  const series = new Map<string, { table: string; code: string; label: string; number: number }>();
  for (const tables of years) {
    for (const table of tables) {
      for (const s of table.display?.evolutionSeries ?? []) series.set(`${table.meta.id}\u0001${s.code}`, { table: table.meta.id, code: s.code, label: s.label, number: table.meta.number });
    }
  }
  return [...series.values()].sort((a, b) => a.number - b.number);
}
