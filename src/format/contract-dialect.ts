/**
 * The text of a CONTRIB.csv or CELLS.csv as `mfer protect` and `mfer audit` parse it (commas, decimal
 * point, UTF-8), from a file in either dialect mfer reads: the plain one, or the French one that the
 * rest of mfer writes (`;`, decimal comma, Windows-1252 or UTF-8 with a BOM). Encoding and separator
 * are detected like the survey returns' (decode.ts, csv-grid.ts); a French file
 * is rewritten cell for cell, so row numbers stay those of the user's file. A data row with fewer
 * fields than the header is refused here, naming both counts.
 *
 * @example
 *   plainCsv(Buffer.from('geo;n\r\n01;2,5\r\n'), 'CONTRIB.csv'); // 'geo,n\n01,2.5\n'
 */
import { parse } from 'csv-parse/sync';
import { decodeText } from './decode.ts';
import { detectDelimiter, RECORD_DELIMITERS } from './csv-grid.ts';
import { csvNotText, csvTooFewFields, csvUnreadableDialect } from '../protect/messages.ts';

/** A French decimal number: digits, one decimal comma, optional thousands spaces (normal or narrow no-break). */
const FRENCH_NUMBER = /^-?\d{1,3}(?:[ \u00a0\u202f]\d{3})*(?:,\d+)?$|^-?\d+,\d+$/;

const quote = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

export function plainCsv(bytes: Uint8Array, file: string): string {
  const decoded = decodeText(bytes);
  if ('binary' in decoded) throw new Error(csvNotText(file));
  const text = decoded.text.replace(/^\ufeff/, '');
  const delimiter = detectDelimiter(text);
  let records: string[][];
  try {
    records = parse(text, { delimiter, record_delimiter: RECORD_DELIMITERS, relax_column_count: true, skip_empty_lines: false }) as string[][];
  } catch (e) {
    throw new Error(csvUnreadableDialect(file, (e as Error).message));
  }
  const blank = (cells: readonly string[]) => cells.every((c) => c.trim() === '');
  const headerAt = records.findIndex((cells) => !blank(cells));
  const width = headerAt >= 0 ? records[headerAt].length : 0;
  records.forEach((cells, k) => {
    if (k > headerAt && !blank(cells) && cells.length < width) throw new Error(csvTooFewFields(file, k + 1, cells.length, width));
  });
  if (delimiter === ',') return records.map((cells) => cells.map(quote).join(',')).join('\n') + '\n';
  const number = (cell: string) => (FRENCH_NUMBER.test(cell.trim()) ? cell.trim().replace(/[ \u00a0\u202f]/g, '').replace(',', '.') : cell);
  return records.map((cells, k) => cells.map((c) => quote(k > headerAt ? number(c) : c)).join(',')).join('\n') + '\n';
}
