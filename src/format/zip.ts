/**
 * The zip layout shared by the XLSX reader (`xlsx-extent.ts`) and writer (`xlsx.ts`): the record
 * signatures and where the central directory starts, found from the end-of-central-directory record
 * (searched backwards over the last 22 + 65 535 bytes, the longest a trailing comment can make it).
 * Pure: a view of the bytes in, offsets out.
 *
 * @example
 *   centralDirectory(new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)); // { count: 9, start: 10234 }
 */
export const EOCD = 0x06054b50;
export const CENTRAL = 0x02014b50;
export const LOCAL = 0x04034b50;

/** The number of entries and the offset of the central directory, or undefined when no end record is found. */
export function centralDirectory(view: DataView): { count: number; start: number } | undefined {
  for (let i = view.byteLength - 22; i >= Math.max(0, view.byteLength - 22 - 65535); i--) {
    if (view.getUint32(i, true) === EOCD) return { count: view.getUint16(i + 10, true), start: view.getUint32(i + 16, true) };
  }
  return undefined;
}
