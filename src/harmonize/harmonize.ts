/**
 * The harmonize stage (pure): validated rows of one year → `HarmonizedYear`, the only place that
 * type is built. Every row's department is checked against the reference geography (validation
 * already refused unknown ones: a failure here is a programming error, not a user error), so every
 * row rolls up to exactly one region and one court of appeal. Rows are ordered by department, then id.
 * The year's coverage (known services of the register against respondents) is computed here.
 *
 * @example
 *   const year2024 = harmonize(validate(returns, dictionaries, geography), geography);
 *   year2024.mediation.length;
 */
import type { KnownService } from '../model/coverage.ts';
import type { Geography } from '../model/geography.ts';
import { coverageOf } from './coverage.ts';
import type { HarmonizedYear } from '../model/harmonized.ts';
import type { MediationRow, RencontreRow } from '../model/rows.ts';
import type { ValidatedYear } from '../validate/types.ts';

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function ordered<Row extends { departement: string }>(rows: readonly Row[], id: (row: Row) => string, known: ReadonlySet<string>): Row[] {
  for (const row of rows) {
    if (!known.has(row.departement)) throw new Error(`harmonize : département ${row.departement} hors référentiel (ligne ${id(row)}) — la validation aurait dû la rejeter`);
  }
  return [...rows].sort((a, b) => compare(a.departement, b.departement) || compare(id(a), id(b)));
}

export function harmonize(validated: ValidatedYear, geography: Geography, register: readonly KnownService[] = []): HarmonizedYear {
  const known = new Set(geography.departments.map((d) => d.code));
  const mediation: MediationRow[] = ordered(validated.mediation.rows, (row) => row.service_id, known);
  const rencontre: RencontreRow[] = ordered(validated.rencontre.rows, (row) => row.structure_id, known);
  const coverage = coverageOf(register, validated.year, {
    mediation: mediation.map((row) => ({ id: row.service_id, departement: row.departement })),
    rencontre: rencontre.map((row) => ({ id: row.structure_id, departement: row.departement })),
  });
  // the brand is a declared symbol: this cast is the one constructor of HarmonizedYear
  return { year: validated.year, geography, mediation, rencontre, coverage } as unknown as HarmonizedYear;
}
