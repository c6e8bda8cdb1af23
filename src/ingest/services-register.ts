/**
 * The register of known services, `<reference>/services.csv` (`annee,enquete,service,departement,sites`),
 * when it exists: which department each service of a survey belongs to, year by year. Its absence is
 * normal (the department of the sending office is used instead); rows it cannot read are skipped.
 *
 * @example
 *   const register = loadServiceRegister('data-raw/reference');
 *   register.get(registerKey(2025, 'mediation', 'MF-75-001')); // "75"
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeText } from './decode.ts';
import { parseCsvText } from './parse-csv.ts';

/** Register key → department code. */
export type ServiceRegister = ReadonlyMap<string, string>;

const plain = (text: string) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').trim().toLowerCase();

/** One service of one survey and year; identifiers compared without case and spacing. */
export function registerKey(year: number, survey: string, service: string): string {
  return [year, plain(survey), service.normalize('NFC').replace(/\s+/g, ' ').trim().toUpperCase()].join('|');
}

/** Parses the register's text (pure). */
export function parseServiceRegister(text: string): ServiceRegister {
  const { rows } = parseCsvText(text);
  const header = (rows[0] ?? []).map(plain);
  const at = (name: string) => header.indexOf(name);
  const [year, survey, service, department] = ['annee', 'enquete', 'service', 'departement'].map(at);
  const register = new Map<string, string>();
  if ([year, survey, service, department].some((i) => i < 0)) return register;
  for (const row of rows.slice(1)) {
    const cells = [year, survey, service, department].map((i) => String(row[i] ?? '').trim());
    if (cells.some((c) => c === '') || !/^\d{4}$/.test(cells[0])) continue;
    register.set(registerKey(Number(cells[0]), cells[1], cells[2]), cells[3].toUpperCase().padStart(2, '0'));
  }
  return register;
}

export function loadServiceRegister(referenceDir: string): ServiceRegister {
  const path = join(referenceDir, 'services.csv');
  if (!existsSync(path)) return new Map();
  const decoded = decodeText(readFileSync(path));
  return 'binary' in decoded ? new Map() : parseServiceRegister(decoded.text);
}
