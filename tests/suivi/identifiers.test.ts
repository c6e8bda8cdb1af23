import { findIdentifier, headerWords } from '../../src/suivi/identifiers.ts';
import { suiviConfig } from './fixtures.ts';

const directs = suiviConfig.identifiers.directs;
const pseudo = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

describe('direct identifier screen', () => {
  it('splits headers into normalised words', () => {
    expect(headerWords('Téléphone_portable')).toEqual(['telephone', 'portable']);
    expect(headerWords("Prénom de l'enfant")).toEqual(['prenom', 'de', 'l', 'enfant']);
  });

  it.each(['nom', 'Prénom', 'prenoms_enfant', 'Adresse postale', 'Téléphone', 'courriel', 'e-mail', 'NIR', 'nir_parent1', 'Date de naissance'])('refuses the header « %s »', (header) => {
    expect(findIdentifier(['enfant', header], [], directs)).toEqual({ column: header, kind: 'entete' });
  });

  it('accepts the contract headers (no word of them names a person)', () => {
    const headers = Object.values(suiviConfig.dictionaries).flatMap((byYear) => [...byYear.values()].flatMap((d) => Object.keys(d.fields)));
    expect(findIdentifier(headers, [], directs)).toBeUndefined();
  });

  it('finds a valid NIR value in any column, with its line', () => {
    const rows = [[pseudo, 'S01'], [pseudo, '2 69 05 49 588 157 80']];
    expect(findIdentifier(['enfant', 'service'], rows, directs)).toEqual({ column: 'service', kind: 'nir', row: 3 });
  });

  it('lets pass numbers that only look like a NIR (wrong key) and pseudonyms', () => {
    expect(findIdentifier(['enfant', 'x'], [[pseudo, '269054958815781'], ['269054958815780AAAAA', '1']], directs)).toBeUndefined();
  });
});
