/**
 * The register of known services (`<reference>/services.csv`): comma-separated, UTF-8, header
 * `annee,enquete,service,departement,sites`, one row per service known to exist in a year, and an
 * optional column `consentement`: the date (AAAA-MM-JJ) of the service's agreement to the
 * publication of its own figures, or empty. Optional:
 * without it, the known services of a year are its respondents (no `nd` can then be told from `-`).
 *
 * @example
 *   const register = loadRegister('data-raw/reference'); // [] when the file is absent
 *   parseRegister(text, 'services.csv', departments);
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { KnownService, Survey } from '../model/coverage.ts';
import { registerMessages as m } from './messages.ts';

export const REGISTER_FILE = 'services.csv';
const COLUMNS = ['annee', 'enquete', 'service', 'departement', 'sites'] as const;
const SURVEYS: readonly Survey[] = ['mediation', 'rencontre'];
/** optional column: the date of the service's agreement to publication */
const CONSENT = 'consentement';

/** A real calendar date written AAAA-MM-JJ. */
function isDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

/** Pure: the register's text → its rows; a bad row stops the run with the file, row and column named. */
export function parseRegister(text: string, path: string, departments: ReadonlySet<string>): KnownService[] {
  const rows = parse(text.replace(/^\ufeff/, ''), { columns: false, skip_empty_lines: false, relax_column_count: true }) as string[][];
  const header = rows[0] ?? [];
  const missing = COLUMNS.filter((c) => !header.includes(c));
  if (missing.length > 0) throw new Error(m.missingColumns(path, missing));
  const at = Object.fromEntries(COLUMNS.map((c) => [c, header.indexOf(c)])) as Record<(typeof COLUMNS)[number], number>;
  const consentAt = header.indexOf(CONSENT);
  const out: KnownService[] = [];
  const seen = new Set<string>();
  rows.slice(1).forEach((row, i) => {
    const line = i + 2; // the header is row 1, as in a spreadsheet
    if (row.every((v) => v.trim() === '')) return;
    const get = (c: (typeof COLUMNS)[number]) => (row[at[c]] ?? '').trim();
    const year = Number(get('annee'));
    if (!/^\d{4}$/.test(get('annee'))) throw new Error(m.invalid(path, line, 'annee', get('annee'), 'une année sur quatre chiffres'));
    const survey = get('enquete') as Survey;
    if (!SURVEYS.includes(survey)) throw new Error(m.invalid(path, line, 'enquete', get('enquete'), '« mediation » ou « rencontre »'));
    const service = get('service');
    if (service === '') throw new Error(m.invalid(path, line, 'service', '', 'un identifiant de service'));
    const department = get('departement');
    if (!departments.has(department)) throw new Error(m.invalid(path, line, 'departement', department, 'un département du référentiel'));
    const sites = Number(get('sites'));
    if (!/^\d+$/.test(get('sites'))) throw new Error(m.invalid(path, line, 'sites', get('sites'), 'un nombre entier de sites'));
    const key = `${year}|${survey}|${service}`;
    if (seen.has(key)) throw new Error(m.duplicate(path, line, service, year));
    seen.add(key);
    const consent = consentAt >= 0 ? (row[consentAt] ?? '').trim() : '';
    if (consent !== '' && !isDate(consent)) throw new Error(m.invalid(path, line, CONSENT, consent, 'une date AAAA-MM-JJ ou rien'));
    out.push({ year, survey, service, department, sites, ...(consent !== '' ? { consent } : {}) });
  });
  return out;
}

/** Reads `<reference>/services.csv`; none: an empty register. */
export function loadRegister(reference: string, departments: ReadonlySet<string>): KnownService[] {
  const path = join(reference, REGISTER_FILE);
  return existsSync(path) ? parseRegister(readFileSync(path, 'utf8'), path, departments) : [];
}
