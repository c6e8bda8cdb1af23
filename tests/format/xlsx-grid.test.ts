import ExcelJS from 'exceljs';
import { parseXlsx } from '../../src/format/xlsx-grid.ts';

async function workbook(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('parseXlsx', () => {
  it('gives numbers as numbers, formulas as their cached result, rich text as text', async () => {
    const bytes = await workbook((wb) => {
      const sheet = wb.addWorksheet('Feuil1');
      sheet.addRow(['Séances', 'Total', 'Nom']);
      sheet.addRow([12, { formula: 'A2*2', result: 24 }, { richText: [{ text: 'Média' }, { text: 'tion', font: { bold: true } }] }]);
    });
    const [sheet] = await parseXlsx(bytes);
    expect(sheet.rows).toEqual([['Séances', 'Total', 'Nom'], [12, 24, 'Médiation']]);
  });

  it('gives a merged area its value once, and reads every sheet in order', async () => {
    const bytes = await workbook((wb) => {
      wb.addWorksheet('Notice').addRow(['Lisez-moi']);
      const sheet = wb.addWorksheet('Données');
      sheet.addRow(['Titre fusionné', '', '']);
      sheet.mergeCells('A1:C1');
      sheet.addRow(['a', 'b', 'c']);
    });
    const sheets = await parseXlsx(bytes);
    expect(sheets.map((s) => s.name)).toEqual(['Notice', 'Données']);
    expect(sheets[1].rows).toEqual([['Titre fusionné'], ['a', 'b', 'c']]);
  });

  it('keeps empty rows, so row numbers are the sheet rows', async () => {
    const bytes = await workbook((wb) => {
      const sheet = wb.addWorksheet('S');
      sheet.getCell('A1').value = 'x';
      sheet.getCell('A3').value = 'y';
    });
    expect((await parseXlsx(bytes))[0].rows).toEqual([['x'], [], ['y']]);
  });
});
