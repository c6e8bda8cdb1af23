/**
 * Turns one return (headers + cells) into the bytes a CAF or a court would send: CSV in
 * Windows-1252 with `;` and decimal commas (CRLF, as Excel on Windows writes it), CSV in UTF-8 with a
 * BOM (`;` and decimal commas, or `,` and decimal points as some tools export), or XLSX with fixed
 * document properties and zip timestamps so that regenerating gives the same bytes.
 */
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { formatXlsx } from '../format/xlsx.ts';

export type ReturnFormat = 'csv-cp1252' | 'csv-utf8-bom' | 'csv-utf8-bom-comma' | 'xlsx';
/** a number is formatted by the encoder; a string is written as typed (defects are strings) */
export type RawCell = string | number | null;

export interface ReturnTable {
  /** below `data-raw/`, e.g. `returns/2024/mediation/caf-01-ain.csv` */
  path: string;
  survey: 'mediation' | 'rencontre';
  year: number;
  format: ReturnFormat;
  headers: string[];
  rows: RawCell[][];
  /** data-row indices before which a blank line is written (CSV only); `rows.length` = at the end */
  blankLinesBefore: number[];
}

export const FORMAT_EXTENSION: Readonly<Record<ReturnFormat, string>> = {
  'csv-cp1252': 'csv',
  'csv-utf8-bom': 'csv',
  'csv-utf8-bom-comma': 'csv',
  xlsx: 'xlsx',
};

function csvCell(cell: RawCell, delimiter: string, decimal: string): string {
  if (cell === null) return '';
  const text = typeof cell === 'number' ? String(cell).replace('.', decimal) : cell;
  return /["\r\n]/.test(text) || text.includes(delimiter) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function encodeCsv(table: ReturnTable): Uint8Array {
  const comma = table.format === 'csv-utf8-bom-comma';
  const delimiter = comma ? ',' : ';';
  const decimal = comma ? '.' : ',';
  const eol = table.format === 'csv-cp1252' ? '\r\n' : '\n';
  const lines = [table.headers.map((h) => csvCell(h, delimiter, decimal)).join(delimiter)];
  table.rows.forEach((row, i) => {
    for (const at of table.blankLinesBefore) if (at === i) lines.push('');
    lines.push(row.map((c) => csvCell(c, delimiter, decimal)).join(delimiter));
  });
  for (const at of table.blankLinesBefore) if (at === table.rows.length) lines.push('');
  const text = lines.join(eol) + eol;
  if (table.format === 'csv-cp1252') return new Uint8Array(iconv.encode(text, 'win1252'));
  return new Uint8Array(Buffer.from('\ufeff' + text, 'utf8'));
}

/** The workbook's dates: fixed, so that the bytes do not depend on when the sample is generated. */
function fixedDate(year: number): Date {
  return new Date(Date.UTC(year + 1, 1, 15, 9, 0, 0));
}

export async function encodeXlsx(table: ReturnTable): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'mfer (échantillon fictif)';
  workbook.lastModifiedBy = 'mfer (échantillon fictif)';
  workbook.created = fixedDate(table.year);
  workbook.modified = fixedDate(table.year);
  const sheet = workbook.addWorksheet('Réponses');
  sheet.addRow(table.headers);
  for (const row of table.rows) sheet.addRow(row.map((c) => (c === null ? undefined : c)));
  return formatXlsx(workbook);
}

export async function encodeReturn(table: ReturnTable): Promise<Uint8Array> {
  return table.format === 'xlsx' ? encodeXlsx(table) : encodeCsv(table);
}
