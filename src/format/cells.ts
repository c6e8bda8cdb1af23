/**
 * CELLS.csv of `mfer protect` / `mfer audit` (pure: text in, cells out, and back): every cell of the
 * protected table, with the dimension columns (codes at any level), its true value, its number of
 * contributors and its status (`s` safe, `u` primary, `x` secondary). The audit trail's `cells.csv`
 * adds columns after these (the evidence of the primary rules: `formatCellsWithColumns`).
 *
 * @example
 *   formatCells(table, spec).split('\n')[0]; // 'geo,origine,value,contributors,status'
 */
import { indexDimension } from '../protect/dimension.ts';
import * as msg from '../protect/messages.ts';
import type { ProtectedTable } from '../protect/protected-table.ts';
import type { Cell, CellStatus, ProtectSpec } from '../protect/types.ts';
import { column, number, quote, readCsv } from './contract-csv.ts';

const STATUSES: readonly string[] = ['s', 'u', 'x'];

/** CELLS.csv → cells (codes at any level of their dimension). */
export function parseCells(csvText: string, spec: ProtectSpec, file = 'CELLS.csv'): Cell[] {
  const { header, rows } = readCsv(csvText, file);
  const dims = spec.dimensions.map(indexDimension);
  const cols = dims.map((d) => column(header, d.name, file));
  const [val, cnt, st] = ['value', 'contributors', 'status'].map((c) => column(header, c, file));
  const seen = new Set<string>();
  return rows.map(({ cells: r, line: row }) => {
    const codes = dims.map((d, j) => {
      const code = (r[cols[j]] ?? '').trim();
      if (!d.index.has(code)) throw new Error(msg.csvCellCode(file, row, d.name, code));
      return code;
    });
    const key = codes.join('\u0001');
    if (seen.has(key)) throw new Error(msg.csvDuplicateCell(file, row));
    seen.add(key);
    const status = (r[st] ?? '').trim();
    if (!STATUSES.includes(status)) throw new Error(msg.csvBadStatus(file, row, status));
    return { codes, value: number(r[val], file, row, 'value'), contributors: number(r[cnt], file, row, 'contributors'), status: status as CellStatus };
  });
}

/** One cell as a CELLS.csv line (codes, value, contributors, status). */
const cellLine = (c: Cell) => [...c.codes.map(quote), String(c.value), String(c.contributors), c.status].join(',');
const header = (spec: ProtectSpec) => [...spec.dimensions.map((d) => d.name), 'value', 'contributors', 'status'].map(quote).join(',');

/** Cells → CELLS.csv text (header: dimension names, value, contributors, status). */
export function formatCells(table: ProtectedTable | readonly Cell[], spec: ProtectSpec): string {
  const cells = 'cells' in table ? table.cells : (table as readonly Cell[]);
  return `${[header(spec), ...cells.map(cellLine)].join('\n')}\n`;
}

/** Columns appended after those of CELLS.csv: their names, and each cell's texts. */
export interface ExtraColumns {
  columns: readonly string[];
  fields: (cell: Cell) => readonly string[];
}

/**
 * `formatCells` with columns appended: the audit trail's `cells.csv` adds the evidence of the primary
 * rules (rules fired, rules lifted by consent, share of the largest contribution, consenting services;
 * see src/protect/evidence.ts). `mfer audit` reads such a file as a CELLS.csv (extra columns are not read).
 */
export function formatCellsWithColumns(cells: readonly Cell[], spec: ProtectSpec, extra: ExtraColumns): string {
  const lines = [[header(spec), ...extra.columns.map(quote)].join(',')];
  for (const c of cells) lines.push([cellLine(c), ...extra.fields(c).map(quote)].join(','));
  return `${lines.join('\n')}\n`;
}
