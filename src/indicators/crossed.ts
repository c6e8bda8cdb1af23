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
import type { DerivedCell } from '../protect/derive.ts';
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

/** croise-evolution: each indicator, from which cell (same table id in both years). */
export const EVOLUTION_SOURCES: Readonly<Record<string, Source>> = {
  mediations_terminees: { table: 'med-terminees-cadre', code: 'ENS' },
  enfants_er: { table: 'er-accueil', code: 'enfants' },
  etp_mediateurs: { table: 'med-moyens', code: 'etp_mediateurs' },
  familles_attente: { table: 'er-attente', code: 'familles_attente' },
};

export type TableLookup = (id: string) => ProtectedTable | undefined;

function ref(lookup: TableLookup, source: Source, geo: string) {
  const table = lookup(source.table);
  if (!table) throw new Error(m.missingTable(source.table));
  return { table, codes: [geo, source.code] };
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

/** Cells of croise-evolution: 100 × (this year − last year) / last year; undefined when last year is 0. */
export function evolutionCells(current: TableLookup, previous: TableLookup, codes: readonly string[], geoCodes: readonly string[]): DerivedCell[] {
  const cells: DerivedCell[] = [];
  for (const code of codes) {
    const source = Object.hasOwn(EVOLUTION_SOURCES, code) ? EVOLUTION_SOURCES[code] : undefined;
    if (!source) throw new Error(m.unknownCode('croise-evolution', code));
    for (const geo of geoCodes) {
      cells.push({
        codes: [geo, code],
        inputs: [ref(current, source, geo), ref(previous, source, geo)],
        compute: ([now, before]) => (before > 0 ? (100 * (now - before)) / before : null),
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
