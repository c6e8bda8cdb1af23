/**
 * The used range of every worksheet of an XLSX, read from its zip before any workbook library sees
 * it: the last row and the last column that hold a value (`<v>`, inline text or a formula), not the
 * extent a `<dimension>` element or styled empty cells claim. Every part is inflated under one cap on
 * their total size, so a zip bomb stops at the cap. Pure: bytes in, extents or a refusal out.
 *
 * @example
 *   xlsxExtent(bytes, RETURN_LIMITS); // { sheets: [{ part: "xl/worksheets/sheet1.xml", rows: 14, columns: 30 }] }
 */
import { inflateRawSync } from 'node:zlib';
import type { ReturnLimits } from './return-limits.ts';
import { centralDirectory, CENTRAL, LOCAL } from './zip.ts';


export interface SheetExtent {
  part: string;
  rows: number;
  columns: number;
}

export type Extent = { sheets: SheetExtent[] } | { tooLarge: { bytes: number } } | { notZip: true };

interface Entry {
  name: string;
  method: number;
  compressed: number;
  size: number;
  offset: number;
}

function entries(zip: Uint8Array): Entry[] | undefined {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const directory = centralDirectory(view);
  if (!directory) return undefined;
  const { count } = directory;
  let at = directory.start;
  const list: Entry[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > zip.length || view.getUint32(at, true) !== CENTRAL) return undefined;
    const nameLength = view.getUint16(at + 28, true);
    const extra = view.getUint16(at + 30, true);
    const comment = view.getUint16(at + 32, true);
    list.push({
      name: Buffer.from(zip.subarray(at + 46, at + 46 + nameLength)).toString('utf8'),
      method: view.getUint16(at + 10, true),
      compressed: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      offset: view.getUint32(at + 42, true),
    });
    at += 46 + nameLength + extra + comment;
  }
  return list;
}

/** Column letters → number: A → 1, XFD → 16384. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** Column number → letters: 1 → A, 16384 → XFD. */
export function columnLetters(n: number): string {
  let letters = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) letters = String.fromCharCode(65 + ((k - 1) % 26)) + letters;
  return letters;
}

/** Last row and column holding a value in one worksheet's XML. */
export function usedRange(xml: string): { rows: number; columns: number } {
  let rows = 0;
  let columns = 0;
  // a cell with a value: <c r="AB12" …>…<v>…</v>…</c>, or inline text (<is>), or a formula (<f>)
  const cell = /<c\b[^>]*?\br="([A-Z]{1,3})(\d{1,7})"[^>]*?(?:\/>|>([\s\S]*?)<\/c>)/g;
  for (let match = cell.exec(xml); match !== null; match = cell.exec(xml)) {
    const inner = match[3];
    if (inner === undefined || !/<(?:v|is|f)\b/.test(inner)) continue;
    rows = Math.max(rows, Number(match[2]));
    columns = Math.max(columns, columnNumber(match[1]));
  }
  return { rows, columns };
}

export function xlsxExtent(zip: Uint8Array, limits: ReturnLimits): Extent {
  const list = entries(zip);
  if (list === undefined) return { notZip: true };
  const declared = list.reduce((sum, e) => sum + e.size, 0);
  if (declared > limits.maxUnzippedBytes) return { tooLarge: { bytes: declared } };
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const extents: SheetExtent[] = [];
  let inflated = 0;
  // every part is inflated under the cap, not only the sheets: shared strings can be a zip bomb too
  for (const e of list) {
    if (e.name.endsWith('/')) continue;
    if (e.offset + 30 > zip.length || view.getUint32(e.offset, true) !== LOCAL) return { notZip: true };
    const start = e.offset + 30 + view.getUint16(e.offset + 26, true) + view.getUint16(e.offset + 28, true);
    const data = zip.subarray(start, start + e.compressed);
    let part: Buffer;
    try {
      // the declared size may lie: the cap is what is left of the budget
      part = e.method === 0 ? Buffer.from(data) : inflateRawSync(data, { maxOutputLength: Math.max(1, limits.maxUnzippedBytes - inflated) });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError) return { tooLarge: { bytes: limits.maxUnzippedBytes + 1 } };
      return { notZip: true };
    }
    inflated += part.length;
    if (inflated > limits.maxUnzippedBytes) return { tooLarge: { bytes: inflated } };
    if (/^xl\/worksheets\/[^/]+\.xml$/.test(e.name)) extents.push({ part: e.name, ...usedRange(part.toString('utf8')) });
  }
  return { sheets: extents };
}
