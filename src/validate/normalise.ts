/**
 * Tolerant reading of what people type: headers (case, accents, spaces, punctuation), numbers
 * (`1 234`, `1 234,5`, `1.234,5`, `12.5`), department codes (`2a` → `2A`, `1` → `01`).
 *
 * @example
 *   normaliseHeader(' Nombre de SÉANCES ');   // "nombre de seances"
 *   parseNumber('1 234,5', ',');             // 1234.5
 *   normaliseDepartment('2a');               // "2A"
 *   idKey(' mf-01  002 ');                    // "MF-01 002"
 */

/** Lower case, no accents, punctuation and runs of spaces → one space; `€` is kept as the word "eur"
 * ("Département (€)" is an amount, "Département" a code). */
export function normaliseHeader(text: string): string {
  return text
    .replace(/€/g, ' eur ')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * What two identifiers must share to be the same service or structure: `mf-01-002` and
 * `MF-01-002 ` typed in two returns are one service, counted once. Case, surrounding spaces and
 * runs of spaces (any kind) are not part of an identifier; the value published stays as typed.
 */
export function idKey(text: string): string {
  return text.normalize('NFC').replace(/[\s\u00a0\u202f\u2009]+/g, ' ').trim().toUpperCase();
}

const SPACES = /[\s\u00a0\u202f\u2009']/g;

/**
 * A number as written in a French or English file, or `undefined` when the text is not a number.
 * `decimal` is the file's decimal mark; thousands may be spaces (any kind), or the other mark in groups of 3.
 */
export function parseNumber(text: string, decimal: ',' | '.'): number | undefined {
  let t = text.trim().replace(SPACES, '');
  if (t === '') return undefined;
  t = t.replace(/^\u2212/, '-');
  if (decimal === ',') {
    if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(t)) t = t.replace(/\./g, '');
    if (/^-?\d+\.\d+$/.test(t)) return Number(t); // a dot in a comma file: still unambiguous
    t = t.replace(',', '.');
  } else if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) t = t.replace(/,/g, '');
  else if (/^-?\d+,\d+$/.test(t)) t = t.replace(',', '.');
  if (!/^-?(\d+\.?\d*|\.\d+)$/.test(t)) return undefined;
  return Number(t);
}

const EURO_SUFFIXES = ['euros', 'euro', 'eur', '€'];

/**
 * "12 345,00 €", "€ 12 345", "12345 EUR", "12 345 euros" → the figure alone; "€" alone → "".
 * String operations, not a regular expression: linear on any cell, however long.
 */
export function withoutEuro(text: string): string {
  let t = text.trim();
  if (t.startsWith('€')) t = t.slice(1).trimStart();
  const lower = t.toLowerCase();
  const suffix = EURO_SUFFIXES.find((s) => lower.endsWith(s));
  return suffix === undefined ? t : t.slice(0, t.length - suffix.length).trimEnd();
}

/** Does this text look like a decimal written with a comma (votes for the decimal mark of a file)? */
export function decimalMarkOf(text: string): ',' | '.' | undefined {
  const t = withoutEuro(text.trim()).replace(SPACES, '');
  if (/^-?\d+,\d{1,2}$/.test(t) || /^-?\d+,\d{4,}$/.test(t) || /^-?\d{1,3}(\.\d{3})+,\d+$/.test(t)) return ',';
  if (/^-?\d+\.\d{1,2}$/.test(t) || /^-?\d+\.\d{4,}$/.test(t) || /^-?\d{1,3}(,\d{3})+\.\d+$/.test(t)) return '.';
  return undefined;
}

/** "2a" → "2A", "1" → "01", "01 - Ain" → "01", " 971 " → "971"; anything else is returned trimmed. */
export function normaliseDepartment(text: string): string {
  const t = text.trim().toUpperCase();
  const match = /^(2[AB]|\d{1,3})(?:\s*[-–—:]\s*\S.*)?$/.exec(t);
  if (!match) return t;
  const code = match[1];
  return /^\d$/.test(code) ? `0${code}` : code;
}
