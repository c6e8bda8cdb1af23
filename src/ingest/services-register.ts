/**
 * The register of known services (`<reference>/services.csv`, read by `register.ts`) seen from
 * validation: which department each service of a survey belongs to, year by year. Without a register
 * the department of the sending office is used instead.
 *
 * @example
 *   const departments = serviceDepartments(loadRegister('data-raw/reference', codes));
 *   departments.get(registerKey(2025, 'mediation', 'MF-75-001')); // "75"
 */
import type { KnownService } from '../model/coverage.ts';

/** Register key → department code. */
export type ServiceRegister = ReadonlyMap<string, string>;

const plain = (text: string) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').trim().toLowerCase();

/** One service of one survey and year; identifiers compared without case and spacing. */
export function registerKey(year: number, survey: string, service: string): string {
  return [year, plain(survey), service.normalize('NFC').replace(/\s+/g, ' ').trim().toUpperCase()].join('|');
}

/** Each known service's department, by register key (pure). */
export function serviceDepartments(register: readonly KnownService[]): ServiceRegister {
  return new Map(register.map((s) => [registerKey(s.year, s.survey, s.service), s.department]));
}
