/**
 * CSV text → one grid of text cells, detecting the delimiter (`;`, `,` or tab): the candidate seen
 * most often on one line among the first lines wins, `;` first on a tie (the French habit).
 * Blank lines are kept as empty rows so that row numbers stay those of the user's file.
 *
 * @example
 *   parseCsvText('a;b\r\n1;2\r\n'); // { delimiter: ";", rows: [["a","b"],["1","2"]] }
 */
import { parse } from 'csv-parse/sync';

export type Delimiter = ';' | ',' | '\t';
const CANDIDATES: readonly Delimiter[] = [';', '\t', ','];
/** Every line ending, mixed ones included (csv-parse's `record_delimiter`). */
export const RECORD_DELIMITERS = ['\r\n', '\n', '\r'];

export function detectDelimiter(text: string): Delimiter {
  const lines = text.split(/\r\n|\n|\r/, 30).filter((line) => line.trim() !== '');
  let best: Delimiter = ';';
  let bestCount = 0;
  for (const candidate of CANDIDATES) {
    const count = Math.max(0, ...lines.map((line) => line.split(candidate).length - 1));
    if (count > bestCount) {
      best = candidate;
      bestCount = count;
    }
  }
  return best;
}

const LINE_BREAK = /\r\n|\n|\r/;

/**
 * A quoted cell that holds both a line break and a separator is most likely a stray quote that
 * swallowed the end of its line and the start of the next ones (a service vanishing into another's
 * name): such a record is split back into its physical lines (separators cut again, quotes lost),
 * and their indices are returned in `suspect`, so that the rows are rejected, not merged, and the file
 * counts its physical lines. A cell with a line break and no separator (an address on two lines)
 * stays one row. `suspectLines` gives a suspect record's physical lines (undefined for a sound one).
 */
export function suspectLines(record: readonly string[], delimiter: Delimiter): string[][] | undefined {
  if (!record.some((cell) => LINE_BREAK.test(cell) && cell.includes(delimiter))) return undefined;
  return record.join(delimiter).split(LINE_BREAK).map((line) => line.split(delimiter));
}

function splitSuspects(records: string[][], delimiter: Delimiter): { rows: string[][]; suspect: number[] } {
  const rows: string[][] = [];
  const suspect: number[] = [];
  for (const record of records) {
    const lines = suspectLines(record, delimiter);
    if (lines === undefined) {
      rows.push(record);
      continue;
    }
    for (const line of lines) {
      suspect.push(rows.length);
      rows.push(line);
    }
  }
  return { rows, suspect };
}

export function parseCsvText(text: string): { delimiter: Delimiter; rows: string[][]; suspect: number[] } {
  const delimiter = detectDelimiter(text);
  // every line ending given, mixed ones included: csv-parse's own discovery of the line ending
  // made parsing the shipped sample's returns about three times as long
  const options = { delimiter, record_delimiter: RECORD_DELIMITERS, relax_quotes: true, relax_column_count: true, skip_empty_lines: false, bom: true };
  let rows: string[][];
  try {
    rows = parse(text, options) as string[][];
  } catch {
    // an unclosed quote: read the file without quoting rather than lose it
    rows = parse(text, { ...options, quote: false }) as string[][];
  }
  return { delimiter, ...splitSuspects(rows, delimiter) };
}
