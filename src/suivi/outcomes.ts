/**
 * What the cohort stage produces and the outcomes it counts (issue 23), shared by the DuckDB stage
 * (`cohorts.ts`), its brute-force check (tests/suivi/cohorts.test.ts) and the publication.
 *
 * A cohort of year N: the children whose mediation (or measure) ended in N — one episode per child,
 * scheme and year, the last one ended. Its outcomes at a horizon of 12 or 24 months after the end:
 * - `enfants`: the cohort's children;
 * - `retour_juge`: a family-court decision (a modification, or a new first application) dated from
 *   the month of the end to `horizon` months after;
 * - `exercice_autonome` (espaces de rencontre): the measure ended on autonomous visiting;
 *   `autonomie_durable`: so, and neither a new measure starting nor a decision within 12 months;
 * - `connus_caf`: children with a CAF situation both at 31 December before the start and at the
 *   horizon (31 December of N + horizon/12); among them `asf_avant`, `asf_horizon`,
 *   `intermediation_avant`, `intermediation_horizon`, `af_partagees_avant`, `af_partagees_horizon`.
 * A horizon is published once observable: N + horizon/12 ≤ the run's latest year.
 */

export const SCHEMES = ['mediation', 'rencontre'] as const;
export type Scheme = (typeof SCHEMES)[number];
export const HORIZONS = [12, 24] as const;

export const CAF_FLAGS = ['asf', 'intermediation', 'af_partagees'] as const;

export const OUTCOMES: Readonly<Record<Scheme, readonly string[]>> = {
  mediation: ['enfants', 'retour_juge', 'connus_caf', ...CAF_FLAGS.flatMap((f) => [`${f}_avant`, `${f}_horizon`])],
  rencontre: ['enfants', 'retour_juge', 'exercice_autonome', 'autonomie_durable', 'connus_caf', ...CAF_FLAGS.flatMap((f) => [`${f}_avant`, `${f}_horizon`])],
};

/** Rates: numerator / denominator, published only with both counts and a denominator ≥ the precision threshold. */
export const RATES: Readonly<Record<Scheme, readonly { outcome: string; numerator: string; denominator: string }[]>> = {
  mediation: [
    { outcome: 'taux_retour_juge', numerator: 'retour_juge', denominator: 'enfants' },
    ...CAF_FLAGS.flatMap((f) => [
      { outcome: `taux_${f}_avant`, numerator: `${f}_avant`, denominator: 'connus_caf' },
      { outcome: `taux_${f}_horizon`, numerator: `${f}_horizon`, denominator: 'connus_caf' },
    ]),
  ],
  rencontre: [
    { outcome: 'taux_retour_juge', numerator: 'retour_juge', denominator: 'enfants' },
    { outcome: 'taux_exercice_autonome', numerator: 'exercice_autonome', denominator: 'enfants' },
    { outcome: 'taux_autonomie_durable', numerator: 'autonomie_durable', denominator: 'enfants' },
    ...CAF_FLAGS.flatMap((f) => [
      { outcome: `taux_${f}_avant`, numerator: `${f}_avant`, denominator: 'connus_caf' },
      { outcome: `taux_${f}_horizon`, numerator: `${f}_horizon`, denominator: 'connus_caf' },
    ]),
  ],
};

/**
 * One leaf count: the children of one scheme, cohort, horizon, department, unit (service or
 * structure), first group (frame or origin) and second group (result or end) that have an outcome.
 */
export interface OutcomeCount {
  scheme: Scheme;
  cohort: number;
  horizon: number;
  departement: string;
  unit: string;
  /** `cadre` (mediation) or `origine` (espaces de rencontre) */
  g1: string;
  /** `issue` */
  g2: string;
  outcome: string;
  value: number;
}

/** Total order of leaf counts (deterministic outputs, comparable results). */
export function compareCounts(a: OutcomeCount, b: OutcomeCount): number {
  const ka = [a.scheme, String(a.cohort), String(a.horizon).padStart(3, '0'), a.departement, a.unit, a.g1, a.g2, a.outcome];
  const kb = [b.scheme, String(b.cohort), String(b.horizon).padStart(3, '0'), b.departement, b.unit, b.g1, b.g2, b.outcome];
  for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i] < kb[i] ? -1 : 1;
  return 0;
}
