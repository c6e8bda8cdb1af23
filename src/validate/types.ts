/** What the validate stage returns: typed accepted rows per survey, the rejects, and one report per file. */
import type { PlausibilityCheck } from './plausibility.ts';
import type { MediationRow, RencontreRow, SurveyId } from '../model/rows.ts';

/** One line of `rejects.csv`. `row` is the row in the user's file (header = 1), null for a whole-file problem. */
export interface Reject {
  file: string;
  row: number | null;
  column: string;
  value: string;
  reason: string;
}

/** One entry of the manifest's `inputs`: `rows_read = rows_accepted + rows_rejected` always. */
export interface InputReport {
  path: string;
  survey: SurveyId;
  sha256: string;
  encoding: string;
  format: string;
  delimiter: string | null;
  decimal: string | null;
  sheet: string | null;
  header_row: number | null;
  rows_read: number;
  rows_accepted: number;
  rows_rejected: number;
  /** blank rows (not data, neither accepted nor rejected) */
  rows_blank: number;
  problem: string | null;
}

/** Rows that passed every check; later stages trust their types. */
export interface ValidTable<Row> {
  survey: SurveyId;
  rows: readonly Row[];
}

export interface ValidatedYear {
  year: number;
  mediation: ValidTable<MediationRow>;
  rencontre: ValidTable<RencontreRow>;
  rejects: readonly Reject[];
  inputs: readonly InputReport[];
  notices: readonly string[];
  /** accepted rows that fail a plausibility rule: listed in `a-verifier.csv`, not rejected */
  checks?: readonly PlausibilityCheck[];
}
