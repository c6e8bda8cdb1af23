/**
 * The crossed tables of the publication (croise-*): rates and shares, evolutions on the previous year
 * (derived from protected cells, secrecy inherited) and coverage (public counts of departments).
 *
 * @example
 *   const built = await buildCrossed(ctx, catalogue.find((t) => t.id === 'croise-taux'));
 */
import type { PublicationTable } from '../model/publication.ts';
import { concat, derive, inheritanceViolations, type DerivedCell } from '../protect/derive.ts';
import type { ProtectedTable } from '../protect/protected-table.ts';
import { buildMeasures, type Built, type Context } from './build-cubes.ts';
import type { TableConfig } from './config.ts';
import { coverageContributions, EVOLUTION_RECIPES, evolutionCells, rateCells, RESPONSE_RATES, responseContributions } from './crossed.ts';
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
 * The crossed tables; null when the table cannot exist this year (evolution in the first year, or
 * after a year whose publication lacks one of its sources: a survey without any response).
 */
export async function buildCrossed(ctx: Context, t: TableConfig): Promise<Built | null> {
  const codes = t.dimension.codes.map((c) => c.code);
  if (t.id === 'croise-taux') return buildDerived(ctx, t, rateCells(lookupIn(ctx.built), ctx.year.geography, codes, ctx.geoCodes));
  if (t.id === 'croise-evolution') {
    if (!ctx.previous) return null;
    const before = lookupIn(ctx.previous.tables);
    if (codes.some((code) => Object.hasOwn(EVOLUTION_RECIPES, code) && !before(EVOLUTION_RECIPES[code].source.table))) return null;
    const changes = Object.fromEntries(codes.filter((c) => Object.hasOwn(EVOLUTION_RECIPES, c)).map((c) => [c, { ...EVOLUTION_RECIPES[c].source, change: EVOLUTION_RECIPES[c].change }]));
    return { ...buildDerived(ctx, t, evolutionCells(lookupIn(ctx.built), before, codes, ctx.geoCodes)), changes };
  }
  if (t.id === 'croise-reponse') return buildResponse(ctx, t);
  if (t.id === 'croise-couverture') {
    const flags = coverageContributions(ctx.year.geography, ctx.year.coverage);
    for (const code of codes) if (!Object.hasOwn(flags, code)) throw new Error(recipeMessages.unknownCode(t.id, code));
    return buildMeasures(ctx, t, [], flags);
  }
  throw new Error(recipeMessages.unknownDerived(t.id));
}

/**
 * croise-reponse: known and responding services per survey (public counts, through the engine with
 * no rule), and the response rates derived from them (secrecy inherited, `///` with no known service).
 */
async function buildResponse(ctx: Context, t: TableConfig): Promise<Built> {
  const counts = responseContributions(ctx.year.coverage);
  for (const c of t.dimension.codes) if (!Object.hasOwn(counts, c.code) && !Object.hasOwn(RESPONSE_RATES, c.code)) throw new Error(recipeMessages.unknownCode(t.id, c.code));
  const countCodes = t.dimension.codes.filter((c) => Object.hasOwn(counts, c.code));
  const built = await buildMeasures(ctx, { ...t, dimension: { ...t.dimension, codes: countCodes } }, [], counts);
  const cells: DerivedCell[] = t.dimension.codes
    .filter((c) => Object.hasOwn(RESPONSE_RATES, c.code))
    .flatMap((c) =>
      ctx.geoCodes.map((geo) => ({
        codes: [geo, c.code],
        inputs: [
          { table: built.table, codes: [geo, RESPONSE_RATES[c.code].respondents] },
          { table: built.table, codes: [geo, RESPONSE_RATES[c.code].known] },
        ],
        compute: ([respondents, known]: readonly number[]) => (known > 0 ? (100 * respondents) / known : null),
      })),
    );
  const rates = derive([GEO, t.dimension.name], cells);
  const leaks = inheritanceViolations(rates, cells);
  const verdict = leaks.length === 0 ? built.verdict : { ok: false, detail: leaks.map((c) => m.derivedLeak(t.id, c)).join(' ') };
  return { ...built, config: t, table: concat([built.table, rates]), verdict };
}
