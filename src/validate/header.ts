/**
 * Finds the header row of a return: in the first sheet that has one, the row (among the first 30)
 * whose cells name the most fields of the dictionary, tolerantly (`normaliseHeader`). A row is a
 * header when it names at least 40 % of the fields (and at least 3).
 *
 * @example
 *   findHeader(sheets, dictionary); // { sheet: 0, row: 0, columns: Map { "annee" → 0, … }, labels: […] }
 */
import type { Sheet } from '../ingest/types.ts';
import type { Dictionary } from './dictionary.ts';
import { normaliseHeader } from './normalise.ts';

export interface HeaderMatch {
  /** index of the sheet */
  sheet: number;
  /** index of the header row in the sheet (file row = index + 1) */
  row: number;
  /** canonical field → column index (first column naming it) */
  columns: ReadonlyMap<string, number>;
  /** column index → header as written */
  labels: readonly string[];
  /**
   * field → the other columns naming it (ascending), when several do: the first column is read, and
   * a row whose twin columns disagree is rejected (see `validate`)
   */
  twins: ReadonlyMap<string, readonly number[]>;
}

const SCAN_ROWS = 30;

export function headerLookup(dictionary: Dictionary): ReadonlyMap<string, string> {
  const lookup = new Map<string, string>();
  for (const [field, spec] of Object.entries(dictionary.fields)) {
    for (const header of [field, ...spec.headers]) lookup.set(normaliseHeader(header), field);
  }
  return lookup;
}

function matchRow(cells: readonly (string | number)[], lookup: ReadonlyMap<string, string>): { columns: Map<string, number>; twins: Map<string, number[]> } {
  const columns = new Map<string, number>();
  const twins = new Map<string, number[]>();
  cells.forEach((cell, index) => {
    if (typeof cell !== 'string') return;
    const field = lookup.get(normaliseHeader(cell));
    if (field === undefined) return;
    if (!columns.has(field)) columns.set(field, index);
    else twins.set(field, [...(twins.get(field) ?? []), index]);
  });
  return { columns, twins };
}

export function findHeader(sheets: readonly Sheet[], dictionary: Dictionary): HeaderMatch | undefined {
  const lookup = headerLookup(dictionary);
  const needed = Math.max(3, Math.ceil(Object.keys(dictionary.fields).length * 0.4));
  for (let s = 0; s < sheets.length; s++) {
    let best: { row: number; columns: Map<string, number>; twins: Map<string, number[]> } | undefined;
    const rows = sheets[s].rows;
    for (let r = 0; r < Math.min(rows.length, SCAN_ROWS); r++) {
      const { columns, twins } = matchRow(rows[r], lookup);
      if (columns.size >= needed && (best === undefined || columns.size > best.columns.size)) best = { row: r, columns, twins };
    }
    if (best) return { sheet: s, row: best.row, columns: best.columns, twins: best.twins, labels: rows[best.row].map((cell) => String(cell).trim()) };
  }
  return undefined;
}
