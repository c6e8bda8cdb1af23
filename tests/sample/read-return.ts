/** Reads a generated return back into rows of strings (row 0 = header), keeping blank lines, for tests. */
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';

export async function readBack(path: string, content: Uint8Array): Promise<string[][]> {
  if (path.endsWith('.xlsx')) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(content) as never);
    const rows: string[][] = [];
    workbook.worksheets[0].eachRow({ includeEmpty: true }, (row, number) => {
      const values = (row.values as unknown[]).slice(1).map((v) => (v === undefined || v === null ? '' : String(v)));
      rows[number - 1] = values;
    });
    return rows;
  }
  const bom = content[0] === 0xef && content[1] === 0xbb && content[2] === 0xbf;
  const text = bom ? Buffer.from(content.subarray(3)).toString('utf8') : iconv.decode(Buffer.from(content), 'win1252');
  const delimiter = text.split(/\r?\n/)[0].includes(';') ? ';' : ',';
  return text
    .replace(/\r?\n$/, '')
    .split(/\r?\n/)
    .map((line) => (line === '' ? [] : splitCsvLine(line, delimiter)));
}

function splitCsvLine(line: string, delimiter: string): string[] {
  const out: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === delimiter) out.push(cell), (cell = '');
    else cell += c;
  }
  out.push(cell);
  return out;
}

/** Header matching as tolerant as the ingest is asked to be: case, accents, spaces, punctuation. */
export function headerKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}
