/**
 * A survey return's bytes → its grids of cells (pure): a workbook (`.xlsx`, or any zip) is checked
 * for its used range and unzipped size before it is opened (xlsx-extent.ts), then read sheet by
 * sheet (xlsx-grid.ts); a text file (`.csv`, `.txt`, `.tsv`) is decoded (decode.ts), counted against
 * the line limit and cut into cells with its detected separator (csv-grid.ts). A file that cannot be
 * read still becomes a `RawReturn`, with a French `problem` naming it, so that the manifest records it.
 *
 * @example
 *   const r = await parseReturn('mediation', 2024, 'returns/2024/mediation/a.csv', new TextEncoder().encode('a;b\r\n1;2\r\n'));
 *   r.sheets[0].rows; // [["a", "b"], ["1", "2"]]
 */
import { createHash } from 'node:crypto';
import type { RawReturn, ReturnFormat } from '../ingest/types.ts';
import type { SurveyId } from '../model/rows.ts';
import { parseCsvText } from './csv-grid.ts';
import { decodeText } from './decode.ts';
import { returnMessages as m } from './messages.ts';
import { RETURN_LIMITS, type ReturnLimits } from './return-limits.ts';
import { parseXlsx } from './xlsx-grid.ts';
import { columnLetters, xlsxExtent } from './xlsx-extent.ts';

const TEXT_EXTENSIONS = /\.(csv|txt|tsv)$/i;
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/** The format a file's name announces (a file refused unread is described by its name alone). */
export const formatOfName = (name: string): ReturnFormat => (/\.xlsx$/i.test(name) ? 'xlsx' : TEXT_EXTENSIONS.test(name) ? 'csv' : 'inconnu');

/** Why a workbook is refused before it is opened (its used range or its size), if it is. */
function xlsxRefusal(path: string, bytes: Uint8Array, limits: ReturnLimits): string | undefined {
  const extent = xlsxExtent(bytes, limits);
  if ('tooLarge' in extent) return m.xlsxTooLarge(path, extent.tooLarge.bytes, limits.maxUnzippedBytes);
  if ('notZip' in extent) return undefined; // the workbook library says it cannot read it
  const index = extent.sheets.findIndex((s) => s.rows > limits.maxRows || s.columns > limits.maxColumns);
  if (index < 0) return undefined;
  const { rows, columns } = extent.sheets[index];
  return m.xlsxRange(path, index + 1, `${columnLetters(columns)}${rows}`, rows, columns, limits.maxRows, limits.maxColumns);
}

/** Physical lines of a text (the last one may lack its line ending). */
function lineCount(text: string): number {
  const breaks = text.match(/\r\n|\n|\r/g)?.length ?? 0;
  return /[\r\n]$/.test(text) ? breaks : breaks + 1;
}

/** One return file's bytes → `RawReturn` (its grids, or the French `problem` that kept it unread). */
export async function parseReturn(survey: SurveyId, folderYear: number, path: string, bytes: Uint8Array, limits: ReturnLimits = RETURN_LIMITS): Promise<RawReturn> {
  const base = { survey, folderYear, path, sha256: createHash('sha256').update(bytes).digest('hex') };
  const isZip = ZIP_MAGIC.every((b, i) => bytes[i] === b);
  const format = isZip ? 'xlsx' : formatOfName(path);
  if (bytes.length === 0) return { ...base, format, encoding: 'inconnu', sheets: [], problem: m.empty(path) };
  if (bytes.length > limits.maxFileBytes) return { ...base, format, encoding: 'inconnu', sheets: [], problem: m.tooBig(path, bytes.length, limits.maxFileBytes) };
  if (format === 'xlsx') {
    const refused = xlsxRefusal(path, bytes, limits);
    if (refused !== undefined) return { ...base, format: 'xlsx', encoding: 'inconnu', sheets: [], problem: refused };
    try {
      const sheets = await parseXlsx(bytes);
      return { ...base, format: 'xlsx', encoding: 'xlsx', sheets };
    } catch {
      return { ...base, format: 'xlsx', encoding: 'inconnu', sheets: [], problem: m.badXlsx(path) };
    }
  }
  if (format === 'inconnu') return { ...base, format: 'inconnu', encoding: 'inconnu', sheets: [], problem: m.unsupportedFormat(path) };
  const decoded = decodeText(bytes);
  if ('binary' in decoded) return { ...base, format: 'csv', encoding: 'inconnu', sheets: [], problem: m.binary(path) };
  if (decoded.text.trim() === '') return { ...base, format: 'csv', encoding: decoded.encoding, sheets: [], problem: m.empty(path) };
  const lines = lineCount(decoded.text);
  if (lines > limits.maxRows) return { ...base, format: 'csv', encoding: decoded.encoding, sheets: [], problem: m.tooManyRows(path, lines, limits.maxRows) };
  try {
    const { delimiter, rows, suspect } = parseCsvText(decoded.text);
    const notice = decoded.bomMismatch ? { notice: m.bomButWindows1252(path) } : {};
    return { ...base, format: 'csv', encoding: decoded.encoding, delimiter, sheets: [{ name: '', rows, ...(suspect.length > 0 ? { suspect } : {}) }], ...notice };
  } catch (error) {
    return { ...base, format: 'csv', encoding: decoded.encoding, sheets: [], problem: m.unreadable(path, (error as Error).message) };
  }
}
