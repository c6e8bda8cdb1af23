import { decimalMarkOf, idKey, normaliseDepartment, normaliseHeader, parseNumber, withoutEuro } from '../../src/validate/normalise.ts';

describe('normaliseHeader', () => {
  it('ignores case, accents, spaces and punctuation', () => {
    expect(normaliseHeader('  Nombre de SÉANCES ')).toBe(normaliseHeader('nombre_de_seances'));
    expect(normaliseHeader("Lieux d'accueil")).toBe(normaliseHeader('LIEUX D ACCUEIL'));
  });
  it('keeps the euro sign as a word, so an amount is not a code', () => {
    expect(normaliseHeader('Département (€)')).not.toBe(normaliseHeader('Département'));
  });
});

describe('parseNumber', () => {
  it.each([
    ['1 234', ',', 1234],
    ['1\u202f234,5', ',', 1234.5],
    ['1\u00a0234', ',', 1234],
    ['1.234,5', ',', 1234.5],
    ['12,5', ',', 12.5],
    ['12.5', ',', 12.5],
    ['12.5', '.', 12.5],
    ['1,234.5', '.', 1234.5],
    ['-3', ',', -3],
    ['\u22123', ',', -3],
  ] as const)('%s (decimal %s) → %d', (text, decimal, expected) => {
    expect(parseNumber(text, decimal)).toBe(expected);
  });
  it.each(['non communiqué', '12 ans', '1,2,3', '--1', 'NaN', 'Infinity', '0x10', '1e3'])('%s is not a number', (text) => {
    expect(parseNumber(text, ',')).toBeUndefined();
  });
});

describe('decimalMarkOf', () => {
  it('votes only on unambiguous decimals', () => {
    expect(decimalMarkOf('1,5')).toBe(',');
    expect(decimalMarkOf('1.25')).toBe('.');
    expect(decimalMarkOf('1,234')).toBeUndefined();
    expect(decimalMarkOf('12')).toBeUndefined();
  });
});

describe('withoutEuro', () => {
  it.each([
    ['12 345,00 €', '12 345,00'],
    ['12 345,00\u202f€', '12 345,00'],
    ['€ 12 345', '12 345'],
    ['12345 EUR', '12345'],
    ['12 345 euros', '12 345'],
    ['12€', '12'],
    ['12345', '12345'],
    ['€', ''],
  ])('%j → %j', (text, figure) => {
    expect(withoutEuro(text)).toBe(figure);
  });
  it('leaves other words alone', () => {
    expect(withoutEuro('12 345 eurx')).toBe('12 345 eurx');
  });
  it('lets a currency cell vote for the decimal mark', () => {
    expect(decimalMarkOf('12 345,50 €')).toBe(',');
    expect(decimalMarkOf('12,345.50 €')).toBe('.');
  });
});

describe('normaliseDepartment', () => {
  it.each([['2a', '2A'], ['2B', '2B'], ['1', '01'], ['01', '01'], [' 971 ', '971'], ['01 - Ain', '01'], ['Ain', 'AIN']])('%s → %s', (text, code) => {
    expect(normaliseDepartment(text)).toBe(code);
  });
});

describe('idKey', () => {
  it('ignores case, surrounding spaces and the kind and number of spaces inside', () => {
    expect(idKey(' mf-01-002 ')).toBe('MF-01-002');
    expect(idKey('Caf\u00a0 01\t2')).toBe(idKey('CAF 01 2'));
  });
  it('keeps every other difference', () => {
    expect(idKey('MF-01-002')).not.toBe(idKey('MF-01-02'));
    expect(idKey('MF 01 002')).not.toBe(idKey('MF-01-002'));
  });
});

