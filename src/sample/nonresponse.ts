/**
 * Known services that send no return: every service of the departments in
 * `SAMPLE_FACTS.silentMediation` (Mayotte: known, never answers, shown `nd`), and each year a few other
 * services drawn at random. They stay in the register (`register.ts`): that is how the pipeline sees
 * the non-response, beside the returns rejected whole (`defects.ts`).
 *
 * @example
 *   missingReturns(rng, universe.mediation, 2024, 'mediation', new Set(['2A'])).map((m) => `${m.service} ${m.why}`);
 *   // Mayotte's service(s) "silent", then `SAMPLE_FACTS.missingReturns.mediation` services "drawn", sorted by id
 */
import type { Rng } from './prng.ts';
import { SAMPLE_FACTS } from './targets.ts';
import type { Unit } from './universe.ts';

export interface MissingReturn {
  year: number;
  survey: 'mediation' | 'rencontre';
  service: string;
  departement: string;
  /** `silent`: a department whose services never answer; `drawn`: drawn this year */
  why: 'silent' | 'drawn';
}

/** The services open in `year` that send nothing; none is drawn from the `spared` departments. */
export function missingReturns(rng: Rng, units: readonly Unit[], year: number, survey: 'mediation' | 'rencontre', spared: ReadonlySet<string>): MissingReturn[] {
  const open = units.filter((u) => u.years.includes(year));
  const silentDepartments: readonly string[] = survey === 'mediation' ? SAMPLE_FACTS.silentMediation : [];
  const silent = open.filter((u) => silentDepartments.includes(u.departement));
  const candidates = open.filter((u) => !silentDepartments.includes(u.departement) && !spared.has(u.departement));
  const drawn = rng.shuffle(candidates).slice(0, SAMPLE_FACTS.missingReturns[survey]);
  const missing = (u: Unit, why: MissingReturn['why']): MissingReturn => ({ year, survey, service: u.id, departement: u.departement, why });
  return [...silent.map((u) => missing(u, 'silent')), ...drawn.map((u) => missing(u, 'drawn'))].sort((a, b) => (a.service < b.service ? -1 : a.service > b.service ? 1 : 0));
}
