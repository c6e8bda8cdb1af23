import { suiviMessages as m } from '../../src/suivi/messages.ts';
import { PSEUDONYM } from '../../src/suivi/pseudonym.ts';
import { missingRawColumns, pseudonymiseGrid } from '../../src/suivi/pseudonymise.ts';
import { keyA, keyB, mediationDictionary, rawMediation, suiviConfig } from './fixtures.ts';

const run = (grid = rawMediation, key = keyA, months = false) => pseudonymiseGrid(grid, mediationDictionary, suiviConfig.identifiers, key, { months });

describe('pseudonymising a raw follow-up file', () => {
  it('writes the contract columns only, identifiers dropped', () => {
    const out = run();
    expect(out.header).toEqual(['enfant', 'famille', 'service', 'departement', 'debut', 'fin', 'cadre', 'issue']);
    for (const row of out.rows) {
      expect(row[0]).toMatch(PSEUDONYM);
      expect(row[1]).toMatch(PSEUDONYM);
    }
    const text = out.rows.flat().join(' ');
    for (const identifier of ['269054958815780', 'Lefèvre', 'LEFEVRE', 'Zoé', 'Durand', '2015-03-07', '07/03/2015']) expect(text).not.toContain(identifier);
    expect(out.rows[0].slice(2)).toEqual(['S01', '2A', '2024-01-15', '2024-06-30', 'judiciaire', 'accord_ecrit']);
  });

  it('rejects invalid identifiers with their line and reason, never the identifier', () => {
    const out = run();
    expect(out.rejects).toEqual([
      { ligne: 4, motif: m.nirKey('nir_enfant') },
      { ligne: 5, motif: m.identity('enfant', 'naissance') },
      { ligne: 7, motif: m.noIdentifier('parents') },
    ]);
    expect(out.rows).toHaveLength(3);
  });

  it('gives one child and one family for two typings of the same people, parents in either order', () => {
    const [, second, third] = run().rows;
    expect(third[0]).toBe(second[0]);
    expect(third[1]).toBe(second[1]);
  });

  it('is deterministic for one key and unlinkable across keys', () => {
    const a1 = run().rows;
    const a2 = run().rows;
    const b = run(rawMediation, keyB).rows;
    expect(a2).toEqual(a1);
    const underA = new Set(a1.flatMap((r) => [r[0], r[1]]));
    expect(b.flatMap((r) => [r[0], r[1]]).filter((p) => underA.has(p))).toEqual([]);
  });

  it('coarsens dates to the month on request', () => {
    const out = run(rawMediation, keyA, true);
    expect(out.rows[0].slice(4, 6)).toEqual(['2024-01', '2024-06']);
    // the pseudonyms do not depend on it
    expect(out.rows.map((r) => r[0])).toEqual(run().rows.map((r) => r[0]));
  });

  it('gives the same rows when the raw columns come in another order (metamorphic)', () => {
    const order = rawMediation[0].map((_, i) => i).reverse();
    const shuffled = rawMediation.map((row) => order.map((i) => row[i]));
    expect(run(shuffled)).toEqual(run());
  });

  it('names the raw columns a file lacks', () => {
    const header = rawMediation[0].filter((h) => h !== 'cadre' && h !== 'nir_enfant' && h !== 'sexe_enfant');
    expect(missingRawColumns(header, mediationDictionary, suiviConfig.identifiers)).toEqual(['cadre', 'nir_enfant', 'sexe_enfant']);
    expect(missingRawColumns(rawMediation[0], mediationDictionary, suiviConfig.identifiers)).toEqual([]);
  });
});
