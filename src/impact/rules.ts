/**
 * The impact method's parameters and publication rules, as data (the defaults of
 * `pipelines/config/impact.json`; the issue-24 values).
 *
 * @example
 *   impactRules.minTreated; // 200
 */
export interface ImpactRules {
  /** bootstrap replicates (the issue asks for at least 500) */
  replicates: number;
  /** seed mixed into the hash of family and replicate */
  seed: number;
  /** outcome horizon, months after the separation year */
  horizonMonths: number;
  /** a territory's estimates are published with at least this many treated children… */
  minTreated: number;
  /** …and this many matched comparison children */
  minCompared: number;
  /** a survival step is published where each group has at least this many children at risk */
  minAtRisk: number;
  /** and the events since the last published step are 0 or at least this many */
  minEvents: number;
  /** a count derivable by difference (unmatched children, a remainder of territories) is never 1 to this − 1 */
  minCount: number;
}

export const impactRules: Readonly<ImpactRules> = {
  replicates: 500,
  seed: 2024,
  horizonMonths: 24,
  minTreated: 200,
  minCompared: 200,
  minAtRisk: 11,
  minEvents: 11,
  minCount: 11,
};

export const OUTCOMES = ['retour_juge', 'asf', 'af_partagees', 'intermediation'] as const;
export type Outcome = (typeof OUTCOMES)[number];
export const METHODS = ['matched', 'naive'] as const;
export type Method = (typeof METHODS)[number];

/** Names of the DuckDB tables holding the follow-up files (issue 23's contract, one row per CSV row, every year stacked). */
export interface SuiviTables {
  caf: string;
  mediation: string;
  justice: string;
}

export const defaultSuiviTables: Readonly<SuiviTables> = { caf: 'suivi_caf', mediation: 'suivi_mediation', justice: 'suivi_justice' };
