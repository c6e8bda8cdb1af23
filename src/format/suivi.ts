/**
 * The follow-up files (issue 23), pure:
 * - `parseSuiviCsv`: a file's bytes → its grid of cells (header first), in the survey returns'
 *   dialects (`;` or `,`, Windows-1252 or UTF-8 with a BOM: decode.ts, csv-grid.ts);
 * - `parseSuivi`: a grid → its accepted rows and its rejects, checked against the source's
 *   dictionary for the year (fields, codes, bounds; see src/suivi/contract.ts). Bad data becomes
 *   rejects (file, line, column, reason), never an exception (STYLE §4); a reject never repeats a
 *   pseudonym. A file lacking a column of the contract is rejected whole (`missing`).
 *
 * @example
 *   const [header, ...rows] = parseSuiviCsv(bytes, 'suivi/2024/caf.csv');
 *   const f = parseSuivi('caf', 2024, 'suivi/2024/caf.csv', header, rows, dictionaries);
 *   f.rows[0].quintile_niveau_vie; // "3"
 */
import { parseCsvText } from './csv-grid.ts';
import { decodeText } from './decode.ts';
import { suiviDictionaryFor, type SuiviDictionaries, type SuiviField, type SuiviSource } from '../suivi/contract.ts';
import { suiviMessages as m } from '../suivi/messages.ts';
import { PSEUDONYM } from '../suivi/pseudonym.ts';

export type SuiviRow = Readonly<Record<string, string | number>>;

export interface SuiviReject {
  file: string;
  row: number;
  column: string;
  value: string;
  reason: string;
}

export interface SuiviFile {
  source: SuiviSource;
  year: number;
  path: string;
  rows: SuiviRow[];
  rejects: SuiviReject[];
  /** contract columns the file lacks (then no row is accepted) */
  missing: string[];
}

const DEPARTMENT = /^(0[1-9]|1\d|2[1-9]|[3-8]\d|9[0-5]|2A|2B|97[1-6])$/; // no 20 since Corsica split in 1976

/** `AAAA-MM-JJ` (a real date) or `AAAA-MM` (coarsened). */
export function isSuiviDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(text);
  if (!match) return false;
  const month = Number(match[2]);
  if (month < 1 || month > 12) return false;
  if (match[3] === undefined) return true;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/** A cell checked against its field: the typed value, or the expected form. */
function check(field: SuiviField, value: string): { ok: string | number } | { expected: string } {
  switch (field.type) {
    case 'pseudonym':
      return PSEUDONYM.test(value) ? { ok: value } : { expected: 'pseudonyme de 16 à 64 caractères A-Z, 2-7' };
    case 'department':
      return DEPARTMENT.test(value) ? { ok: value } : { expected: 'code de département (01…95, 2A, 2B, 971…976)' };
    case 'date':
      return isSuiviDate(value) ? { ok: value } : { expected: 'date AAAA-MM-JJ ou AAAA-MM' };
    case 'id':
      return value !== '' ? { ok: value } : { expected: 'identifiant non vide' };
    case 'code':
      return field.codes.includes(value) ? { ok: value } : { expected: field.codes.join(', ') };
    case 'integer': {
      const n = Number(value);
      return /^\d+$/.test(value) && n >= field.min && n <= field.max ? { ok: n } : { expected: `entier de ${field.min} à ${field.max}` };
    }
  }
}

/** A follow-up file's bytes → its grid of cells (header first); throws, naming `path`, when it is binary. */
export function parseSuiviCsv(bytes: Uint8Array, path: string): string[][] {
  const decoded = decodeText(bytes);
  if ('binary' in decoded) throw new Error(m.unreadable(path));
  return parseCsvText(decoded.text).rows;
}

export function parseSuivi(source: SuiviSource, year: number, path: string, header: readonly string[], body: readonly (readonly string[])[], dictionaries: SuiviDictionaries): SuiviFile {
  const dictionary = suiviDictionaryFor(dictionaries, source, year);
  const fields = Object.entries(dictionary?.fields ?? {});
  const index = new Map(header.map((h, i) => [h.trim(), i] as const));
  const missing = fields.map(([name]) => name).filter((name) => !index.has(name));
  const out: SuiviFile = { source, year, path, rows: [], rejects: [], missing };
  if (missing.length > 0) return out;
  body.forEach((raw, r) => {
    if (raw.every((c) => c.trim() === '')) return;
    const row: Record<string, string | number> = {};
    let ok = true;
    for (const [name, field] of fields) {
      const value = (raw[index.get(name) ?? -1] ?? '').trim();
      const checked = check(field, value);
      if ('ok' in checked) row[name] = checked.ok;
      else {
        ok = false;
        out.rejects.push({ file: path, row: r + 2, column: name, value: field.type === 'pseudonym' ? '' : value, reason: m.badValue(name, checked.expected) });
      }
    }
    if (ok) out.rows.push(row);
  });
  return out;
}
