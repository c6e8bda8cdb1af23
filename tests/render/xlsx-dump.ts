/**
 * A canonical text dump of a workbook for golden files: properties, then per sheet its settings
 * (state, views, print set-up, column widths) and every non-empty cell (address, type, value, format).
 */
import ExcelJS from 'exceljs';

export async function dumpWorkbook(bytes: Uint8Array): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  const lines = [`creator=${workbook.creator} created=${workbook.created?.toISOString()} modified=${workbook.modified?.toISOString()} title=${workbook.title}`];
  for (const ws of workbook.worksheets) {
    const p = ws.pageSetup;
    lines.push(`# ${ws.name} state=${ws.state}`);
    lines.push(`views=${JSON.stringify(ws.views)}`);
    lines.push(`page paperSize=${p.paperSize} orientation=${p.orientation} fitToPage=${p.fitToPage} fitToWidth=${p.fitToWidth} fitToHeight=${p.fitToHeight} printTitlesRow=${p.printTitlesRow}`);
    lines.push(`widths=${(ws.columns ?? []).map((c) => c.width).join(',')}`);
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        const format = cell.numFmt ? ` [${cell.numFmt}]` : '';
        lines.push(`${cell.address} type=${cell.type} ${JSON.stringify(cell.value)}${format}`);
      }),
    );
  }
  return lines.join('\n') + '\n';
}
