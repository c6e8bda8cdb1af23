/**
 * Crossing the two surveys: rates per 100 000 inhabitants, shares, evolutions on the previous year
 * (recipes over protected cells, turned into tables by `derive`, so every derived cell inherits the
 * secrecy of its inputs), coverage (white zones: departments without any service) and response. Each
 * code's recipe is data, read from the catalogue (`recipe` of the codes of `pipelines/config/tables.json`).
 *
 * @example
 *   const cells = rateCells(lookup, geography, table.dimension.codes, geoCodes, notComputedIn(catalogue), table.id);
 *   derive(['geo', 'indicateur'], cells);
 */
import type { YearCoverage } from '../model/coverage.ts';
import type { Geography } from '../model/geography.ts';
import type { CellRef, DerivedCell } from '../protect/derive.ts';
import type { ProtectedTable } from '../protect/protected-table.ts';
import type { Contribution } from '../protect/types.ts';
import type { CellSource, CodeRecipe, TableConfig } from './config.ts';
import { recipeMessages as m } from './messages.ts';

/** A protected cell of another table of the publication: table id and its non-geo code. */
export type Source = CellSource;

/** A code of a derived table with its recipe, as the catalogue gives it. */
export interface RecipeCode {
  code: string;
  recipe?: CodeRecipe;
}

const PER = 100_000;

/**
 * How a figure changes from one year to the next: a level (count, amount, FTE, days, rate per
 * 100 000 inhabitants) in % of its previous value; a share or a rate in % in points (the difference
 * of the two percentages: a share going from 30 % to 33 % gains 3 points, not 10 %).
 */
export type Change = 'percent' | 'points';

/**
 * Whether a source cell's absence means "not computed" rather than a published zero: derived figures
 * and medians (the same distinction as the CSV tables make between `0` and `///`).
 */
export type NotComputed = (source: Source) => boolean;

/** The catalogue's not-computed cells: every code of a derived table, and medians. */
export function notComputedIn(tables: readonly TableConfig[]): NotComputed {
  const byId = new Map(tables.map((t) => [t.id, t]));
  return (source) => {
    const t = byId.get(source.table);
    return t !== undefined && (t.kind === 'derived' || t.dimension.codes.some((c) => c.code === source.code && c.aggregate === 'median'));
  };
}

/** The recipe of a code, of the kind its table needs; a catalogue checked at load always has it. */
function recipeOf<K extends CodeRecipe['kind']>(table: string, c: RecipeCode, kinds: readonly K[]): Extract<CodeRecipe, { kind: K }> {
  const recipe = c.recipe;
  if (!recipe || !(kinds as readonly string[]).includes(recipe.kind)) throw new Error(m.unknownCode(table, c.code));
  return recipe as Extract<CodeRecipe, { kind: K }>;
}

export type TableLookup = (id: string) => ProtectedTable | undefined;

function ref(lookup: TableLookup, source: Source, geo: string, notComputed: NotComputed): CellRef {
  const table = lookup(source.table);
  if (!table) throw new Error(m.missingTable(source.table));
  return { table, codes: [geo, source.code], ...(notComputed(source) ? { absent: 'undefined' as const } : {}) };
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

/** Cells of a `rates` table (per 100 000 inhabitants, shares) for its codes and territories. */
export function rateCells(lookup: TableLookup, geography: Geography, codes: readonly RecipeCode[], geoCodes: readonly string[], notComputed: NotComputed, table: string): DerivedCell[] {
  const cells: DerivedCell[] = [];
  for (const c of codes) {
    const recipe = recipeOf(table, c, ['per100k', 'share'] as const);
    for (const geo of geoCodes) {
      if (recipe.kind === 'per100k') {
        const population = geography.population[geo] ?? 0;
        cells.push({ codes: [geo, c.code], inputs: [ref(lookup, recipe.of, geo, notComputed)], compute: ([n]) => (population > 0 ? (n * PER) / population : null) });
      } else {
        const inputs = [...recipe.numerators, recipe.denominator].map((s) => ref(lookup, s, geo, notComputed));
        cells.push({
          codes: [geo, c.code],
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

/** A code's change recipe: its source cell (same table id and code in both years) and kind. */
export function changeOf(c: RecipeCode, table: string): { source: Source; change: Change } {
  const recipe = recipeOf(table, c, ['change'] as const);
  return { source: recipe.of, change: recipe.change };
}

/**
 * Cells of an `evolution` table, the one place where changes on the previous year are computed (the
 * renderers only show them): 100 × (this year − last year) / last year for a level, undefined when
 * last year is 0; this year − last year for a share or a rate in %. Each takes the secrecy of both
 * years' cells, like every derived figure.
 */
export function evolutionCells(current: TableLookup, previous: TableLookup, codes: readonly RecipeCode[], geoCodes: readonly string[], notComputed: NotComputed, table: string): DerivedCell[] {
  const cells: DerivedCell[] = [];
  for (const c of codes) {
    const recipe = changeOf(c, table);
    for (const geo of geoCodes) {
      cells.push({
        codes: [geo, c.code],
        inputs: [ref(current, recipe.source, geo, notComputed), ref(previous, recipe.source, geo, notComputed)],
        compute: ([now, before]) => change(recipe.change, now, before),
      });
    }
  }
  return cells;
}

/**
 * A `coverage` table as contributions, one geo-only cube per code: each department contributes 1
 * (or 0) for itself — 1 when it has no known service of any of the code's surveys (every department
 * when it names none). Whether a department has a service is a public fact (lists of conventionné
 * services and agreed structures are public): it is read from the register of known services (the
 * respondents when there is none), so a department whose services did not answer is no white zone.
 * These cubes go through the engine with no rule.
 */
export function coverageContributions(geography: Geography, coverage: YearCoverage, codes: readonly RecipeCode[], table: string): Record<string, Contribution[]> {
  const has = (survey: 'mediation' | 'rencontre', dep: string) => (coverage[survey].departments.get(dep)?.known.length ?? 0) > 0;
  return Object.fromEntries(
    codes.map((c) => {
      const { without } = recipeOf(table, c, ['departments'] as const);
      return [c.code, geography.departments.map((d) => ({ codes: [d.code], contributor: d.code, value: without.every((s) => !has(s, d.code)) ? 1 : 0 }))];
    }),
  );
}

/**
 * A `response` table's counts: services known (register) or with a usable return, of one survey, as
 * public counts (one contribution of 1 per service); its `ratio` codes (response rates) are derived
 * from them.
 */
export function responseContributions(coverage: YearCoverage, codes: readonly RecipeCode[], table: string): Record<string, Contribution[]> {
  return Object.fromEntries(
    codes.map((c) => {
      const { survey, which } = recipeOf(table, c, ['services'] as const);
      return [c.code, [...coverage[survey].departments].flatMap(([dep, services]) => services[which].map((id) => ({ codes: [dep], contributor: id, value: 1 })))];
    }),
  );
}

/** A `response` table's rate: one code in % of another of the same table. */
export function ratioOf(c: RecipeCode, table: string): { numerator: string; denominator: string } {
  const { numerator, denominator } = recipeOf(table, c, ['ratio'] as const);
  return { numerator, denominator };
}
