/**
 * What CONTRIB.csv and CELLS.csv share (pure): the plain CSV of the `mfer protect` contract (commas,
 * decimal point, UTF-8; `contract-dialect.ts` turns a French file into it), read as a header and
 * numbered rows, its columns found by name and its numbers checked, each problem one French message
 * naming the file, the row and the column.
 *
 * @example
 *   readCsv('geo,n\n01,2\n', 'CONTRIB.csv'); // { header: ['geo', 'n'], rows: [{ cells: ['01', '2'], line: 2 }] }
 */
import { parse } from 'csv-parse/sync';
import * as msg from '../protect/messages.ts';
import { RECORD_DELIMITERS } from './csv-grid.ts';

/** A data row and its row number (the header is row 1; see `readCsv`). */
export interface CsvRow {
  cells: string[];
  line: number;
}

/**
 * The header (trimmed) and the data rows. Blank lines are skipped, and rows keep their numbers as
 * Excel shows them, as for the survey returns (docs/methodology.md): the header is row 1, a blank
 * line is a row, and a quoted cell holding a line break stays in its one row (a text editor shows
 * the later lines shifted). A value beyond the header's last column is an error: a comma too many
 * in a row shifts its cells.
 */
export function readCsv(text: string, file: string): { header: string[]; rows: CsvRow[] } {
  let records: string[][];
  try {
    // every line ending given, as for the survey returns: left to itself, csv-parse takes the first
    // one it meets for all, and a later lone CR or LF then stays inside a cell, gluing two rows
    records = parse(text.replace(/^\ufeff/, ''), { relax_column_count: true, record_delimiter: RECORD_DELIMITERS }) as string[][];
  } catch (e) {
    throw new Error(msg.csvUnreadable(file, (e as Error).message));
  }
  const lines = records.map((cells, k) => ({ cells, line: k + 1 })).filter((r) => r.cells.some((c) => c.trim() !== ''));
  const [first, ...rows] = lines;
  const header = (first?.cells ?? []).map((h) => h.trim());
  for (const row of rows) {
    let width = row.cells.length;
    while (width > header.length && row.cells[width - 1].trim() === '') width--;
    if (width > header.length) throw new Error(msg.csvTooManyFields(file, row.line, width, header.length));
  }
  return { header, rows };
}

export function column(header: string[], name: string, file: string): number {
  const i = header.indexOf(name);
  if (i < 0) {
    // one column holding separators: the file is not comma-separated
    const other = header.length === 1 ? [';', '\t'].find((sep) => header[0].includes(sep)) : undefined;
    throw new Error(other ? msg.csvNotCommas(file, other) : msg.csvMissingColumn(file, name));
  }
  if (header.indexOf(name, i + 1) >= 0) throw new Error(msg.csvDuplicateColumn(file, name));
  return i;
}

export function number(text: string | undefined, file: string, row: number, col: string): number {
  const t = (text ?? '').trim();
  const x = t === '' ? NaN : Number(t);
  if (!Number.isFinite(x) || x < 0) throw new Error(msg.csvBadNumber(file, row, col, text ?? ''));
  return x;
}

/** CONTRIB.csv → contributions (leaf codes in spec order). Row numbers as Excel shows them, the header row 1 (see `readCsv`). */
/** A cell as the contract writes it: quoted when it holds a comma, a quote or a line break. */
export const quote = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
