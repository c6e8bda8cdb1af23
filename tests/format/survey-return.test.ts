/** A survey return's bytes → `RawReturn` (src/format/survey-return.ts): pure, no file on disk. */
import { formatOfName, parseReturn } from '../../src/format/survey-return.ts';
import { returnMessages as m } from '../../src/format/messages.ts';

const read = (path: string, bytes: Uint8Array) => parseReturn('mediation', 2024, path, bytes);

describe('parseReturn: a file that cannot be read becomes a recorded problem, never an exception', () => {
  it('an empty file', async () => {
    expect((await read('a.csv', new Uint8Array())).problem).toBe(m.empty('a.csv'));
    expect((await read('a.csv', new Uint8Array(Buffer.from('\r\n \r\n')))).problem).toBe(m.empty('a.csv'));
  });
  it('an unsupported format', async () => {
    expect((await read('a.pdf', new Uint8Array(Buffer.from('%PDF-1.4')))).problem).toBe(m.unsupportedFormat('a.pdf'));
  });
  it('binary garbage with a .csv name', async () => {
    const garbage = new Uint8Array(2048).map((_, i) => (i * 7919) % 256);
    expect((await read('a.csv', garbage)).problem).toBe(m.binary('a.csv'));
  });
  it('a damaged workbook', async () => {
    const zipLike = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]);
    expect((await read('a.xlsx', zipLike)).problem).toBe(m.badXlsx('a.xlsx'));
    expect((await read('b.xlsx', new Uint8Array(Buffer.from('pas un classeur')))).problem).toBe(m.badXlsx('b.xlsx'));
  });
  it('records the hash, encoding and delimiter of a readable CSV', async () => {
    const raw = await read('a.csv', new Uint8Array(Buffer.from('a,b\n1,2\n')));
    expect(raw).toMatchObject({ format: 'csv', encoding: 'utf-8', delimiter: ',', sheets: [{ rows: [['a', 'b'], ['1', '2']] }] });
    expect(raw.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(raw.problem).toBeUndefined();
  });
  it('reads a zip as a workbook whatever its name, and a workbook refused by name alone as xlsx', async () => {
    const zipLike = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]);
    expect(await read('a.csv', zipLike)).toMatchObject({ format: 'xlsx', problem: m.badXlsx('a.csv') });
    expect([formatOfName('a.XLSX'), formatOfName('a.tsv'), formatOfName('a.txt'), formatOfName('a.ods')]).toEqual(['xlsx', 'csv', 'csv', 'inconnu']);
  });
});
