/**
 * XLSX bytes → one grid per worksheet. A formula gives its cached result, a merged area its value
 * once (in its top-left cell), rich text its plain text, a date its ISO day; numbers stay numbers.
 *
 * @example
 *   const sheets = await parseXlsx(bytes); // [{ name: "Feuil1", rows: [["Année", …], [2024, …]] }]
 */
import ExcelJS from 'exceljs';
import type { Cell, Sheet } from '../ingest/types.ts';

function cellValue(value: unknown): Cell {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? value : '';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'VRAI' : 'FAUX';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if ('result' in v || 'formula' in v || 'sharedFormula' in v) return cellValue(v.result);
    if (Array.isArray(v.richText)) return v.richText.map((part: { text?: unknown }) => String(part.text ?? '')).join('');
    if ('text' in v) return cellValue(v.text);
    if ('error' in v) return String(v.error);
  }
  return String(value);
}

export async function parseXlsx(bytes: Uint8Array): Promise<Sheet[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never);
  const sheets: Sheet[] = [];
  for (const worksheet of workbook.worksheets) {
    // only the cells that exist: walking rowCount × columnCount would build every empty cell of a
    // sheet whose one value sits in its far corner (the caller refuses such a sheet beforehand)
    const grid: Cell[][] = [];
    worksheet.eachRow({ includeEmpty: false }, (row, r) => {
      const cells: Cell[] = [];
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        const value = cell.isMerged && cell.master.address !== cell.address ? '' : cellValue(cell.value);
        if (value === '') return;
        while (cells.length < c - 1) cells.push('');
        cells[c - 1] = value;
      });
      grid[r - 1] = cells;
    });
    const rows: Cell[][] = Array.from({ length: grid.length }, (_, i) => grid[i] ?? []);
    // rows after the last one holding a value (formatted but empty) are not returned: they hold no data
    sheets.push({ name: worksheet.name, rows });
  }
  return sheets;
}
