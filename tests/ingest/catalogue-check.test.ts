/**
 * The catalogue's recipes and display roles are checked at load: a derived table that does not say
 * how it is built, a recipe reading a cell absent from the catalogue, a recipe on a protected table,
 * or a display naming a code the table lacks, is refused with a French message naming table and code.
 */
import { join } from 'node:path';
import type { TableConfig } from '../../src/indicators/config.ts';
import { recipeMessages as m } from '../../src/indicators/messages.ts';
import { loadPublicationConfig, parsePublicationConfig } from '../../src/ingest/publication-config.ts';

const config = loadPublicationConfig(join(import.meta.dirname, '..', '..', 'pipelines', 'config'));
const protectText = JSON.stringify(config.protect);

/** The committed catalogue with one table changed. */
function withTable(id: string, change: (t: TableConfig) => object): string {
  return JSON.stringify({ tables: config.tables.map((t) => (t.id === id ? change(t) : t)) });
}

/** The committed catalogue with one code of one table changed. */
function withCode(id: string, code: string, change: (c: TableConfig['dimension']['codes'][number]) => object): string {
  return withTable(id, (t) => ({ ...t, dimension: { ...t.dimension, codes: t.dimension.codes.map((c) => (c.code === code ? change(c) : c)) } }));
}

describe('catalogue checks at load', () => {
  it('accepts the committed catalogue, every derived code with its recipe', () => {
    for (const t of config.tables.filter((x) => x.kind === 'derived')) {
      expect(t.recipe).toBeDefined();
      for (const c of t.dimension.codes) expect(c.recipe).toBeDefined();
    }
  });

  it('refuses a derived table that does not say how it is built', () => {
    const text = withTable('croise-taux', ({ recipe: _recipe, ...t }) => t);
    expect(() => parsePublicationConfig(text, protectText)).toThrow(m.missingTableRecipe('croise-taux'));
  });

  it('refuses a derived code without a recipe, or with one of another kind of table', () => {
    const none = withCode('croise-taux', 'taux_accord', ({ recipe: _recipe, ...c }) => c);
    expect(() => parsePublicationConfig(none, protectText)).toThrow(m.wrongCodeRecipe('croise-taux', 'taux_accord', 'rates', ['per100k', 'share']));
    const change = withCode('croise-taux', 'taux_accord', (c) => ({ ...c, recipe: { kind: 'change', change: 'points', of: { table: 'croise-taux', code: 'part_judiciaire' } } }));
    expect(() => parsePublicationConfig(change, protectText)).toThrow(m.wrongCodeRecipe('croise-taux', 'taux_accord', 'rates', ['per100k', 'share']));
  });

  it('refuses a recipe reading a cell absent from the catalogue (a misspelt table or code)', () => {
    const table = withCode('croise-taux', 'mediations_100k', (c) => ({ ...c, recipe: { kind: 'per100k', of: { table: 'med-terminees-cadr', code: 'ENS' } } }));
    expect(() => parsePublicationConfig(table, protectText)).toThrow(m.unknownSource('croise-taux', 'mediations_100k', 'med-terminees-cadr', 'ENS'));
    const code = withCode('croise-evolution', 'seances', (c) => ({ ...c, recipe: { kind: 'change', change: 'percent', of: { table: 'med-activite', code: 'seance' } } }));
    expect(() => parsePublicationConfig(code, protectText)).toThrow(m.unknownSource('croise-evolution', 'seances', 'med-activite', 'seance'));
  });

  it('refuses a recipe on a table protected by the engine', () => {
    const text = withTable('med-activite', (t) => ({ ...t, recipe: 'rates' }));
    expect(() => parsePublicationConfig(text, protectText)).toThrow(m.recipeOutsideDerived('med-activite'));
  });

  it('refuses a display naming a code the table lacks', () => {
    const text = withTable('croise-taux', (t) => ({ ...t, display: { ...t.display, maps: ['mediations_100000'] } }));
    expect(() => parsePublicationConfig(text, protectText)).toThrow(m.unknownDisplayCode('croise-taux', 'maps', 'mediations_100000'));
    const figure = withTable('er-attente', (t) => ({ ...t, display: { ...t.display, keyFigures: [{ code: 'familles', label: 'familles' }] } }));
    expect(() => parsePublicationConfig(figure, protectText)).toThrow(m.unknownDisplayCode('er-attente', 'keyFigures', 'familles'));
  });

  it('refuses a misspelt display key (strict, as every object of the catalogue)', () => {
    const text = withTable('croise-taux', (t) => ({ ...t, display: { map: ['mediations_100k'] } }));
    expect(() => parsePublicationConfig(text, protectText)).toThrow(/display : Clé non reconnue : "map"/);
  });
});
