/**
 * Output of the harmonize stage: the accepted rows of both surveys for one year, with department
 * codes checked against the reference geography (so every row rolls up to one region and one court).
 */
import type { YearCoverage } from './coverage.ts';
import type { Geography } from './geography.ts';
import type { MediationRow, RencontreRow } from './rows.ts';

declare const harmonizedBrand: unique symbol;

export interface HarmonizedYear {
  readonly [harmonizedBrand]: true;
  readonly year: number;
  readonly geography: Geography;
  readonly mediation: readonly MediationRow[];
  readonly rencontre: readonly RencontreRow[];
  /** known services (register) against respondents, per survey and department */
  readonly coverage: YearCoverage;
}
