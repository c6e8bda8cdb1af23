/**
 * The one CSV writer every stage uses (clean data, rejects, published tables).
 * - RFC 4180 quoting: a cell holding the separator, a quote, CR or LF is quoted, quotes doubled;
 * - French flavour (`sep: ';'`): decimal comma available, `\r\n` line ends (what Excel expects);
 *   the `,` flavour ends lines with `\n`;
 * - formula injection: a TEXT cell starting with `=`, `+`, `-`, `@`, tab or CR is prefixed with `'`
 *   so a spreadsheet shows it as text; numbers are never touched, nor the lone conventional signs
 *   `s`, `-`, `nd`, `///` of published tables.
 *
 * @example
 *   toCsv([{ dep: '01', n: 1.5 }], ['dep', 'n'], { sep: ';', decimalComma: true, bom: false });
 *   // "dep;n\r\n01;1,5\r\n"
 */
export type CsvValue = string | number | boolean | null | undefined;

export interface CsvOptions {
  sep: ';' | ',';
  decimalComma: boolean;
  bom: boolean;
  /** header labels, same order as `columns` (default: the column names) */
  headers?: readonly string[];
}

const CONVENTIONAL_SIGNS: ReadonlySet<string> = new Set(['s', '-', 'nd', '///']);
const DANGEROUS_START = /^[=+\-@\t\r]/;

/** A text cell as a spreadsheet will show it: formulas and commands neutralised with a leading `'`. */
export function neutraliseText(text: string): string {
  if (CONVENTIONAL_SIGNS.has(text)) return text;
  return DANGEROUS_START.test(text) ? `'${text}` : text;
}

function formatValue(value: CsvValue, decimalComma: boolean): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return '';
    const text = String(value);
    return decimalComma ? text.replace('.', ',') : text;
  }
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return neutraliseText(value);
}

function quote(cell: string, sep: string): string {
  const needs = cell.includes(sep) || cell.includes('"') || cell.includes('\n') || cell.includes('\r');
  return needs ? `"${cell.replaceAll('"', '""')}"` : cell;
}

/** One row of text cells → one CSV line without its end, neutralised and quoted as `toCsv` does. */
export function csvTextLine(cells: readonly string[], sep: ';' | ','): string {
  let line = '';
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i];
    // most cells neither start like a formula nor need quotes: tested with one character and one regex
    const plain = !DANGEROUS_START.test(cell.charAt(0)) && !NEEDS_QUOTES.test(cell);
    line += (i === 0 ? '' : sep) + (plain && !cell.includes(sep) ? cell : quote(neutraliseText(cell), sep));
  }
  return line;
}

const NEEDS_QUOTES = /["\r\n]/;

/** Rows → CSV text (see the module comment for the rules). Missing keys give empty cells. */
export function toCsv(
  rows: readonly Readonly<Record<string, CsvValue>>[],
  columns: readonly string[],
  options: CsvOptions,
): string {
  const eol = options.sep === ';' ? '\r\n' : '\n';
  const header = (options.headers ?? columns).map((h) => quote(neutraliseText(h), options.sep)).join(options.sep);
  const lines = [header];
  for (const row of rows) {
    lines.push(
      columns
        .map((column) => quote(formatValue(Object.hasOwn(row, column) ? row[column] : undefined, options.decimalComma), options.sep))
        .join(options.sep),
    );
  }
  return (options.bom ? '\ufeff' : '') + lines.join(eol) + eol;
}
