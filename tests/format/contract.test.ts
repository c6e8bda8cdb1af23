import { formatCells, formatCellsWithColumns, parseCells } from '../../src/format/cells.ts';
import { formatContributions, parseContributions } from '../../src/format/contrib.ts';
import { parseSpec } from '../../src/format/spec.ts';
import { protect } from '../../src/protect/index.ts';
import * as msg from '../../src/protect/messages.ts';

/** The SPEC.json of the issue. */
export const issueSpec = {
  dimensions: [
    { name: 'geo', total: 'FR', hierarchies: { region: { '01': 'R84', R84: 'FR' }, ca: { '01': 'CA-LYON', 'CA-LYON': 'FR' } } },
    { name: 'origine', total: 'ENS', hierarchies: { origine: { JAF: 'ENS', JE: 'ENS' } } },
  ],
  contributor: 'structure',
  value: 'enfants',
  rules: { minValue: 5, minFrequency: 3, dominance: { n: 1, k: 85 }, pPercent: 10, protectionPercent: 10 },
};
const specText = JSON.stringify(issueSpec);

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
    expect(() => parseSpec(JSON.stringify(badRule))).toThrow(msg.specField('rules.minValue', 'un nombre positif ou nul'));
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

  it('refuses a dominance above 100 %, a dimension without hierarchy, a name given to two columns', () => {
    expect(() => parseSpec(JSON.stringify({ ...issueSpec, rules: { dominance: { n: 1, k: 150 } } }))).toThrow(msg.specField('rules.dominance', 'un objet { "n": entier ≥ 1, "k": pourcentage de 0 à 100 }'));
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
});

describe('CONTRIB.csv and CELLS.csv', () => {
  const spec = parseSpec(specText);

  it('reads contributions; a missing value column means each row counts 1', () => {
    const csv = 'geo,origine,structure,enfants\n01,JAF,S1,4\n01,JE,S2,2.5\n';
    expect(parseContributions(csv, spec).contributions).toEqual([
      { codes: ['01', 'JAF'], contributor: 'S1', value: 4 },
      { codes: ['01', 'JE'], contributor: 'S2', value: 2.5 },
    ]);
    const { value: _v, ...counting } = spec;
    expect(parseContributions('geo,origine,structure\n01,JAF,S1\n', counting).contributions[0].value).toBe(1);
  });

  it('writes contributions that read back the same, with or without a value column', () => {
    const contributions = [
      { codes: ['01', 'JAF'], contributor: 'S "1", Lyon', value: 4 },
      { codes: ['01', 'JE'], contributor: 'S2', value: 2.5 },
    ];
    const text = formatContributions(spec, contributions);
    expect(text.split('\n')[0]).toBe('geo,origine,structure,enfants');
    expect(parseContributions(text, spec).contributions).toEqual(contributions);
    const { value: _v, ...counting } = spec;
    const ones = contributions.map((c) => ({ ...c, value: 1 }));
    expect(formatContributions(counting, ones).split('\n')[0]).toBe('geo,origine,structure');
    expect(parseContributions(formatContributions(counting, ones), counting).contributions).toEqual(ones);
  });

  it('reports file, row and column', () => {
    expect(() => parseContributions('geo,origine,structure\n01,JAF,S1\n', spec)).toThrow(msg.csvMissingColumn('CONTRIB.csv', 'enfants'));
    expect(() => parseContributions('geo,origine,structure,enfants\n01,JAF,S1,4\nR84,JAF,S1,4\n', spec)).toThrow(msg.csvUnknownCode('CONTRIB.csv', 3, 'geo', 'R84'));
    expect(() => parseContributions('geo,origine,structure,enfants\n01,JAF,S1,beaucoup\n', spec, 'in.csv')).toThrow(msg.csvBadNumber('in.csv', 2, 'enfants', 'beaucoup'));
    expect(() => parseContributions('geo,origine,structure,enfants\n01,JAF,,4\n', spec)).toThrow(msg.csvEmptyContributor('CONTRIB.csv', 2, 'structure'));
    expect(() => parseCells('geo,origine,value,contributors,status\nFR,ENS,3,1,p\n', spec)).toThrow(msg.csvBadStatus('CELLS.csv', 2, 'p'));
  });

  it('numbers rows by their line in the file, blank lines included', () => {
    const csv = 'geo,origine,structure,enfants\n\n01,JAF,S1,4\n\n\n01,JE,S2,-1\n';
    expect(() => parseContributions(csv, spec)).toThrow(msg.csvBadNumber('CONTRIB.csv', 6, 'enfants', '-1'));
  });

  it('numbers rows as Excel shows them when a cell holds a line break, with either line ending', () => {
    // a structure name typed on two lines of one Excel cell (Alt+Entrée): one row; the bad value is on row 4
    for (const eol of ['\n', '\r\n']) {
      const csv = ['geo,origine,structure,enfants', '01,JAF,"Maison des', 'familles",4', '01,JE,S2,2', '01,JE,S3,deux', ''].join(eol);
      expect(() => parseContributions(csv, spec)).toThrow(msg.csvBadNumber('CONTRIB.csv', 4, 'enfants', 'deux'));
      expect(parseContributions(csv.replace('deux', '2'), spec).contributions[0].contributor).toBe(`Maison des${eol}familles`);
    }
  });

  it('reads a file whose lines end in different ways line by line', () => {
    const csv = 'geo,origine,structure,enfants\r\n01,JAF,S1,4\n01,JE,S2,2\r01,JE,S3,x\r\n';
    expect(() => parseContributions(csv, spec)).toThrow(msg.csvBadNumber('CONTRIB.csv', 4, 'enfants', 'x'));
    expect(parseContributions(csv.replace(',x', ',1'), spec).contributions.map((c) => c.contributor)).toEqual(['S1', 'S2', 'S3']);
  });

  it('refuses a row with more values than the header, a column named twice, a file not separated by commas', () => {
    expect(() => parseContributions('geo,origine,structure,enfants\n01,JAF,S1,4,\n01,JAF,Lyon, Nord,4\n', spec)).toThrow(msg.csvTooManyFields('CONTRIB.csv', 3, 5, 4));
    expect(() => parseContributions('geo,origine,structure,enfants,geo\n01,JAF,S1,4,01\n', spec)).toThrow(msg.csvDuplicateColumn('CONTRIB.csv', 'geo'));
    expect(() => parseContributions('geo;origine;structure;enfants\n01;JAF;S1;4\n', spec)).toThrow(msg.csvNotCommas('CONTRIB.csv', ';'));
    expect(() => parseCells('geo\torigine\tvalue\tcontributors\tstatus\n', spec)).toThrow(msg.csvNotCommas('CELLS.csv', '\t'));
    // an empty value after the last column (a trailing comma) is not a value
    expect(parseContributions('geo,origine,structure,enfants\n01,JAF,S1,4,\n', spec).contributions).toHaveLength(1);
  });

  it('writes and reads back the cells of a protected table', async () => {
    const { contributions } = parseContributions('geo,origine,structure,enfants\n01,JAF,S1,40\n01,JAF,S2,30\n01,JAF,S3,35\n01,JE,S4,2\n', spec);
    const table = await protect(spec, contributions);
    const text = formatCells(table, spec);
    expect(text.split('\n')[0]).toBe('geo,origine,value,contributors,status');
    expect(parseCells(text, spec)).toEqual(table.cells.map((c) => ({ ...c, codes: [...c.codes] })));
  });

  it('appends columns after the cells (the evidence of the audit trail), quoted as needed, and still reads back as CELLS.csv', () => {
    const cells = [
      { codes: ['01', 'JAF'], value: 105, contributors: 3, status: 's' as const },
      { codes: ['01', 'JE'], value: 2, contributors: 1, status: 'u' as const },
    ];
    const extra = { columns: ['rules', 'note'], fields: (c: { value: number }) => (c.value < 5 ? ['minValue', 'petit, secret'] : ['', '']) };
    const text = formatCellsWithColumns(cells, spec, extra);
    expect(text).toBe('geo,origine,value,contributors,status,rules,note\n01,JAF,105,3,s,,\n01,JE,2,1,u,minValue,"petit, secret"\n');
    expect(parseCells(text, spec)).toEqual(cells);
  });
});
