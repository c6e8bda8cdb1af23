import ExcelJS from 'exceljs';
import { encodeXlsx, type ReturnTable } from '../../src/sample/encode.ts';
import { fixZipTimestamps } from '../../src/format/xlsx.ts';

const tinyReturn: ReturnTable = {
  path: 'returns/2024/rencontre/ca-lyon.xlsx',
  survey: 'rencontre',
  year: 2024,
  format: 'xlsx',
  headers: ['Année', 'Département', 'ETP'],
  rows: [
    [2024, '01', 2.5],
    [2024, '69', null],
  ],
  blankLinesBefore: [],
};

/** DOS time and date of every entry, from the central directory and the local headers. */
function entryStamps(zip: Uint8Array): number[][] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let eocd = zip.length - 22;
  while (view.getUint32(eocd, true) !== 0x06054b50) eocd--;
  const stamps: number[][] = [];
  let at = view.getUint32(eocd + 16, true);
  for (let k = 0; k < view.getUint16(eocd + 10, true); k++) {
    const local = view.getUint32(at + 42, true);
    stamps.push([view.getUint16(at + 12, true), view.getUint16(at + 14, true), view.getUint16(local + 10, true), view.getUint16(local + 12, true)]);
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return stamps;
}

describe('byte-stable XLSX', () => {
  it('stamps every zip entry with the zip epoch (1980-01-01 00:00)', async () => {
    const stamps = entryStamps(await encodeXlsx(tinyReturn));
    expect(stamps.length).toBeGreaterThan(5);
    for (const s of stamps) expect(s).toEqual([0, 0x21, 0, 0x21]);
  });

  it('really rewrites the stamps JSZip puts there (today’s date)', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('x').addRow([1]);
    const raw = new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
    expect(entryStamps(raw).some((s) => s[1] !== 0x21)).toBe(true);
    expect(entryStamps(fixZipTimestamps(raw)).every((s) => s[1] === 0x21 && s[3] === 0x21)).toBe(true);
  });

  it('keeps the workbook readable, with its values and fixed document dates', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await encodeXlsx(tinyReturn)) as never);
    const sheet = workbook.worksheets[0];
    expect(sheet.getRow(1).values).toEqual([undefined, 'Année', 'Département', 'ETP']);
    expect(sheet.getRow(2).getCell(3).value).toBe(2.5);
    expect(sheet.getRow(3).getCell(2).value).toBe('69');
    expect(workbook.created.toISOString()).toBe('2025-02-15T09:00:00.000Z');
  });

  it('refuses bytes that are not a zip', () => {
    expect(() => fixZipTimestamps(new Uint8Array(100))).toThrow();
  });
});
