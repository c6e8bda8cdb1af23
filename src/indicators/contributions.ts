/**
 * Survey rows → contributions in the `mfer protect` contract (one leaf code per dimension, a
 * contributor, a value). The contributor is the service (mediation) or the structure (espaces de
 * rencontre); the geo leaf is its department.
 *
 * @example
 *   cubeContributions(cadreTable, rows)
 *   // [{ codes: ['01', 'conventionnelle'], contributor: 'S01', value: 40 }, …]
 */
import type { SurveyCoverage } from '../model/coverage.ts';
import type { HarmonizedYear } from '../model/harmonized.ts';
import type { MediationRow, RencontreRow } from '../model/rows.ts';
import type { Contribution } from '../protect/types.ts';
import type { CodeConfig, TableConfig } from './config.ts';

/** A row of either survey reduced to what a cube needs. */
export interface Unit {
  id: string;
  departement: string;
  fields: Readonly<Record<string, number | null | string>>;
}

export const CONTRIBUTOR = { mediation: 'service_id', rencontre: 'structure_id' } as const;

function mediationUnit(row: MediationRow): Unit {
  return { id: row.service_id, departement: row.departement, fields: { ...row } };
}

function rencontreUnit(row: RencontreRow): Unit {
  return { id: row.structure_id, departement: row.departement, fields: { ...row } };
}

/** The units a table is built on (mediation services or ER structures). */
export function unitsOf(year: HarmonizedYear, survey: 'mediation' | 'rencontre'): Unit[] {
  return survey === 'mediation' ? year.mediation.map(mediationUnit) : year.rencontre.map(rencontreUnit);
}

export function numberField(unit: Unit, field: string): number | null {
  const value = unit.fields[field];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/**
 * A zero contribution is left out: a service that reported no judicial mediation does not count as a
 * contributor of the judicial cell (the frequency rule counts contributors of a non-zero value).
 */
export function cubeContributions(table: TableConfig, units: readonly Unit[]): Contribution[] {
  const out: Contribution[] = [];
  for (const unit of units) {
    for (const code of table.dimension.codes) {
      const value = code.field === undefined ? null : numberField(unit, code.field);
      if (value !== null && value !== 0) out.push({ codes: [unit.departement, code.code], contributor: unit.id, value });
    }
  }
  return out;
}

/** One measure of a `measures` table: a geo-only cube (count: every unit contributes 1). */
export function measureContributions(code: CodeConfig, units: readonly Unit[]): Contribution[] {
  const out: Contribution[] = [];
  for (const unit of units) {
    const value = code.aggregate === 'count' ? 1 : code.field === undefined ? null : numberField(unit, code.field);
    if (value !== null && value !== 0) out.push({ codes: [unit.departement], contributor: unit.id, value });
  }
  return out;
}

/**
 * A count of services (`aggregate: count`) is a public fact read from the register of known services,
 * not from the respondents: every known service contributes 1 in its department (without a register,
 * the known services are the respondents).
 */
export function knownServiceContributions(coverage: SurveyCoverage): Contribution[] {
  return [...coverage.departments].flatMap(([dep, c]) => c.known.map((id) => ({ codes: [dep], contributor: id, value: 1 })));
}
