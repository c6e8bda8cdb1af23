/**
 * The marks a reader sees instead of a figure (French conventions, defined in every table's note):
 * - `-`   nothing by nature: no known service of that kind in the territory;
 * - `nd`  not available: known services, none with a usable return;
 * - `///` not applicable: a derived figure or a median that cannot be computed (a share with a zero
 *         denominator, a median without any structure);
 * - `ns`  not significant: an evolution on a small base or on respondents that changed;
 * - `s`   statistical secrecy — never a mark: it comes from the cell's status.
 * A true zero stays `0`, and so does any other absent cell: a count with no contributor. Marks only
 * replace figures that are published or absent, never a secret one.
 *
 * @example
 *   const marks = tableMarks(config, table, { geography, geoCodes, coverage, … });
 *   marks.get(markKey('976', 'ENS')); // 'nd'
 */
import { availability, respondentsOver } from '../harmonize/coverage.ts';
import type { Survey, YearCoverage } from '../model/coverage.ts';
import type { Geography } from '../model/geography.ts';
import type { Mark } from '../model/publication.ts';
import { cellAt } from '../protect/derive.ts';
import type { ProtectedTable } from '../protect/protected-table.ts';
import type { TableConfig } from './config.ts';
import type { Source } from './crossed.ts';
import { geoMembers } from './geo.ts';

export const markKey = (geo: string, code: string) => `${geo}\u0001${code}`;

/** An evolution is `ns` when both years are below `minBase`, or when more than `maxRespondentChange` of the respondents changed. */
export interface EvolutionRule {
  minBase: number;
  /** share of the larger respondent set (0.1: 10 %) */
  maxRespondentChange: number;
}

export interface MarkContext {
  geography: Geography;
  geoCodes: readonly string[];
  coverage: YearCoverage;
  /** the previous year's coverage and tables (evolutions) */
  previous?: { coverage?: YearCoverage; table: (id: string) => ProtectedTable | undefined };
  table: (id: string) => ProtectedTable | undefined;
  surveyOfTable: (id: string) => Survey | undefined;
  /** the catalogue's entry of a table (the recipes of its codes) */
  tableConfig: (id: string) => TableConfig | undefined;
  evolution: EvolutionRule;
}

const AVAILABILITY_MARK = { none: '-', nd: 'nd' } as const;

/**
 * The survey cells a derived code is computed from (rates, shares, evolutions of either, followed
 * through the derived tables they read); none for counts of services and departments.
 */
function sourcesOf(table: string, code: string, ctx: MarkContext): readonly Source[] {
  const recipe = ctx.tableConfig(table)?.dimension.codes.find((c) => c.code === code)?.recipe;
  if (!recipe) return [];
  const direct = recipe.kind === 'per100k' || recipe.kind === 'change' ? [recipe.of] : recipe.kind === 'share' ? [...recipe.numerators, recipe.denominator] : [];
  return direct.flatMap((s) => (isDerived(s.table, ctx) ? sourcesOf(s.table, s.code, ctx) : [s]));
}

const isDerived = (table: string, ctx: Pick<MarkContext, 'tableConfig'>) => ctx.tableConfig(table)?.kind === 'derived';

/** A code's change on the previous year, when its table is an evolution table. */
function changeRecipe(t: TableConfig, code: string) {
  const recipe = t.dimension.codes.find((c) => c.code === code)?.recipe;
  return recipe?.kind === 'change' ? recipe : undefined;
}

/** The surveys a code's figure comes from. */
function surveysOf(t: TableConfig, code: string, ctx: MarkContext): Survey[] {
  const declared = t.dimension.codes.find((c) => c.code === code)?.survey;
  if (declared) return [declared];
  if (t.survey !== 'croise') return [t.survey];
  return [...new Set(sourcesOf(t.id, code, ctx).flatMap((s) => ctx.surveyOfTable(s.table) ?? []))];
}

function changedShare(before: readonly string[], now: readonly string[]): number {
  const a = new Set(before);
  const b = new Set(now);
  const diff = [...a].filter((x) => !b.has(x)).length + [...b].filter((x) => !a.has(x)).length;
  return diff / Math.max(1, a.size, b.size);
}

export function tableMarks(t: TableConfig, table: ProtectedTable, ctx: MarkContext): Map<string, Mark> {
  const marks = new Map<string, Mark>();
  const members = geoMembers(ctx.geography);
  const dims = table.dimensions;
  const codeAt = dims.findIndex((d) => d !== 'geo');
  const geoAt = dims.indexOf('geo');
  const index = new Map(table.cells.map((c) => [markKey(c.codes[geoAt], codeAt < 0 ? '' : c.codes[codeAt]), c]));
  const cellOf = (geo: string, code: string) => index.get(markKey(geo, code));
  const codes = [...t.dimension.codes.map((c) => c.code), ...(t.dimension.total !== undefined ? [t.dimension.total] : [])];
  for (const code of codes) {
    const config = t.dimension.codes.find((c) => c.code === code);
    // counts of services come from the register: a true number (0 where there is none)
    if (config?.aggregate === 'count') continue;
    const surveys = surveysOf(t, code, ctx);
    for (const geo of ctx.geoCodes) {
      const deps = members.get(geo) ?? [];
      const cell = cellOf(geo, code);
      if (cell && cell.status !== 's') continue; // secret: `s`, whatever else is true
      const states = surveys.flatMap((s) => {
        const now = availability(ctx.coverage[s], deps);
        const before = t.recipe === 'evolution' && ctx.previous?.coverage ? availability(ctx.previous.coverage[s], deps) : 'full';
        return [now, before];
      });
      if (states.includes('nd')) marks.set(markKey(geo, code), 'nd');
      else if (states.includes('none')) marks.set(markKey(geo, code), AVAILABILITY_MARK.none);
      else if (t.recipe === 'evolution' && cell) {
        const recipe = changeRecipe(t, code);
        const mark = recipe ? evolutionMark(recipe, geo, deps, surveys, ctx) : undefined;
        if (mark) marks.set(markKey(geo, code), mark);
      } else if (!cell && (t.survey === 'croise' || config?.aggregate === 'median')) {
        // a derived figure or a median that could not be computed (zero denominator, no structure)
        marks.set(markKey(geo, code), '///');
      }
    }
  }
  return marks;
}

/**
 * The survey level a change in % is judged on by the small-base rule: the source itself, or, for a
 * rate per inhabitant, the level it divides (followed through derived tables); none for a share.
 */
export function levelOf(source: Source, ctx: Pick<MarkContext, 'tableConfig'>): Source | undefined {
  if (!isDerived(source.table, ctx)) return source;
  const recipe = ctx.tableConfig(source.table)?.dimension.codes.find((c) => c.code === source.code)?.recipe;
  return recipe?.kind === 'per100k' ? levelOf(recipe.of, ctx) : undefined;
}

/** `ns` for a published evolution on a small base or on changed respondents; undefined otherwise. */
function evolutionMark(recipe: { of: Source; change: 'percent' | 'points' }, geo: string, deps: readonly string[], surveys: readonly Survey[], ctx: MarkContext): Mark | undefined {
  const { of: source, change } = recipe;
  const now = ctx.table(source.table);
  const before = ctx.previous?.table(source.table);
  if (!now || !before) return undefined;
  // the base rule reads levels of the surveys (counts, amounts, FTE, days): a rate per inhabitant's
  // level (0,8 FTE for Guyane: its FTE and its FTE per 100 000 inhabitants are both ns); a change in
  // points is judged by its respondents only
  const level = change === 'percent' ? levelOf(source, ctx) : undefined;
  const levelNow = level && ctx.table(level.table);
  const levelBefore = level && ctx.previous?.table(level.table);
  if (level && levelNow && levelBefore) {
    const a = cellAt(levelNow, [geo, level.code]).value;
    const b = cellAt(levelBefore, [geo, level.code]).value;
    if (Math.abs(a) < ctx.evolution.minBase && Math.abs(b) < ctx.evolution.minBase) return 'ns';
  }
  const previous = ctx.previous?.coverage;
  if (!previous) return undefined;
  for (const s of surveys) {
    if (changedShare(respondentsOver(previous[s], deps), respondentsOver(ctx.coverage[s], deps)) > ctx.evolution.maxRespondentChange) return 'ns';
  }
  return undefined;
}
