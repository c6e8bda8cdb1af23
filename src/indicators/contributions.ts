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
import { MEDIATION_FIELDS, RENCONTRE_FIELDS } from '../validate/fields.ts';
import type { CodeConfig, TableConfig } from './config.ts';

/**
 * A row of either survey as a cube reads it: its contributor, its department and the typed row
 * itself (no copy into a string-keyed bag): a figure is read through `numberReader`, which resolves
 * the catalogue's field name against the survey's row type once.
 */
export type Unit =
  | { survey: 'mediation'; id: string; departement: string; row: MediationRow }
  | { survey: 'rencontre'; id: string; departement: string; row: RencontreRow };

export const CONTRIBUTOR = { mediation: 'service_id', rencontre: 'structure_id' } as const;

/** The units a table is built on (mediation services or ER structures). */
export function unitsOf(year: HarmonizedYear, survey: 'mediation' | 'rencontre'): Unit[] {
  return survey === 'mediation'
    ? year.mediation.map((row) => ({ survey, id: row.service_id, departement: row.departement, row }))
    : year.rencontre.map((row) => ({ survey, id: row.structure_id, departement: row.departement, row }));
}

type MediationField = (typeof MEDIATION_FIELDS)[number];
type RencontreField = (typeof RENCONTRE_FIELDS)[number];
const isMediationField = (field: string): field is MediationField => (MEDIATION_FIELDS as readonly string[]).includes(field);
const isRencontreField = (field: string): field is RencontreField => (RENCONTRE_FIELDS as readonly string[]).includes(field);

/**
 * The reader of a catalogue field (`field` of a code, checked at load against its survey's fields):
 * the unit's figure there, or null when the field is empty, not a number, or not of the unit's survey.
 *
 * @example
 *   numberReader('seances')(unit); // 120
 */
export function numberReader(field: string): (unit: Unit) => number | null {
  const mediation = isMediationField(field) ? field : undefined;
  const rencontre = isRencontreField(field) ? field : undefined;
  return (unit) => {
    const value = unit.survey === 'mediation' ? (mediation === undefined ? undefined : unit.row[mediation]) : rencontre === undefined ? undefined : unit.row[rencontre];
    return typeof value === 'number' && Number.isFinite(value) ? value : null;
  };
}

/**
 * A zero contribution is left out: a service that reported no judicial mediation does not count as a
 * contributor of the judicial cell (the frequency rule counts contributors of a non-zero value).
 */
export function cubeContributions(table: TableConfig, units: readonly Unit[]): Contribution[] {
  const out: Contribution[] = [];
  const readers = table.dimension.codes.map((code) => ({ code, read: code.field === undefined ? () => null : numberReader(code.field) }));
  for (const unit of units) {
    for (const { code, read } of readers) {
      const value = read(unit);
      if (value !== null && value !== 0) out.push({ codes: [unit.departement, code.code], contributor: unit.id, value });
    }
  }
  return out;
}

/** One measure of a `measures` table: a geo-only cube (count: every unit contributes 1). */
export function measureContributions(code: CodeConfig, units: readonly Unit[]): Contribution[] {
  const out: Contribution[] = [];
  const read = code.field === undefined ? () => null : numberReader(code.field);
  for (const unit of units) {
    const value = code.aggregate === 'count' ? 1 : read(unit);
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
