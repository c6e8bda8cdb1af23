/**
 * How a code is shown, where the publication does not say it per code (it carries one `decimals`
 * per table). Mirrors the catalogue (`pipelines/config/tables.json`) and the CSV tables of the
 * indicators stage, so a reader finds the same figure in the CSV, the report and the workbook:
 * - decimals of a code that differ from its table's (ETP: 1);
 * - codes whose missing cell is "sans objet" (`///`: a median with no structure, any derived figure)
 *   rather than a published zero (a territory without contributor in a count).
 */
import type { PublicationTable } from '../model/publication.ts';

const DECIMALS: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  'med-moyens': { etp_mediateurs: 1 },
};

const NOT_APPLICABLE_WHEN_MISSING: Readonly<Record<string, readonly string[]>> = {
  'er-attente': ['delai_median_jours'],
};

export function codeDecimals(table: PublicationTable, code: string): number {
  return DECIMALS[table.meta.id]?.[code] ?? table.decimals;
}

/** Derived and crossed figures, and medians: nothing could be computed, so nothing is shown. */
export function missingIsNotApplicable(table: PublicationTable, code: string): boolean {
  return table.meta.survey === 'croise' || (NOT_APPLICABLE_WHEN_MISSING[table.meta.id]?.includes(code) ?? false);
}
