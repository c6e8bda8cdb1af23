import { parse } from 'csv-parse/sync';
import { neutraliseText, toCsv } from '../../src/format/csv.ts';

const french = { sep: ';', decimalComma: true, bom: true } as const;

describe('toCsv', () => {
  it('writes the French flavour: BOM, semicolons, decimal comma, CRLF', () => {
    const text = toCsv([{ dep: '01', etp: 1.25, n: 3 }], ['dep', 'etp', 'n'], french);
    expect(text.startsWith('\ufeff')).toBe(true);
    expect(text.slice(1).split('\r\n')).toEqual(['dep;etp;n', '01;1,25;3', '']);
  });

  it('quotes per RFC 4180 so that a parser gives back every value', () => {
    const rows = [{ a: 'x;y', b: 'il a dit "non"', c: 'deux\nlignes' }, { a: '', b: null, c: undefined }];
    const text = toCsv(rows, ['a', 'b', 'c'], { sep: ';', decimalComma: false, bom: false });
    const back = parse(text, { delimiter: ';', columns: true }) as Record<string, string>[];
    expect(back).toEqual([{ a: 'x;y', b: 'il a dit "non"', c: 'deux\nlignes' }, { a: '', b: '', c: '' }]);
  });

  it('neutralises formula-like text but never numbers nor conventional signs', () => {
    const rows = [{ t: '=1+1', u: -3, v: 's' }, { t: '@SUM(A1)', u: 2.5, v: '-' }, { t: '+33 1', u: 0, v: '///' }, { t: '\tx', u: 1, v: 'nd' }];
    const text = toCsv(rows, ['t', 'u', 'v'], { sep: ',', decimalComma: false, bom: false });
    const back = parse(text, { columns: true }) as Record<string, string>[];
    expect(back.map((r) => r.t)).toEqual(["'=1+1", "'@SUM(A1)", "'+33 1", "'\tx"]);
    expect(back.map((r) => r.u)).toEqual(['-3', '2.5', '0', '1']);
    expect(back.map((r) => r.v)).toEqual(['s', '-', '///', 'nd']);
  });

  it('leaves ordinary text alone and neutralises a text "-5"', () => {
    expect(neutraliseText('Association Ain')).toBe('Association Ain');
    expect(neutraliseText('-5')).toBe("'-5");
  });

  it('uses LF with the comma flavour and custom header labels', () => {
    expect(toCsv([{ a: 1 }], ['a'], { sep: ',', decimalComma: false, bom: false, headers: ['Colonne A'] })).toBe('Colonne A\n1\n');
  });
});
