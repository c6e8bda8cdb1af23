/**
 * Crossing the two surveys: rates per 100 000 inhabitants, shares, agreement rate, evolutions on the
 * previous year (recipes over protected cells, turned into tables by `derive`, so every derived cell
 * inherits the secrecy of its inputs), and coverage (white zones: departments without any service).
 *
 * @example
 *   const cells = rateCells(tables, geography, geoCodes);
 *   derive(['geo', 'indicateur'], cells);
 */
import type { YearCoverage } from '../model/coverage.ts';
import type { Geography } from '../model/geography.ts';
import type { CellRef, DerivedCell } from '../protect/derive.ts';
import type { ProtectedTable } from '../protect/protected-table.ts';
import type { Contribution } from '../protect/types.ts';
import { recipeMessages as m } from './messages.ts';

/** A protected cell of another table of the publication: table id and its non-geo code. */
export interface Source {
  table: string;
  code: string;
}

const PER = 100_000;

type Recipe =
  | { kind: 'per100k'; numerator: Source }
  | { kind: 'share'; numerators: readonly Source[]; denominator: Source };

/** croise-taux: each indicator, from which published cells. */
export const RATE_RECIPES: Readonly<Record<string, Recipe>> = {
  mediations_100k: { kind: 'per100k', numerator: { table: 'med-terminees-cadre', code: 'ENS' } },
  enfants_er_100k: { kind: 'per100k', numerator: { table: 'er-accueil', code: 'enfants' } },
  etp_100k: { kind: 'per100k', numerator: { table: 'med-moyens', code: 'etp_mediateurs' } },
  part_judiciaire: { kind: 'share', numerators: [{ table: 'med-terminees-cadre', code: 'judiciaire' }], denominator: { table: 'med-terminees-cadre', code: 'ENS' } },
  taux_accord: {
    kind: 'share',
    numerators: [
      { table: 'med-terminees-issue', code: 'accord_ecrit' },
      { table: 'med-terminees-issue', code: 'accord_oral' },
    ],
    denominator: { table: 'med-terminees-issue', code: 'ENS' },
  },
  part_exercice_autonome: {
    kind: 'share',
    numerators: [{ table: 'er-mesures-fin', code: 'exercice_autonome' }],
    denominator: { table: 'er-mesures-fin', code: 'ENS' },
  },
};

/**
 * How a figure changes from one year to the next: a level (count, amount, FTE, days, rate per
 * 100 000 inhabitants) in % of its previous value; a share or a rate in % in points (the difference
 * of the two percentages: a share going from 30 % to 33 % gains 3 points, not 10 %).
 */
export type Change = 'percent' | 'points';

/** An evolution of croise-evolution: its source cell (same table id and code in both years) and kind. */
export interface EvolutionRecipe {
  source: Source;
  change: Change;
}

const percent = (table: string, code: string): EvolutionRecipe => ({ source: { table, code }, change: 'percent' });
const points = (table: string, code: string): EvolutionRecipe => ({ source: { table, code }, change: 'points' });

/** croise-evolution: each indicator, from which cell, in % or in points. */
export const EVOLUTION_RECIPES: Readonly<Record<string, EvolutionRecipe>> = {
  mediations_terminees: percent('med-terminees-cadre', 'ENS'),
  reunions_information: percent('med-activite', 'reunions_information'),
  entretiens_prealables: percent('med-activite', 'entretiens_prealables'),
  seances: percent('med-activite', 'seances'),
  services: percent('med-moyens', 'services'),
  etp_mediateurs: percent('med-moyens', 'etp_mediateurs'),
  mediateurs: percent('med-moyens', 'mediateurs'),
  lieux_accueil: percent('med-moyens', 'lieux_accueil'),
  financement_mediation: percent('med-financement', 'ENS'),
  structures_er: percent('er-accueil', 'structures'),
  familles_er: percent('er-accueil', 'familles'),
  enfants_er: percent('er-accueil', 'enfants'),
  rencontres_er: percent('er-accueil', 'rencontres'),
  mesures_nouvelles: percent('er-mesures-origine', 'ENS'),
  mesures_terminees: percent('er-mesures-fin', 'ENS'),
  mesures_violences: percent('er-violences', 'mesures_violences'),
  familles_attente: percent('er-attente', 'familles_attente'),
  delai_median_jours: percent('er-attente', 'delai_median_jours'),
  financement_er: percent('er-financement', 'ENS'),
  mediations_100k: percent('croise-taux', 'mediations_100k'),
  enfants_er_100k: percent('croise-taux', 'enfants_er_100k'),
  etp_100k: percent('croise-taux', 'etp_100k'),
  part_judiciaire: points('croise-taux', 'part_judiciaire'),
  taux_accord: points('croise-taux', 'taux_accord'),
  part_exercice_autonome: points('croise-taux', 'part_exercice_autonome'),
};

/**
 * Source cells whose absence means "not computed" rather than a published zero: derived figures and
 * medians (the same distinction as the CSV tables make between `0` and `///`).
 */
const NOT_COMPUTED_WHEN_ABSENT: readonly Source[] = [
  ...Object.keys(RATE_RECIPES).map((code) => ({ table: 'croise-taux', code })),
  { table: 'er-attente', code: 'delai_median_jours' },
];

export type TableLookup = (id: string) => ProtectedTable | undefined;

function ref(lookup: TableLookup, source: Source, geo: string): CellRef {
  const table = lookup(source.table);
  if (!table) throw new Error(m.missingTable(source.table));
  const notComputed = NOT_COMPUTED_WHEN_ABSENT.some((s) => s.table === source.table && s.code === source.code);
  return { table, codes: [geo, source.code], ...(notComputed ? { absent: 'undefined' as const } : {}) };
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

/** Cells of croise-taux for the given indicator codes and territories. */
export function rateCells(lookup: TableLookup, geography: Geography, codes: readonly string[], geoCodes: readonly string[]): DerivedCell[] {
  const cells: DerivedCell[] = [];
  for (const code of codes) {
    const recipe = Object.hasOwn(RATE_RECIPES, code) ? RATE_RECIPES[code] : undefined;
    if (!recipe) throw new Error(m.unknownCode('croise-taux', code));
    for (const geo of geoCodes) {
      if (recipe.kind === 'per100k') {
        const population = geography.population[geo] ?? 0;
        cells.push({ codes: [geo, code], inputs: [ref(lookup, recipe.numerator, geo)], compute: ([n]) => (population > 0 ? (n * PER) / population : null) });
      } else {
        const inputs = [...recipe.numerators, recipe.denominator].map((s) => ref(lookup, s, geo));
        cells.push({
          codes: [geo, code],
          inputs,
          compute: (values) => {
            const denominator = values[values.length - 1];
            return denominator > 0 ? (100 * sum(values.slice(0, -1))) / denominator : null;
          },
        });
      }
    }
  }
  return cells;
}

/** The change from `before` to `now`: in % of `before` (undefined from 0), or in points. */
export function change(kind: Change, now: number, before: number): number | null {
  if (kind === 'points') return now - before;
  return before > 0 ? (100 * (now - before)) / before : null;
}

/**
 * Cells of croise-evolution, the one place where changes on the previous year are computed (the
 * renderers only show them): 100 × (this year − last year) / last year for a level, undefined when
 * last year is 0; this year − last year for a share or a rate in %. Each takes the secrecy of both
 * years' cells, like every derived figure.
 */
export function evolutionCells(current: TableLookup, previous: TableLookup, codes: readonly string[], geoCodes: readonly string[]): DerivedCell[] {
  const cells: DerivedCell[] = [];
  for (const code of codes) {
    const recipe = Object.hasOwn(EVOLUTION_RECIPES, code) ? EVOLUTION_RECIPES[code] : undefined;
    if (!recipe) throw new Error(m.unknownCode('croise-evolution', code));
    for (const geo of geoCodes) {
      cells.push({
        codes: [geo, code],
        inputs: [ref(current, recipe.source, geo), ref(previous, recipe.source, geo)],
        compute: ([now, before]) => change(recipe.change, now, before),
      });
    }
  }
  return cells;
}

/**
 * croise-couverture as contributions, one geo-only cube per indicator: each department contributes
 * 1 (or 0) for itself. Whether a department has a service is a public fact (lists of conventionné
 * services and agreed structures are public): it is read from the register of known services (the
 * respondents when there is none), so a department whose services did not answer is no white zone.
 * These cubes go through the engine with no rule.
 */
export function coverageContributions(geography: Geography, coverage: YearCoverage): Record<string, Contribution[]> {
  const has = (survey: 'mediation' | 'rencontre', dep: string) => (coverage[survey].departments.get(dep)?.known.length ?? 0) > 0;
  const flags: Record<string, (dep: string) => boolean> = {
    departements: () => true,
    sans_mediation: (dep) => !has('mediation', dep),
    sans_er: (dep) => !has('rencontre', dep),
    sans_aucun: (dep) => !has('mediation', dep) && !has('rencontre', dep),
  };
  return Object.fromEntries(
    Object.entries(flags).map(([code, flag]) => [
      code,
      geography.departments.map((d) => ({ codes: [d.code], contributor: d.code, value: flag(d.code) ? 1 : 0 })),
    ]),
  );
}

/**
 * croise-reponse: services known (register) and services with a usable return, per survey, as
 * public counts (one contribution of 1 per service); the response rates are derived from them.
 */
export function responseContributions(coverage: YearCoverage): Record<string, Contribution[]> {
  const of = (survey: 'mediation' | 'rencontre', which: 'known' | 'respondents') =>
    [...coverage[survey].departments].flatMap(([dep, c]) => c[which].map((id) => ({ codes: [dep], contributor: id, value: 1 })));
  return {
    med_connus: of('mediation', 'known'),
    med_repondants: of('mediation', 'respondents'),
    er_connus: of('rencontre', 'known'),
    er_repondants: of('rencontre', 'respondents'),
  };
}

/** croise-reponse's rates: respondents over known services, in %. */
export const RESPONSE_RATES: Readonly<Record<string, { respondents: string; known: string }>> = {
  med_taux: { respondents: 'med_repondants', known: 'med_connus' },
  er_taux: { respondents: 'er_repondants', known: 'er_connus' },
};
