/**
 * Cross-table checks of the catalogue's recipes and display roles (`pipelines/config/tables.json`),
 * run once at load: a derived table says how it is built and each of its codes how it is computed,
 * every cell a recipe reads exists in the catalogue, and every code a renderer is told to show
 * belongs to its table. A catalogue that fails is refused with a French message naming the table and
 * the code, before any figure is computed.
 *
 * @example
 *   checkCatalogue(tables); // throws « … l'indicateur « taux » du tableau « croise-taux » … »
 */
import { RECIPE_KINDS, type CellSource, type CodeRecipe, type TableConfig } from '../indicators/config.ts';
import { recipeMessages as m } from '../indicators/messages.ts';

/** The codes of a table a recipe or a renderer may name: its codes and its total. */
function codesOf(t: TableConfig): Set<string> {
  return new Set([...t.dimension.codes.map((c) => c.code), ...(t.dimension.total !== undefined ? [t.dimension.total] : [])]);
}

function sourcesOf(recipe: CodeRecipe): readonly CellSource[] {
  if (recipe.kind === 'per100k' || recipe.kind === 'change') return [recipe.of];
  if (recipe.kind === 'share') return [...recipe.numerators, recipe.denominator];
  return [];
}

export function checkCatalogue(tables: readonly TableConfig[]): void {
  const byId = new Map(tables.map((t) => [t.id, t]));
  for (const t of tables) {
    const own = codesOf(t);
    if (t.kind !== 'derived') {
      if (t.recipe !== undefined || t.dimension.codes.some((c) => c.recipe !== undefined)) throw new Error(m.recipeOutsideDerived(t.id));
    } else {
      if (t.recipe === undefined) throw new Error(m.missingTableRecipe(t.id));
      const allowed = RECIPE_KINDS[t.recipe];
      for (const c of t.dimension.codes) {
        if (c.recipe === undefined || !allowed.includes(c.recipe.kind)) throw new Error(m.wrongCodeRecipe(t.id, c.code, t.recipe, allowed));
        for (const s of sourcesOf(c.recipe)) {
          const source = byId.get(s.table);
          if (!source || !codesOf(source).has(s.code)) throw new Error(m.unknownSource(t.id, c.code, s.table, s.code));
        }
        if (c.recipe.kind === 'ratio') {
          for (const code of [c.recipe.numerator, c.recipe.denominator]) if (!own.has(code)) throw new Error(m.unknownSource(t.id, c.code, t.id, code));
        }
      }
    }
    const d = t.display;
    if (!d) continue;
    const named: [string, readonly string[]][] = [
      ['chart', d.chart === undefined || d.chart === 'none' ? [] : d.chart],
      ['maps', d.maps ?? []],
      ['flags', d.flags ?? []],
      ['keyFigures', (d.keyFigures ?? []).map((k) => k.code)],
      ['evolutionSeries', (d.evolutionSeries ?? []).map((k) => k.code)],
      ['court', d.court?.comparedWithFrance ?? []],
    ];
    for (const [role, codes] of named) for (const code of codes) if (!own.has(code)) throw new Error(m.unknownDisplayCode(t.id, role, code));
  }
}
