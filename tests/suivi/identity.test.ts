import { identityText, normaliseBirthDate, normaliseName, normaliseSex } from '../../src/suivi/identity.ts';

describe('name normalisation', () => {
  it('folds case, accents, ligatures, hyphens, apostrophes and spaces', () => {
    expect(normaliseName("  Lefèvre-d'Ornano ")).toBe('LEFEVRE D ORNANO');
    expect(normaliseName('LEFEVRE D ORNANO')).toBe('LEFEVRE D ORNANO');
    expect(normaliseName('lefevre – d’ornano')).toBe('LEFEVRE D ORNANO');
    expect(normaliseName('Cœur-Joie')).toBe('COEUR JOIE');
    expect(normaliseName('Lætitia  Zoé')).toBe('LAETITIA ZOE');
    expect(normaliseName('Ñúñez Çelik')).toBe('NUNEZ CELIK');
    expect(normaliseName(' - ')).toBe('');
  });

  it('reads birth dates in ISO or French order and refuses impossible dates', () => {
    expect(normaliseBirthDate('2015-03-07')).toBe('2015-03-07');
    expect(normaliseBirthDate('07/03/2015')).toBe('2015-03-07');
    expect(normaliseBirthDate('7/3/2015')).toBe('2015-03-07');
    expect(normaliseBirthDate('2015-02-30')).toBeUndefined();
    expect(normaliseBirthDate('31/04/2015')).toBeUndefined();
    expect(normaliseBirthDate('2015-03')).toBeUndefined();
  });

  it('codes the sex as the NIR does', () => {
    expect(['1', 'M', 'h', ' m '].map(normaliseSex)).toEqual(['1', '1', '1', '1']);
    expect(['2', 'F', 'f'].map(normaliseSex)).toEqual(['2', '2', '2']);
    expect(normaliseSex('X')).toBeUndefined();
  });

  it('gives one text for two typings of the same person, and names the missing part', () => {
    const a = identityText({ nom: 'Lefèvre', prenoms: 'Zoé-Marie', naissance: '07/03/2015', sexe: 'F' });
    const b = identityText({ nom: 'LEFEVRE', prenoms: 'zoe marie', naissance: '2015-03-07', sexe: '2' });
    expect(a).toEqual(b);
    expect(identityText({ nom: 'Lefèvre', prenoms: 'Zoé', naissance: '07/03/2015', sexe: 'M' })).not.toEqual(a);
    expect(identityText({ nom: '', prenoms: 'Zoé', naissance: '07/03/2015', sexe: 'F' })).toEqual({ problem: 'nom' });
    expect(identityText({ nom: 'L', prenoms: '', naissance: '07/03/2015', sexe: 'F' })).toEqual({ problem: 'prenoms' });
    expect(identityText({ nom: 'L', prenoms: 'Z', naissance: '32/03/2015', sexe: 'F' })).toEqual({ problem: 'naissance' });
    expect(identityText({ nom: 'L', prenoms: 'Z', naissance: '07/03/2015', sexe: '' })).toEqual({ problem: 'sexe' });
  });
});
