import { detectDelimiter, parseCsvText } from '../../src/format/csv-grid.ts';

describe('detectDelimiter', () => {
  it.each([
    ['a;b;c\n1,5;2;3\n', ';'],
    ['a,b,c\n1.5,2,3\n', ','],
    ['a\tb\tc\n1,5\t2\t3\n', '\t'],
    ['Enquête 2024\n\na;b;c\n', ';'],
  ] as const)('%j → %j', (text, delimiter) => {
    expect(detectDelimiter(text)).toBe(delimiter);
  });
});

describe('parseCsvText', () => {
  it('keeps blank lines as empty rows so that row numbers are the file lines', () => {
    const { rows } = parseCsvText('a;b\r\n1;2\r\n\r\n3;4\r\n');
    expect(rows).toEqual([['a', 'b'], ['1', '2'], [''], ['3', '4']]);
  });
  it('reads every line ending of a file that mixes them, a lone CR first (old Mac exports)', () => {
    const { rows } = parseCsvText('a;b\r1;2\n3;4\r\n\r\n5;"x\r\ny"\n');
    expect(rows).toEqual([['a', 'b'], ['1', '2'], ['3', '4'], [''], ['5', 'x\r\ny']]);
  });
  it('reads quoted cells with separators and quotes', () => {
    expect(parseCsvText('a;b\n"x;y";"il dit ""non"""\n').rows[1]).toEqual(['x;y', 'il dit "non"']);
  });
  it('does not fail on an unclosed quote or ragged rows', () => {
    const { rows } = parseCsvText('a;b\n"x;1\n2;3;4\n');
    expect(rows.length).toBeGreaterThanOrEqual(2);
  });
});
