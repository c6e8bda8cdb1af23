/**
 * Separations in the synthetic follow-up files, for the impact estimates (issue 24): the CAF files
 * must show families becoming single-parent (`monoparentale` 0 → 1), some of them with a mediation
 * around that time (the treated) and more without (the comparison).
 *
 * - A family of an ended mediation separates, with probability `MEDIATION_SEPARATING`, in the year
 *   its mediation starts or the year before (so that the start falls in the treatment window, six
 *   months before to twelve months after the separation year).
 * - Families without any scheme separate in the followed departments, `COMPARISON_RATIO` of them for
 *   each separating mediation family of the department and year; a little poorer than the mediation
 *   families (selection), with a first court decision around the separation for some and a return to
 *   court within two years for others (fewer among the richer). No effect of mediation is planted
 *   here: the proof that the estimator finds a planted effect is the synthetic population of
 *   src/impact/synthetic.ts.
 *
 * Draws come from their own generators (`fork`): the rest of the follow-up sample keeps its bytes.
 *
 * @example
 *   separateForMediation(rng, family, debutDay);
 *   comparisonFamilies(rng, families, 2025, newFamily, decision);
 */
import type { Rng } from './prng.ts';

export const MEDIATION_SEPARATING = 0.45;
export const COMPARISON_RATIO = 1.6;

/** What the separation adds to a family of the follow-up sample. */
export interface SeparatingFamily {
  departement: string;
  quintile: number;
  /** year of the separation: single-parent from its 31 December, two-parent before */
  separation?: number;
  /** receives the allocation de soutien familial once separated */
  asfAfter?: boolean;
  /** the family's CAF situations start the year before the separation (comparison families) */
  cafFrom?: number;
}

const yearOfDay = (day: number): number => new Date(day * 86_400_000).getUTCFullYear();
const dayOf = (year: number, month = 1, date = 1): number => Date.UTC(year, month - 1, date) / 86_400_000;

/** Marks a mediation family as separating (or not), given the day its mediation starts. */
export function separateForMediation(r: Rng, family: SeparatingFamily, debut: number, firstCafYear: number): void {
  const separating = r.chance(MEDIATION_SEPARATING);
  const before = r.chance(0.5);
  const asf = r.chance(0.3);
  if (!separating) return;
  const start = yearOfDay(debut);
  family.separation = before && start - 2 >= firstCafYear ? start - 1 : Math.max(start, firstCafYear + 1);
  family.asfAfter = asf;
}

/**
 * Adds the comparison families: for each department and separation year, `COMPARISON_RATIO` times
 * the separating mediation families already there. `create` makes a family (as the mediation ones
 * are made); `decide` records a family-court decision concerning its children on a day.
 */
export function comparisonFamilies<F extends SeparatingFamily>(
  r: Rng,
  families: readonly F[],
  lastYear: number,
  create: (r: Rng, departement: string, year: number) => F,
  decide: (r: Rng, family: F, day: number, nature: 'premiere_demande' | 'modification') => void,
): void {
  const separating = new Map<string, number>();
  for (const f of families) {
    if (f.separation === undefined) continue;
    const k = `${f.departement}|${f.separation}`;
    separating.set(k, (separating.get(k) ?? 0) + 1);
  }
  for (const [k, n] of [...separating].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const [departement, y] = k.split('|');
    const year = Number(y);
    const yr = r.fork(k);
    for (let i = 0; i < Math.round(n * COMPARISON_RATIO); i++) {
      const f = create(yr, departement, year);
      f.quintile = 1 + yr.weighted([0.36, 0.27, 0.19, 0.11, 0.07]);
      f.separation = year;
      f.cafFrom = year - 1;
      f.asfAfter = yr.chance(0.35);
      if (yr.chance(0.45)) decide(yr, f, dayOf(year) + yr.int(30, 360), 'premiere_demande');
      const back = 0.3 - 0.03 * (f.quintile - 3);
      const when = dayOf(year + 1) + yr.int(0, 720);
      if (yr.chance(back) && yearOfDay(when) <= lastYear) decide(yr, f, when, 'modification');
    }
  }
}
