import { formatSpec, parseSpec } from '../../src/format/spec.ts';
import * as msg from '../../src/protect/messages.ts';
import { issueSpec, issueSpecText as specText } from './fixtures.ts';


describe('SPEC.json', () => {
  it('parses the example of the issue', () => {
    const spec = parseSpec(specText);
    expect(spec.dimensions.map((d) => d.name)).toEqual(['geo', 'origine']);
    expect(spec.rules).toEqual(issueSpec.rules);
    expect(spec.value).toBe('enfants');
  });

  it('names the problem in French', () => {
    expect(() => parseSpec('{')).toThrow(/^Spécification : le fichier n'est pas un JSON valide/);
    expect(() => parseSpec(JSON.stringify({ ...issueSpec, contributor: 3 }))).toThrow(msg.specField('contributor', 'un nom de colonne'));
    const badRule = { ...issueSpec, rules: { minValue: -1 } };
    expect(() => parseSpec(JSON.stringify(badRule))).toThrow(msg.specRule('rules.minValue', msg.ruleBounds.minValue));
    const noTotal = { ...issueSpec, dimensions: [{ ...issueSpec.dimensions[0], hierarchies: { region: { '01': 'R84', R84: 'X' } } }] };
    expect(() => parseSpec(JSON.stringify(noTotal))).toThrow(msg.specCycle('geo', 'region', '01'));
    const otherLeaves = { ...issueSpec, dimensions: [{ ...issueSpec.dimensions[0], hierarchies: { region: { '01': 'R84', R84: 'FR' }, ca: { '02': 'CA-LYON', 'CA-LYON': 'FR' } } }] };
    expect(() => parseSpec(JSON.stringify(otherLeaves))).toThrow(msg.specLeavesDiffer('geo', 'ca', '01'));
    // one code, two different sets of leaves
    const ambiguous = { ...issueSpec, dimensions: [{ name: 'geo', total: 'FR', hierarchies: { region: { a: 'X', b: 'X', X: 'FR' }, ca: { a: 'X', b: 'Y', X: 'FR', Y: 'FR' } } }] };
    expect(() => parseSpec(JSON.stringify(ambiguous))).toThrow(msg.specDuplicateCode('geo', 'X'));
  });

  it('refuses an unknown key anywhere (a misspelt rule must not be silently dropped), and allows $comment', () => {
    const rules = ['minValue', 'minFrequency', 'dominance', 'pPercent', 'protectionPercent'];
    expect(() => parseSpec(JSON.stringify({ ...issueSpec, rules: { minFrequence: 3 } }))).toThrow(msg.specUnknownKey('rules', 'minFrequence', rules));
    const { rules: _r, ...noRules } = issueSpec;
    expect(() => parseSpec(JSON.stringify({ ...noRules, rule: issueSpec.rules }))).toThrow(msg.specUnknownKey('(racine)', 'rule', ['dimensions', 'contributor', 'value', 'rules', 'consent']));
    const typoDimension = { ...issueSpec, dimensions: [{ ...issueSpec.dimensions[0], hierarchie: {} }, issueSpec.dimensions[1]] };
    expect(() => parseSpec(JSON.stringify(typoDimension))).toThrow(msg.specUnknownKey('dimensions[0]', 'hierarchie', ['name', 'total', 'hierarchies']));
    expect(() => parseSpec(JSON.stringify({ ...issueSpec, rules: { dominance: { n: 1, k: 85, p: 2 } } }))).toThrow(msg.specUnknownKey('rules.dominance', 'p', ['n', 'k']));
    const commented = { $comment: 'tableau 3', ...issueSpec, rules: { $comment: 'seuils 2026', ...issueSpec.rules } };
    expect(parseSpec(JSON.stringify(commented)).rules).toEqual(issueSpec.rules);
  });

  it('reads the consents of an audit trail, and refuses a consent list that is not a list of names', () => {
    expect(parseSpec(JSON.stringify({ ...issueSpec, consent: ['S1', 'S2'] })).consent).toEqual(['S1', 'S2']);
    expect(parseSpec(JSON.stringify(issueSpec)).consent).toBeUndefined();
    const bad = msg.specField('consent', 'une liste de contributeurs (chaînes non vides)');
    expect(() => parseSpec(JSON.stringify({ ...issueSpec, consent: 'S1' }))).toThrow(bad);
    expect(() => parseSpec(JSON.stringify({ ...issueSpec, consent: ['S1', ''] }))).toThrow(bad);
  });

  it('refuses a dominance of 100 % or more, a dimension without hierarchy, a name given to two columns', () => {
    expect(() => parseSpec(JSON.stringify({ ...issueSpec, rules: { dominance: { n: 1, k: 150 } } }))).toThrow(msg.specRule('rules.dominance.k', msg.ruleBounds.dominanceK));
    expect(() => parseSpec(JSON.stringify({ ...issueSpec, rules: { dominance: { n: 1, k: 100 } } }))).toThrow(msg.specRule('rules.dominance.k', msg.ruleBounds.dominanceK));
    const bare = { ...issueSpec, dimensions: [{ ...issueSpec.dimensions[0], hierarchies: {} }, issueSpec.dimensions[1]] };
    expect(() => parseSpec(JSON.stringify(bare))).toThrow(msg.specField('dimensions[0].hierarchies', "un objet d'au moins une hiérarchie"));
    expect(() => parseSpec(JSON.stringify({ ...issueSpec, contributor: 'geo' }))).toThrow(msg.specColumnTwice('geo'));
    expect(() => parseSpec(JSON.stringify({ ...issueSpec, value: 'structure' }))).toThrow(msg.specColumnTwice('structure'));
    const twoGeo = { ...issueSpec, dimensions: [issueSpec.dimensions[0], { ...issueSpec.dimensions[1], name: 'geo' }] };
    expect(() => parseSpec(JSON.stringify(twoGeo))).toThrow(msg.specColumnTwice('geo'));
  });

  it('accepts a department under communes in both hierarchies (same leaves each time)', () => {
    const communes = { c1: 'D1', c2: 'D1', c3: 'D2' };
    const nested = { ...issueSpec, dimensions: [{ name: 'geo', total: 'FR', hierarchies: { region: { ...communes, D1: 'R1', D2: 'R1', R1: 'FR' }, ca: { ...communes, D1: 'CA1', D2: 'CA2', CA1: 'FR', CA2: 'FR' } } }] };
    expect(parseSpec(JSON.stringify(nested)).dimensions[0].name).toBe('geo');
  });

  it('writes the spec as the spec.json of the audit trail, which reads back the same', () => {
    const spec = parseSpec(specText);
    expect(formatSpec(spec).endsWith('}\n')).toBe(true);
    expect(formatSpec(spec).split('\n')[1]).toBe('  "dimensions": [');
    expect(parseSpec(formatSpec(spec))).toEqual(spec);
  });
});

