/**
 * The derived tables of the publication, built by their catalogue `recipe`: rates and shares,
 * evolutions on the previous year (derived from protected cells, secrecy inherited), coverage (public
 * counts of departments) and response (public counts of services, rates between them).
 *
 * @example
 *   const built = await buildCrossed(ctx, catalogue.find((t) => t.recipe === 'rates'));
 */
import type { PublicationTable } from '../model/publication.ts';
import { concat, derive, inheritanceViolations, type DerivedCell } from '../protect/derive.ts';
import type { ProtectedTable } from '../protect/protected-table.ts';
import { buildMeasures, type Built, type Context } from './build-cubes.ts';
import type { TableConfig } from './config.ts';
import { changeOf, coverageContributions, evolutionCells, notComputedIn, rateCells, ratioOf, responseContributions } from './crossed.ts';
import { GEO } from './geo.ts';
import { publishMessages as m, recipeMessages } from './messages.ts';

function lookupIn(tables: ReadonlyMap<string, Built> | readonly PublicationTable[]) {
  return (id: string): ProtectedTable | undefined =>
    tables instanceof Map ? tables.get(id)?.table : (tables as readonly PublicationTable[]).find((p) => p.meta.id === id)?.table;
}

function buildDerived(ctx: Context, t: TableConfig, cells: DerivedCell[]): Built {
  const table = derive([GEO, t.dimension.name], cells);
  const leaks = inheritanceViolations(table, cells);
  return { config: t, table, cubes: [], verdict: { ok: leaks.length === 0, detail: leaks.map((c) => m.derivedLeak(t.id, c)).join(' ') } };
}

/**
 * A derived table, by its recipe; null when it cannot exist this year (evolution in the first year,
 * or after a year whose publication lacks one of its sources: a survey without any response).
 */
export async function buildCrossed(ctx: Context, t: TableConfig): Promise<Built | null> {
  const codes = t.dimension.codes;
  const notComputed = notComputedIn(ctx.config.tables);
  switch (t.recipe) {
    case 'rates':
      return buildDerived(ctx, t, rateCells(lookupIn(ctx.built), ctx.year.geography, codes, ctx.geoCodes, notComputed, t.id));
    case 'evolution': {
      if (!ctx.previous) return null;
      const before = lookupIn(ctx.previous.tables);
      const recipes = codes.map((c) => [c.code, changeOf(c, t.id)] as const);
      if (recipes.some(([, r]) => !before(r.source.table))) return null;
      const changes = Object.fromEntries(recipes.map(([code, r]) => [code, { ...r.source, change: r.change }]));
      return { ...buildDerived(ctx, t, evolutionCells(lookupIn(ctx.built), before, codes, ctx.geoCodes, notComputed, t.id)), changes };
    }
    case 'response':
      return buildResponse(ctx, t);
    case 'coverage':
      return buildMeasures(ctx, t, [], coverageContributions(ctx.year.geography, ctx.year.coverage, codes, t.id));
    default:
      throw new Error(recipeMessages.unknownDerived(t.id));
  }
}

/**
 * A response table: known and responding services per survey (public counts, through the engine with
 * no rule), and the response rates derived from them (secrecy inherited, `///` with no known service).
 */
async function buildResponse(ctx: Context, t: TableConfig): Promise<Built> {
  const countCodes = t.dimension.codes.filter((c) => c.recipe?.kind === 'services');
  const counts = responseContributions(ctx.year.coverage, countCodes, t.id);
  const built = await buildMeasures(ctx, { ...t, dimension: { ...t.dimension, codes: countCodes } }, [], counts);
  const cells: DerivedCell[] = t.dimension.codes
    .filter((c) => c.recipe?.kind === 'ratio')
    .flatMap((c) => {
      const { numerator, denominator } = ratioOf(c, t.id);
      return ctx.geoCodes.map((geo) => ({
        codes: [geo, c.code],
        inputs: [
          { table: built.table, codes: [geo, numerator] },
          { table: built.table, codes: [geo, denominator] },
        ],
        compute: ([n, d]: readonly number[]) => (d > 0 ? (100 * n) / d : null),
      }));
    });
  const rates = derive([GEO, t.dimension.name], cells);
  const leaks = inheritanceViolations(rates, cells);
  const verdict = leaks.length === 0 ? built.verdict : { ok: false, detail: leaks.map((c) => m.derivedLeak(t.id, c)).join(' ') };
  return { ...built, config: t, table: concat([built.table, rates]), verdict };
}
