import { readFileSync } from 'node:fs';
import { dictionaryFor, parseDictionary } from '../../src/validate/dictionary.ts';
import { CANONICAL_FIELDS } from '../../src/validate/fields.ts';
import { dictionaries } from './fixtures.ts';

const shipped = (survey: string, year: number) => JSON.parse(readFileSync(`pipelines/config/surveys/${survey}/${year}.json`, 'utf8'));

describe('the shipped dictionaries', () => {
  it.each([['mediation', 2023], ['mediation', 2024], ['mediation', 2025], ['rencontre', 2023], ['rencontre', 2024], ['rencontre', 2025]] as const)(
    '%s %d lists every canonical field in order and parses',
    (survey, year) => {
      const dictionary = parseDictionary(shipped(survey, year), `${survey}/${year}.json`);
      expect(Object.keys(dictionary.fields)).toEqual(CANONICAL_FIELDS[survey]);
      expect(dictionary.year).toBe(year);
    },
  );

  it('a year without a dictionary uses the closest earlier one, or the first', () => {
    expect(dictionaryFor(dictionaries, 'mediation', 2030).year).toBe(2025);
    expect(dictionaryFor(dictionaries, 'mediation', 2019).year).toBe(2023);
  });
});

describe('parseDictionary refuses', () => {
  it('a missing field', () => {
    const json = shipped('mediation', 2024);
    delete json.fields.seances;
    expect(() => parseDictionary(json, 'x.json')).toThrow(/seances/);
  });
  it('a header naming two fields once normalised', () => {
    const json = shipped('mediation', 2024);
    json.fields.mediateurs.headers.push('nombre de SÉANCES');
    expect(() => parseDictionary(json, 'x.json')).toThrow(/mediateurs et seances/);
  });
  it('a label naming two codes of one field once normalised', () => {
    const json = shipped('mediation', 2024);
    const [first, second] = Object.keys(json.fields.gestionnaire.codes);
    json.fields.gestionnaire.codes[second].push(` ${first.toUpperCase()} `);
    expect(() => parseDictionary(json, 'x.json')).toThrow(new RegExp(`gestionnaire .* ${first} et ${second}`));
  });
  it('an edit rule on an unknown field', () => {
    const json = shipped('rencontre', 2024);
    json.editRules.push({ id: 'x', atLeast: 'enfants', than: 'parents', reason: 'r' });
    expect(() => parseDictionary(json, 'x.json')).toThrow(/parents/);
  });
  it('a misspelt key, in French, instead of losing the setting', () => {
    const json = shipped('mediation', 2024);
    json.fields.seances.optionnal = true;
    expect(() => parseDictionary(json, 'x.json')).toThrow(/^x\.json : fields\.seances — Clé non reconnue : "optionnal"/);
  });
  it('an unknown field type', () => {
    const json = shipped('rencontre', 2024);
    json.fields.sites.type = 'entier';
    expect(() => parseDictionary(json, 'x.json')).toThrow(/fields\.sites/);
  });
});
