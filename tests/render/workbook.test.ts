/**
 * Every department workbook read back with exceljs (and its XML parts unzipped): the four sheets, no
 * formula, nothing hidden, no comment or chart, frozen headers, A4 fit-to-width, French number
 * formats, `s` exactly where a cell is suppressed, evolutions only between published values, and the
 * same bytes twice.
 */
import ExcelJS from 'exceljs';
import { FRANCE } from '../../src/model/geography.ts';
import type { Publication, PublicationTable } from '../../src/model/publication.ts';
import type { Cell } from '../../src/protect/types.ts';
import { renderMessages as m, signs } from '../../src/render/messages.ts';
import { codeDecimals } from '../../src/render/display.ts';
import { displayDate } from '../../src/render/format.ts';
import { departmentWorkbook, EVOLUTION_FORMAT, numberFormat } from '../../src/render/workbook.ts';
import { fixturePublication, fixturePublisher, fullGeography, smallGeography } from './fixtures.ts';
import { unzipText } from './unzip.ts';

const SHEETS = [m.workbook.sheets.summary, m.workbook.sheets.mediation, m.workbook.sheets.rencontre, m.workbook.sheets.methodology];

let publication: Publication;
let books: { code: string; bytes: Uint8Array }[];

beforeAll(async () => {
  publication = fixturePublication(fullGeography());
  books = [];
  for (const d of publication.geography.departments) books.push({ code: d.code, bytes: await departmentWorkbook(publication, d.code, { generatedAt: null }) });
});

const loaded = new Map<Uint8Array, ExcelJS.Workbook>();

/** Reads a workbook back with exceljs (once per workbook: every test shares the read). */
async function read(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  let workbook = loaded.get(bytes);
  if (!workbook) {
    workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
    loaded.set(bytes, workbook);
  }
  return workbook;
}

/** The true cell of a table (test side: straight from the protected table, not through the renderer). */
const indexes = new Map<PublicationTable, Map<string, Cell>>();
function cellOf(table: PublicationTable, geo: string, code: string): Cell | undefined {
  let index = indexes.get(table);
  if (!index) {
    index = new Map(table.table.cells.map((c) => [`${c.codes[0]}|${c.codes[1]}`, c]));
    indexes.set(table, index);
  }
  return index.get(`${geo}|${code}`);
}

describe('department workbooks', () => {
  it('one per department', () => {
    expect(books.map((b) => b.code).sort()).toEqual(publication.geography.departments.map((d) => d.code).sort());
  });

  it('hold no formula, hidden part, comment, drawing or chart in any XML part', () => {
    for (const { code, bytes } of books) {
      const parts = unzipText(bytes);
      const names = [...parts.keys()];
      expect({ code, odd: names.filter((n) => /comment|drawing|chart|vml|vbaProject|externalLink/i.test(n)) }).toEqual({ code, odd: [] });
      for (const [name, xml] of parts) {
        expect({ code, name, formula: /<f[ >]/.test(xml), hidden: /hidden="(1|true)"|state="(hidden|veryHidden)"/.test(xml) }).toEqual({ code, name, formula: false, hidden: false });
      }
    }
  });

  it('have the four sheets, frozen headers, widths and A4 fit-to-width print set-up', async () => {
    for (const { bytes } of books) {
      const workbook = await read(bytes);
      expect(workbook.worksheets.map((w) => w.name)).toEqual(SHEETS);
      for (const ws of workbook.worksheets) {
        expect(ws.state).toBe('visible');
        expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
        expect(ws.pageSetup).toMatchObject({ paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
        expect(ws.getColumn(1).width).toBeGreaterThan(40);
        expect(ws.getColumn(2).width).toBeGreaterThan(10);
      }
      expect(workbook.creator).toBe(fixturePublisher.producers.join(' ; '));
      expect(workbook.created.getTime()).toBe(Date.UTC(1980, 0, 1));
    }
  });

  it('show each figure of the department, its region, its court and France, "s" where suppressed', async () => {
    for (const { code, bytes } of books) {
      const department = publication.geography.departments.find((d) => d.code === code)!;
      const geo = [department.code, department.region, department.court, FRANCE];
      const workbook = await read(bytes);
      let checked = 0;
      for (const table of publication.tables.filter((t) => t.meta.survey !== 'croise')) {
        const ws = workbook.getWorksheet(table.meta.survey === 'mediation' ? m.workbook.sheets.mediation : m.workbook.sheets.rencontre)!;
        const titleRow = findRow(ws, table.meta.title);
        const dim = table.table.dimensions[1];
        table.order[dim].forEach((c, k) => {
          const row = ws.getRow(titleRow + 2 + k);
          expect(row.getCell(1).value).toBe(table.labels[dim][c]);
          geo.forEach((g, j) => {
            const truth = cellOf(table, g, c)!;
            const cell = row.getCell(2 + j);
            if (truth.status === 's') {
              expect(cell.value).toBeCloseTo(truth.value, codeDecimals(table, c));
              expect(cell.numFmt).toBe(numberFormat(codeDecimals(table, c)));
            } else expect(cell.value).toBe(signs.secret);
            checked++;
          });
        });
        const after = ws.getRow(titleRow + 2 + table.order[dim].length + 2).getCell(1).value;
        expect(after).toBe(`${m.source} : ${table.meta.source}`);
      }
      expect(checked).toBeGreaterThan(100);
    }
  });

  it('sum up each table on one line (its total, or each indicator), with the evolution only when both years are published', async () => {
    const { code, bytes } = books[0];
    const department = publication.geography.departments.find((d) => d.code === code)!;
    const geo = [department.code, department.region, department.court, FRANCE];
    const ws = (await read(bytes)).getWorksheet(m.workbook.sheets.summary)!;
    const previous = publication.history[0];
    let numbers = 0;
    let secrets = 0;
    for (const survey of ['mediation', 'rencontre', 'croise'] as const) {
      let at = findRow(ws, m.workbook.section[survey]) + 1;
      for (const table of publication.tables.filter((t) => t.meta.survey === survey)) {
        const before = previous.tables.find((t) => t.meta.id === table.meta.id);
        const dim = table.table.dimensions[1];
        const hasTotal = table.order[dim].includes('ENS');
        for (const c of hasTotal ? ['ENS'] : table.order[dim]) {
          const row = ws.getRow(at++);
          expect(row.getCell(1).value).toBe(hasTotal ? m.workbook.summaryLabel(table.meta.title) : table.labels[dim][c]);
          geo.forEach((g, j) => {
            const truth = cellOf(table, g, c)!;
            expect(row.getCell(2 + j).value).toBe(truth.status === 's' ? truth.value : signs.secret);
          });
          const cell = row.getCell(6);
          const now = cellOf(table, code, c)!;
          const then = before ? cellOf(before, code, c) : undefined;
          if (!then) expect(cell.value).toBe(signs.missing);
          else if (now.status !== 's' || then.status !== 's') {
            expect(cell.value).toBe(signs.secret);
            secrets++;
          } else {
            expect(cell.value).toBeCloseTo((now.value / then.value - 1) * 100, 1);
            expect(cell.numFmt).toBe(EVOLUTION_FORMAT);
            numbers++;
          }
        }
      }
    }
    expect(numbers).toBeGreaterThan(0);
    expect(secrets).toBeGreaterThan(0);
    const sources = [...new Set(publication.tables.map((t) => t.meta.source))];
    for (const source of sources) findRow(ws, `${m.source} : ${source}`);
  });

  it('turn a table title into a summary label', () => {
    expect(m.workbook.summaryLabel("Tableau 2 – Médiations familiales terminées selon l'issue, par territoire, en 2024")).toBe(
      "Médiations familiales terminées selon l'issue",
    );
  });

  it('write a label starting with "=" as a plain string, never a formula', async () => {
    const ws = (await read(books[0].bytes)).getWorksheet(m.workbook.sheets.summary)!;
    const cells: ExcelJS.Cell[] = [];
    ws.eachRow((row) => row.eachCell((cell) => cells.push(cell)));
    const formulaLike = cells.filter((c) => typeof c.value === 'string' && c.value.startsWith('='));
    expect(formulaLike.length).toBeGreaterThan(0);
    for (const cell of formulaLike) expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cells.some((c) => c.type === ExcelJS.ValueType.Formula)).toBe(false);
  });

  it('carry the methodology: rules, what "s" means, the date only when given', async () => {
    const texts = async (bytes: Uint8Array) => {
      const ws = (await read(bytes)).getWorksheet(m.workbook.sheets.methodology)!;
      const out: string[] = [];
      ws.eachRow((row) => out.push(String(row.getCell(1).value ?? '')));
      return out;
    };
    const small = fixturePublication(smallGeography);
    const undated = await texts(await departmentWorkbook(small, '01', { generatedAt: null }));
    expect(undated).toContain(m.methodology.sMeaning());
    expect(undated).toEqual(expect.arrayContaining(m.methodology.rules()));
    expect(undated.some((t) => t.startsWith(m.workbook.date('').slice(0, 10)))).toBe(false);
    const dated = await texts(await departmentWorkbook(small, '01', { generatedAt: '2026-03-01' }));
    expect(dated).toContain(m.workbook.date(displayDate('2026-03-01')));
  });

  it('are byte-identical from one run to the next', async () => {
    const again = await departmentWorkbook(publication, books[0].code, { generatedAt: null });
    expect(Buffer.from(again).equals(Buffer.from(books[0].bytes))).toBe(true);
  });
});

function findRow(ws: ExcelJS.Worksheet, text: string): number {
  let found = -1;
  ws.eachRow((row, n) => {
    if (found < 0 && row.getCell(1).value === text) found = n;
  });
  if (found < 0) throw new Error(`row not found: ${text}`);
  return found;
}
