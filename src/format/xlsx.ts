/**
 * An XLSX workbook → its bytes, the same bytes every time (`formatXlsx`): JSZip stamps every entry
 * with the current time, so the same workbook written twice differs; `fixZipTimestamps` rewrites the
 * DOS time and date of every entry, in the local headers and the central directory, to 1980-01-01
 * 00:00 (the zip epoch). Pure: a workbook or bytes in, bytes out. Reading a workbook is xlsx-grid.ts.
 *
 * @example
 *   const bytes = await formatXlsx(workbook); // what mfer writes as `<department>.xlsx`
 *   const stable = fixZipTimestamps(new Uint8Array(await workbook.xlsx.writeBuffer())); // the same
 */
import type ExcelJS from 'exceljs';
import { centralDirectory, CENTRAL, LOCAL } from './zip.ts';

/** 1980-01-01: day 1, month 1, year 0 → (0 << 9) | (1 << 5) | 1 */
const DOS_DATE = 0x21;
const DOS_TIME = 0;

export function fixZipTimestamps(zip: Uint8Array): Uint8Array {
  const out = new Uint8Array(zip);
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  const directory = centralDirectory(view);
  if (!directory) throw new Error('zip sans répertoire central');
  const entries = directory.count;
  let at = directory.start;
  for (let k = 0; k < entries; k++) {
    if (view.getUint32(at, true) !== CENTRAL) throw new Error('zip : répertoire central illisible');
    view.setUint16(at + 12, DOS_TIME, true);
    view.setUint16(at + 14, DOS_DATE, true);
    const local = view.getUint32(at + 42, true);
    if (view.getUint32(local, true) !== LOCAL) throw new Error('zip : en-tête local illisible');
    view.setUint16(local + 10, DOS_TIME, true);
    view.setUint16(local + 12, DOS_DATE, true);
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return out;
}

/** A workbook's XLSX bytes, byte-stable (see `fixZipTimestamps`). */
export async function formatXlsx(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  const buffer = await workbook.xlsx.writeBuffer();
  return fixZipTimestamps(new Uint8Array(buffer as ArrayBuffer));
}
