/**
 * Department workbooks read back with exceljs (and their XML parts unzipped): the five sheets, no
 * formula, nothing hidden, no comment or chart, frozen headers, A4 fit-to-width, French number
 * formats, `s` exactly where a cell is suppressed, a summary with one line per indicator whose change
 * is the national table's (in % or in points), headers with room, and the same bytes twice.
 *
 * The tests are shared by two suites: tests/render/workbook.test.ts runs them on a few departments
 * that cover every case of the layout, tests/e2e/workbook-all.test.ts on all 101 (reading 101
 * workbooks back with exceljs is most of the cost).
 */
import ExcelJS from 'exceljs';
import { DROM, FRANCE, type Department } from '../../src/model/geography.ts';
import type { Publication, PublicationTable } from '../../src/model/publication.ts';
import type { Cell } from '../../src/protect/types.ts';
import { renderMessages as m, signs } from '../../src/render/messages.ts';
import { codeDecimals } from '../../src/render/display.ts';
import { displayDate } from '../../src/render/format.ts';
import { ruleLines } from '../../src/render/secrecy-rules.ts';
import { departmentWorkbook, numberFormat } from '../../src/render/workbook.ts';
import { fixturePublication, fixturePublisher, fullGeography, smallGeography } from './fixtures.ts';
import { unzipText } from './unzip.ts';

const SHEETS = [m.workbook.sheets.summary, m.workbook.sheets.series, m.workbook.sheets.mediation, m.workbook.sheets.rencontre, m.workbook.sheets.methodology];

/**
 * Declares the tests on the workbooks of `codes` (every department when null), all rendered from
 * the publication of the whole geography.
 */
export function workbookTests(codes: readonly string[] | null): void {
  let publication: Publication;
  let books: { code: string; bytes: Uint8Array }[];

  beforeAll(async () => {
    publication = fixturePublication(fullGeography());
    const departments = codes ? publication.geography.departments.filter((d) => codes.includes(d.code)) : publication.geography.departments;
    books = [];
    for (const d of departments) books.push({ code: d.code, bytes: await departmentWorkbook(publication, d.code, { generatedAt: null }) });
  });

  /**
   * The columns of a department's workbook: itself, its region and its court unless one of them is the
   * department alone (then its figures are the department's, shown once), the DROM for an overseas
   * department, France.
   */
  function territoriesOf(department: Department): string[] {
    const alone = (area: string) => publication.geography.departments.filter((d) => d.region === area || d.court === area).length === 1;
    return [department.code, ...[department.region, department.court].filter((a) => !alone(a)), ...(department.zone === DROM ? [DROM] : []), FRANCE];
  }

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
      expect(books.map((b) => b.code).sort()).toEqual((codes ?? publication.geography.departments.map((d) => d.code)).slice().sort());
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

    it('have their sheets, frozen headers, widths and A4 fit-to-width print set-up', async () => {
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
        const geo = territoriesOf(department);
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

    /**
     * The summary the fixture catalogue must give, written out by hand: [table, code] per line, the
     * breakdowns of ended mediations (and of new measures) once, through their shared total.
     */
    const SUMMARY: Record<string, [string, string][]> = {
      mediation: [
        ['med-terminees-cadre', 'ENS'],
        ['med-activite', 'reunions_information'],
        ['med-activite', 'entretiens_prealables'],
        ['med-activite', 'seances'],
        ['med-moyens', 'services'],
        ['med-moyens', 'etp_mediateurs'],
        ['med-moyens', 'mediateurs'],
        ['med-moyens', 'lieux_accueil'],
        ['med-financement', 'ENS'],
      ],
      rencontre: [
        ['er-accueil', 'structures'],
        ['er-accueil', 'familles'],
        ['er-accueil', 'enfants'],
        ['er-accueil', 'rencontres'],
        ['er-mesures-origine', 'ENS'],
        ['er-mesures-fin', 'ENS'],
        ['er-violences', 'mesures_violences'],
        ['er-attente', 'familles_attente'],
        ['er-attente', 'delai_median_jours'],
        ['er-financement', 'ENS'],
      ],
      croise: [
        ...['mediations_100k', 'enfants_er_100k', 'etp_100k', 'part_judiciaire', 'taux_accord', 'part_exercice_autonome'].map((c): [string, string] => ['croise-taux', c]),
        ...['departements', 'sans_mediation', 'sans_er', 'sans_aucun'].map((c): [string, string] => ['croise-couverture', c]),
        ['test-ajout', 'formule'],
      ],
    };
    /** The fixture's changes (croise-evolution): which line each gives, and in what. */
    const CHANGES: Record<string, { line: [string, string]; format: string }> = {
      mediations_terminees: { line: ['med-terminees-cadre', 'ENS'], format: '+#,##0.0" %";-#,##0.0" %";0.0" %"' },
      enfants_er: { line: ['er-accueil', 'enfants'], format: '+#,##0.0" %";-#,##0.0" %";0.0" %"' },
      etp_mediateurs: { line: ['med-moyens', 'etp_mediateurs'], format: '+#,##0.0" %";-#,##0.0" %";0.0" %"' },
      familles_attente: { line: ['er-attente', 'familles_attente'], format: '+#,##0.0" %";-#,##0.0" %";0.0" %"' },
      part_judiciaire: { line: ['croise-taux', 'part_judiciaire'], format: '+#,##0.0" pt";-#,##0.0" pt";0.0" pt"' },
    };
    const UNITS: Record<string, string> = { mediations_100k: 'Pour 100 000 habitants', enfants_er_100k: 'Pour 100 000 habitants', etp_100k: 'Pour 100 000 habitants', services: 'En nombre', mediateurs: 'En nombre', lieux_accueil: 'En nombre', etp_mediateurs: 'En équivalents temps plein', familles_attente: 'En nombre de familles', delai_median_jours: 'En jours', part_judiciaire: 'En %', taux_accord: 'En %', part_exercice_autonome: 'En %' };

    it('sum up each indicator on one line: unit, the four territories, the change read from the table of changes', async () => {
      const evolution = publication.tables.find((t) => t.meta.id === 'croise-evolution')!;
      let numbers = 0;
      let secrets = 0;
      for (const { code, bytes } of books) {
        const department = publication.geography.departments.find((d) => d.code === code)!;
        const geo = territoriesOf(department);
        const ws = (await read(bytes)).getWorksheet(m.workbook.sheets.summary)!;
        const header = ws.getRow(2).values as unknown[];
        expect([undefined, ...header.slice(1, 3), ...header.slice(4)]).toEqual([undefined, m.workbook.indicator, m.workbook.unit, ...geo.slice(1).map((g) => publication.geography.labels[g]), m.workbook.evolution(2024, 2023)]);
        expect(String(header[3]).startsWith(department.name)).toBe(true);
        for (const survey of ['mediation', 'rencontre', 'croise'] as const) {
          const at = findRow(ws, m.workbook.section[survey]) + 1;
          SUMMARY[survey].forEach(([id, c], k) => {
            const table = publication.tables.find((t) => t.meta.id === id)!;
            const row = ws.getRow(at + k);
            const dim = table.table.dimensions[1];
            expect(row.getCell(1).value).toBe(c === 'ENS' ? m.workbook.totalLabel(table.meta.title) : table.labels[dim][c]);
            expect(row.getCell(2).value).toBe(UNITS[c] ?? table.meta.unit);
            geo.forEach((g, j) => {
              const truth = cellOf(table, g, c)!;
              if (truth.status === 's') expect(row.getCell(3 + j).value).toBeCloseTo(truth.value, codeDecimals(table, c));
              else expect(row.getCell(3 + j).value).toBe(signs.secret);
            });
            const cell = row.getCell(3 + geo.length);
            const change = Object.entries(CHANGES).find(([, x]) => x.line[0] === id && x.line[1] === c);
            if (!change) return expect(cell.value).toBe(signs.notApplicable);
            const truth = cellOf(evolution, code, change[0])!;
            if (truth.status !== 's') {
              expect(cell.value).toBe(signs.secret);
              secrets++;
            } else {
              expect(cell.value).toBe(Math.round(truth.value * 10) / 10);
              expect(cell.numFmt).toBe(change[1].format);
              numbers++;
            }
          });
          // the section ends there: an empty row, then the next section or the sources
          expect(ws.getRow(at + SUMMARY[survey].length).getCell(1).value ?? null).toBeNull();
        }
        const sources = [...new Set(publication.tables.map((t) => t.meta.source))];
        for (const source of sources) findRow(ws, `${m.source} : ${source}`);
      }
      // at least one figure per workbook on average (above 100 on all 101 departments), and a secret
      expect(numbers).toBeGreaterThan(books.length);
      expect(secrets).toBeGreaterThan(0);
    });

    it('give "nd" as the change when there is no previous year', async () => {
      const first = fixturePublication(smallGeography, { history: false });
      const ws = (await read(await departmentWorkbook(first, '01', { generatedAt: null }))).getWorksheet(m.workbook.sheets.summary)!;
      const at = findRow(ws, m.workbook.section.mediation) + 1;
      for (let k = 0; k < SUMMARY.mediation.length; k++) expect(ws.getRow(at + k).getCell(7).value).toBe(signs.missing);
    });

    it('leave room for every header of the summary (widths and a header row high enough for its lines)', async () => {
      const ws = (await read(books[0].bytes)).getWorksheet(m.workbook.sheets.summary)!;
      const head = ws.getRow(2);
      const lines = (head.height ?? 15) / 15;
      head.eachCell((cell, col) => {
        expect(cell.alignment?.wrapText).toBe(true);
        // a column of width w holds about 0.8 w characters of bold text per line
        expect(String(cell.value).length).toBeLessThanOrEqual(Math.floor(ws.getColumn(col).width! * 0.8) * lines);
      });
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
      expect(undated).toEqual(expect.arrayContaining(ruleLines(small.secrecy)));
      expect(undated.some((t) => t.startsWith(m.workbook.date('').slice(0, 10)))).toBe(false);
      const dated = await texts(await departmentWorkbook(small, '01', { generatedAt: '2026-03-01' }));
      expect(dated).toContain(m.workbook.date(displayDate('2026-03-01')));
    });

    it("say how many of the department's own cells are secret, beside the median over the departments, in the Synthèse and the Méthodologie", async () => {
      const small = fixturePublication(smallGeography);
      // counted here straight from the tables: a department's cells are the rows of its code
      const counts = small.geography.departments.map((d) => {
        const cells = small.tables.flatMap((t) => t.table.cells.filter((c) => c.codes[0] === d.code));
        return { code: d.code, name: d.name, cells: cells.length, secret: cells.filter((c) => c.status !== 's').length };
      });
      const shares = counts.filter((c) => c.cells > 0).map((c) => c.secret / c.cells).sort((a, b) => a - b);
      const half = (shares.length - 1) / 2;
      const median = (shares[Math.floor(half)] + shares[Math.ceil(half)]) / 2;
      const percent = (x: number) => `${new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(100 * x)}\u00a0%`;
      const own = counts.find((c) => c.code === '01')!;
      expect(own.secret).toBeGreaterThan(0);
      const workbook = await read(await departmentWorkbook(small, '01', { generatedAt: null }));
      for (const name of [m.workbook.sheets.summary, m.workbook.sheets.methodology]) {
        const lines: string[] = [];
        workbook.getWorksheet(name)!.eachRow((row) => lines.push(String(row.getCell(1).value ?? '')));
        const line = lines.find((t) => t.includes(own.name) && t.includes('sous secret'));
        expect(line).toContain(`${own.secret} des ${own.cells} cellules`);
        expect(line).toContain(`soit ${percent(own.secret / own.cells)}`);
        expect(line).toContain(`${percent(median)} en médiane`);
      }
    });

    it("read each Lecture line of the detail sheets in the department's cell, never France's", async () => {
      const small = fixturePublication(smallGeography);
      const ws = (await read(await departmentWorkbook(small, '01', { generatedAt: null }))).getWorksheet(m.workbook.sheets.mediation)!;
      const lines: string[] = [];
      ws.eachRow((row) => lines.push(String(row.getCell(1).value ?? '')));
      const lectures = lines.filter((t) => t.startsWith(`${m.lecture} :`));
      expect(lectures.length).toBeGreaterThan(0);
      for (const line of lectures) {
        expect(line).not.toContain('en France');
        expect(line).toContain(m.departmentPlace());
      }
      // the figure of the department's own cell (hand-read in the fixture: 01's completed mediations)
      const cadre = small.tables.find((t) => t.meta.id === 'med-terminees-cadre')!;
      const own = cadre.table.cells.find((c) => c.codes[0] === '01' && c.codes[1] === cadre.meta.reading!.code)!;
      expect(own.status).toBe('s');
      expect(lectures[0]).toContain(new Intl.NumberFormat('fr-FR').format(own.value));
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

  describe('the Séries sheet', () => {
    it('gives every year of the publication for the department, its region and France, as each year published it', async () => {
      const department = publication.geography.departments[0];
      const workbook = await read(books.find((b) => b.code === department.code)!.bytes);
      const ws = workbook.getWorksheet(m.workbook.sheets.series)!;
      const years = [...publication.history.map((h) => h.year), publication.year];
      expect(years.length).toBeGreaterThan(1);
      const header = (ws.getRow(2).values as unknown[]).slice(1).map(String);
      expect(header.slice(3)).toEqual(years.map(String));
      // a table with a total (straight from the protected tables of each year, not through the renderer)
      const table = [...publication.tables].sort((a, b) => a.meta.number - b.meta.number).find((t) => t.order[Object.keys(t.order)[0]].includes('ENS'))!;
      const label = m.workbook.totalLabel(table.meta.title);
      const rows: unknown[][] = [];
      ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
      let checked = 0;
      for (const geo of [department.code, department.region, FRANCE]) {
        const row = rows.find((r) => r[0] === label && r[1] === publication.geography.labels[geo]);
        expect(row).toBeDefined();
        years.forEach((year, k) => {
          const tables = year === publication.year ? publication.tables : publication.history.find((h) => h.year === year)!.tables;
          const same = tables.find((t) => t.meta.id === table.meta.id)!;
          const cell = cellOf(same, geo, 'ENS')!;
          const got = row![3 + k];
          if (cell.status === 's') expect(typeof got === 'number' ? got : NaN).toBeCloseTo(cell.value, 6);
          else expect(got).toBe('s');
          checked++;
        });
      }
      expect(checked).toBe(3 * years.length);
    });

    it('compares an overseas department with the DROM as a whole too, and shows a one-department region or court once', async () => {
      const labels = publication.geography.labels;
      const cases: [string, string[]][] = [
        // Guyane: its region and its court (Cayenne) are the department alone
        ['973', [m.workbook.mergedColumn('Guyane', true, labels['CA-CAYENNE']), labels[DROM], labels[FRANCE]]],
        // La Réunion: its region is itself, its court (Saint-Denis) also covers Mayotte
        ['974', [m.workbook.mergedColumn('La Réunion', true, null), labels['CA-SAINT-DENIS'], labels[DROM], labels[FRANCE]]],
        ['01', ['Ain', labels.R84, labels['CA-LYON'], labels[FRANCE]]],
      ];
      for (const [code, columns] of cases) {
        const workbook = await read(books.find((b) => b.code === code)!.bytes);
        const summaryHeader = (workbook.getWorksheet(m.workbook.sheets.summary)!.getRow(2).values as unknown[]).slice(3, 3 + columns.length + 1);
        expect([code, summaryHeader]).toEqual([code, [...columns, m.workbook.evolution(2024, 2023)]]);
        const territories = new Set<unknown>();
        workbook.getWorksheet(m.workbook.sheets.series)!.eachRow((row) => territories.add((row.values as unknown[])[2]));
        expect([code, territories.has(labels[DROM])]).toEqual([code, code !== '01']);
      }
    });
  });
}
