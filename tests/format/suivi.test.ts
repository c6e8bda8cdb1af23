import { isSuiviDate, parseSuivi } from '../../src/format/suivi.ts';
import { suiviMessages as m } from '../../src/suivi/messages.ts';
import { suiviConfig } from '../suivi/fixtures.ts';

const P = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const header = ['enfant', 'famille', 'annee', 'departement', 'age', 'quintile_niveau_vie', 'monoparentale', 'asf', 'intermediation', 'af_partagees'];

describe('follow-up files against their dictionary', () => {
  it('accepts dates to the day or the month only', () => {
    expect(['2024-02-29', '2024-02', '2025-12-31'].map(isSuiviDate)).toEqual([true, true, true]);
    expect(['2023-02-29', '2024-13', '24-02-01', '2024/02/01'].map(isSuiviDate)).toEqual([false, false, false, false]);
  });

  it('types accepted rows and rejects bad values with file, line, column and reason, never a pseudonym', () => {
    const rows = [
      [P, P, '2024', '2A', '7', '3', '1', '0', '1', '0'],
      ['abc', P, '2024', '2A', '7', '3', '1', '0', '1', '0'],
      [P, P, '2024', '20', '7', '6', '1', '0', '1', '0'],
      [P, P, '2024', '974', '26', '1', '1', '0', '1', '2'],
    ];
    const f = parseSuivi('caf', 2024, 'suivi/2024/caf.csv', header, rows, suiviConfig.dictionaries);
    expect(f.rows).toEqual([{ enfant: P, famille: P, annee: 2024, departement: '2A', age: 7, quintile_niveau_vie: '3', monoparentale: '1', asf: '0', intermediation: '1', af_partagees: '0' }]);
    expect(f.rejects.map((r) => [r.row, r.column, r.value])).toEqual([
      [3, 'enfant', ''],
      [4, 'departement', '20'],
      [4, 'quintile_niveau_vie', '6'],
      [5, 'age', '26'],
      [5, 'af_partagees', '2'],
    ]);
    expect(f.rejects[0].reason).toBe(m.badValue('enfant', 'pseudonyme de 16 à 64 caractères A-Z, 2-7'));
  });

  it('reads columns in any order, and refuses a file that lacks a contract column', () => {
    const order = header.map((_, i) => i).reverse();
    const row = [P, P, '2024', '2A', '7', '3', '1', '0', '1', '0'];
    const a = parseSuivi('caf', 2024, 'x', header, [row], suiviConfig.dictionaries);
    const b = parseSuivi('caf', 2024, 'x', order.map((i) => header[i]), [order.map((i) => row[i])], suiviConfig.dictionaries);
    expect(b.rows).toEqual(a.rows);
    const missing = parseSuivi('caf', 2024, 'x', header.filter((h) => h !== 'asf'), [row], suiviConfig.dictionaries);
    expect([missing.missing, missing.rows]).toEqual([['asf'], []]);
  });
});
