import { formatContributions, parseContributions } from '../../src/format/contrib.ts';
import { parseCells } from '../../src/format/cells.ts';
import * as msg from '../../src/protect/messages.ts';
import { parseSpec } from '../../src/format/spec.ts';
import { issueSpecText as specText } from './fixtures.ts';

describe('CONTRIB.csv', () => {
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
});
