/** A CONTRIB.csv / CELLS.csv in either dialect → the plain text the contract parsers read (src/format/contract-dialect.ts). */
import iconv from 'iconv-lite';
import { plainCsv } from '../../src/format/contract-dialect.ts';
import * as msg from '../../src/protect/messages.ts';

describe('plainCsv', () => {
  it('leaves a plain file as it is, line ends made LF', () => {
    expect(plainCsv(Buffer.from('geo,n\r\n01,2.5\r\n'), 'c.csv')).toBe('geo,n\n01,2.5\n');
  });

  it('turns the French dialect into the plain one: separators, decimal commas and thousands spaces', () => {
    const french = iconv.encode('geo;structure;n\r\n01;Lyon, Nord;1 234,5\r\n02;S2;7\r\n', 'win1252');
    expect(plainCsv(french, 'c.csv')).toBe('geo,structure,n\n01,"Lyon, Nord",1234.5\n02,S2,7\n');
  });

  it('reads UTF-8 with a BOM, and keeps a text that only looks like a number in the header', () => {
    expect(plainCsv(Buffer.from('\ufeffgeo;1,5\r\n01;2,5\r\n'), 'c.csv')).toBe('geo,"1,5"\n01,2.5\n');
  });

  it('refuses a binary file and a row with fewer fields than the header, naming the file and row', () => {
    expect(() => plainCsv(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 1, 2]), 'c.xlsx')).toThrow(msg.csvNotText('c.xlsx'));
    expect(() => plainCsv(Buffer.from('geo;structure;n\r\n01;S1;2\r\n01;S2\r\n'), 'c.csv')).toThrow(msg.csvTooFewFields('c.csv', 3, 2, 3));
  });
});
