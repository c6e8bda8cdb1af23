/**
 * One year's coverage (pure): the register's services of that year against the respondents of the
 * harmonized rows. A respondent the register does not list is counted as known too (it answered, so it
 * exists); without any register row for a survey and year, the known services are the respondents.
 *
 * @example
 *   const coverage = coverageOf(register, harmonized);
 *   availability(coverage.mediation, ['976']); // 'nd' when Mayotte's known services did not answer
 */
import type { Availability, DepartmentCoverage, KnownService, Survey, SurveyCoverage, YearCoverage } from '../model/coverage.ts';

export interface Respondent {
  id: string;
  departement: string;
}

export function surveyCoverage(register: readonly KnownService[], respondents: readonly Respondent[]): SurveyCoverage {
  const known = new Map<string, Set<string>>();
  const answered = new Map<string, Set<string>>();
  const add = (map: Map<string, Set<string>>, dep: string, id: string) => map.set(dep, (map.get(dep) ?? new Set()).add(id));
  for (const s of register) add(known, s.department, s.service);
  for (const r of respondents) {
    add(known, r.departement, r.id);
    add(answered, r.departement, r.id);
  }
  const departments = new Map<string, DepartmentCoverage>();
  for (const dep of [...known.keys()].sort()) {
    departments.set(dep, { known: [...known.get(dep)!].sort(), respondents: [...(answered.get(dep) ?? [])].sort() });
  }
  const consenting = [...new Set(register.filter((s) => s.consent !== undefined).map((s) => s.service))].sort();
  return { fromRegister: register.length > 0, departments, ...(consenting.length > 0 ? { consenting } : {}) };
}

export function coverageOf(register: readonly KnownService[], year: number, respondents: Readonly<Record<Survey, readonly Respondent[]>>): YearCoverage {
  const of = (survey: Survey) => surveyCoverage(register.filter((s) => s.year === year && s.survey === survey), respondents[survey]);
  return { mediation: of('mediation'), rencontre: of('rencontre') };
}

/** Known and responding services over a set of departments (a territory). */
export function countsOver(coverage: SurveyCoverage, departments: readonly string[]): { known: number; respondents: number } {
  let known = 0;
  let respondents = 0;
  for (const dep of departments) {
    const c = coverage.departments.get(dep);
    known += c?.known.length ?? 0;
    respondents += c?.respondents.length ?? 0;
  }
  return { known, respondents };
}

/** How a territory (its departments) stands for a survey; see `Availability`. */
export function availability(coverage: SurveyCoverage, departments: readonly string[]): Availability {
  const { known, respondents } = countsOver(coverage, departments);
  // without a register, a territory without respondents may still have services: not available
  if (known === 0) return coverage.fromRegister ? 'none' : 'nd';
  if (respondents === 0) return 'nd';
  return respondents < known ? 'partial' : 'full';
}

/** The services that answered in a territory. */
export function respondentsOver(coverage: SurveyCoverage, departments: readonly string[]): string[] {
  return departments.flatMap((dep) => coverage.departments.get(dep)?.respondents ?? []);
}
