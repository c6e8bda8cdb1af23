import { dictionaryFor } from '../../src/validate/dictionary.ts';
import { findHeader } from '../../src/validate/header.ts';
import { asTable, ainService, dictionaries } from './fixtures.ts';

const dictionary = dictionaryFor(dictionaries, 'mediation', 2024);
const table = asTable('mediation', [ainService()]);

describe('findHeader', () => {
  it('finds the header below title lines, on the first sheet that has one', () => {
    const sheets = [
      { name: 'Notice', rows: [['Questionnaire CNAF'], ['Merci de remplir la feuille suivante']] },
      { name: 'Réponses', rows: [['Enquête 2024'], [], table.headers, table.rows[0] as (string | number)[]] },
    ];
    const header = findHeader(sheets, dictionary);
    expect(header).toMatchObject({ sheet: 1, row: 2 });
    expect(header?.columns.get('seances')).toBe(table.headers.indexOf('Nombre de séances'));
  });

  it('matches variants and typing differences', () => {
    const typed = ['EXERCICE', 'n° service', 'nom du service', 'dept', 'type de gestionnaire', 'etp'];
    const headers = [...typed, 'seances de mediation', ...table.headers.slice(typed.length).filter((h) => h !== 'Nombre de séances')];
    const header = findHeader([{ name: '', rows: [headers] }], dictionary);
    expect(header?.columns.size).toBe(table.headers.length);
    expect(['annee', 'service_id', 'service_nom', 'departement', 'gestionnaire', 'etp_mediateurs', 'seances'].map((f) => header?.columns.get(f))).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('needs 40 % of the fields: a few matching words are not a header', () => {
    expect(findHeader([{ name: '', rows: [table.headers.slice(0, 5)] }], dictionary)).toBeUndefined();
  });

  it('finds nothing in a file that is not a return', () => {
    expect(findHeader([{ name: '', rows: [['Bonjour'], ['Année', 'Service']] }], dictionary)).toBeUndefined();
  });
});
