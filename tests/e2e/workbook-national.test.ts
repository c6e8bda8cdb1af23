/**
 * The summary sheet ("Synthèse") of every department workbook of a full run on the shipped sample,
 * figure by figure, against the national tables of the same run (`data-out/<year>/tables/<id>.csv`),
 * read as a reader reads them: the same number (as the CSV rounds it) or the same sign (`s`, `///`…).
 *
 * What each line of the summary must be is written out here by hand (national table, code, change),
 * from the catalogue's labels (`pipelines/config/tables.json`), never from the workbook code: one line
 * per indicator, the shared total of the four breakdowns of ended mediations once, each level from a
 * level table, each change from the national table of changes, in % for a level, in points for a share.
 */
import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { annual } from '../../pipelines/annual.ts';
import { loadGeography } from '../../src/ingest/geography.ts';
import type { OutputFile } from '../../src/model/output.ts';

const root = join(import.meta.dirname, '..', '..');
const YEAR = 2025;
const EVOLUTION = 'croise-evolution';

/** Each summary line, in order: its national table and code, and its code in the table of changes (or none). */
const LINES: [table: string, code: string, change: string | null][] = [
  ['med-terminees-cadre', 'ENS', 'mediations_terminees'],
  ['med-activite', 'reunions_information', 'reunions_information'],
  ['med-activite', 'entretiens_prealables', 'entretiens_prealables'],
  ['med-activite', 'seances', 'seances'],
  ['med-moyens', 'services', 'services'],
  ['med-moyens', 'etp_mediateurs', 'etp_mediateurs'],
  ['med-moyens', 'mediateurs', 'mediateurs'],
  ['med-moyens', 'lieux_accueil', 'lieux_accueil'],
  ['med-financement', 'ENS', 'financement_mediation'],
  ['er-accueil', 'structures', 'structures_er'],
  ['er-accueil', 'familles', 'familles_er'],
  ['er-accueil', 'enfants', 'enfants_er'],
  ['er-accueil', 'rencontres', 'rencontres_er'],
  ['er-mesures-origine', 'ENS', 'mesures_nouvelles'],
  ['er-mesures-fin', 'ENS', 'mesures_terminees'],
  ['er-violences', 'mesures_violences', 'mesures_violences'],
  ['er-attente', 'familles_attente', 'familles_attente'],
  ['er-attente', 'delai_median_jours', 'delai_median_jours'],
  ['er-financement', 'ENS', 'financement_er'],
  ['croise-taux', 'mediations_100k', 'mediations_100k'],
  ['croise-taux', 'enfants_er_100k', 'enfants_er_100k'],
  ['croise-taux', 'etp_100k', 'etp_100k'],
  ['croise-taux', 'part_judiciaire', 'part_judiciaire'],
  ['croise-taux', 'taux_accord', 'taux_accord'],
  ['croise-taux', 'part_exercice_autonome', 'part_exercice_autonome'],
  ['croise-couverture', 'departements', null],
  ['croise-couverture', 'sans_mediation', null],
  ['croise-couverture', 'sans_er', null],
  ['croise-couverture', 'sans_aucun', null],
  ['croise-reponse', 'med_connus', null],
  ['croise-reponse', 'med_repondants', null],
  ['croise-reponse', 'med_taux', null],
  ['croise-reponse', 'er_connus', null],
  ['croise-reponse', 'er_repondants', null],
  ['croise-reponse', 'er_taux', null],
];

interface CatalogueTable {
  id: string;
  unit: string;
  link?: string;
  dimension: { total?: string; totalLabel?: string; codes: { code: string; label: string; unit?: string }[] };
}
const catalogue: CatalogueTable[] = JSON.parse(readFileSync(join(root, 'pipelines', 'config', 'tables.json'), 'utf8')).tables;
const tableOf = (id: string) => catalogue.find((t) => t.id === id)!;
const columnLabel = (id: string, code: string) => {
  const t = tableOf(id);
  return code === t.dimension.total ? t.dimension.totalLabel! : t.dimension.codes.find((c) => c.code === code)!.label;
};
const unitOf = (id: string, code: string) => tableOf(id).dimension.codes.find((c) => c.code === code)?.unit ?? tableOf(id).unit;

/** One national CSV table: the cell of a territory code under a column label, as written. */
type National = (geo: string, column: string) => string;

function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ';') out.push(cell), (cell = '');
    else cell += ch;
  }
  out.push(cell);
  return out;
}

/** undefined for a table of another layout (the follow-up and impact tables have no Niveau column) */
function parseNational(text: string): National | undefined {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const at = lines.findIndex((l) => l.startsWith('Niveau;Code;Territoire;'));
  if (at < 0) return undefined;
  const header = splitCsvLine(lines[at]);
  const rows = new Map<string, string[]>();
  for (const line of lines.slice(at + 1)) {
    if (line === '') break;
    const cells = splitCsvLine(line);
    rows.set(cells[1], cells);
  }
  return (geo, column) => {
    const row = rows.get(geo);
    const index = header.indexOf(column);
    if (!row || index < 0) throw new Error(`no cell ${geo} × ${column}`);
    return row[index];
  };
}

/** A CSV cell as a number ("1 234,5" → 1234.5), or null for a sign. */
function frenchNumber(text: string): number | null {
  const plain = text.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  return /^-?\d+(\.\d+)?$/.test(plain) ? Number(plain) : null;
}

let dir: string;
let files: readonly OutputFile[];
let national: Map<string, National>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mfer-synthese-'));
  const result = await annual({ input: join(root, 'data-raw'), out: join(dir, 'out'), reports: join(dir, 'reports'), years: [YEAR], workers: 0 });
  expect(result.exitCode).toBe(0);
  files = result.files;
  national = new Map();
  for (const f of files) {
    const match = new RegExp(`^${YEAR}/tables/([a-z0-9-]+)\\.csv$`).exec(f.path);
    const parsed = f.root === 'data-out' && match ? parseNational(typeof f.content === 'string' ? f.content : Buffer.from(f.content).toString('utf8')) : undefined;
    if (match && parsed) national.set(match[1], parsed);
  }
}, 300_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The figure a workbook cell shows, against the national CSV cell: the same number, or the same sign. */
function expectSame(cell: ExcelJS.Cell, csv: string, where: string): void {
  const number = frenchNumber(csv);
  if (number === null) expect({ where, value: cell.value }).toEqual({ where, value: csv });
  else {
    expect({ where, type: typeof cell.value }).toEqual({ where, type: 'number' });
    expect({ where, value: Math.abs((cell.value as number) - number) < 1e-9 }).toEqual({ where, value: true });
  }
}

describe('the summary sheet of every department workbook against the national tables', () => {
  it('has one line per indicator, every figure equal to the national tables (101 workbooks)', async () => {
    const geography = loadGeography(join(root, 'data-raw', 'reference'));
    const books = files.filter((f) => f.root === 'reports' && new RegExp(`^${YEAR}/departements/[0-9AB]+\\.xlsx$`).test(f.path));
    expect(books).toHaveLength(101);
    const changes = national.get(EVOLUTION)!;
    let numbers = 0;
    let signs = 0;
    let changesInPoints = 0;
    for (const book of books) {
      const code = /([0-9AB]+)\.xlsx$/.exec(book.path)![1];
      const department = geography.departments.find((d) => d.code === code)!;
      // its region and its court unless one is the department alone (its column then stands for
      // both), the DROM for an overseas department, France
      const alone = (area: string) => geography.departments.filter((d) => d.region === area || d.court === area).length === 1;
      const geo = [department.code, ...[department.region, department.court].filter((a) => !alone(a)), ...(department.zone === 'DROM' ? ['DROM'] : []), 'FR'];
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(Buffer.from(book.content as Uint8Array) as unknown as ExcelJS.Buffer);
      const ws = workbook.getWorksheet('Synthèse')!;
      const header = (ws.getRow(2).values as unknown[]).slice(1);
      expect(header).toHaveLength(3 + geo.length);
      expect(String(header[2]).startsWith(department.name)).toBe(true);
      expect(header.slice(3, 2 + geo.length)).toEqual(geo.slice(1).map((g) => geography.labels[g]));
      // the lines of indicators: every row with a unit beside its label, below the header
      const rows: ExcelJS.Row[] = [];
      ws.eachRow((row, n) => {
        if (n > 2 && typeof row.getCell(2).value === 'string' && row.cellCount >= 3 + geo.length) rows.push(row);
      });
      expect({ code, lines: rows.length }).toEqual({ code, lines: LINES.length });
      LINES.forEach(([table, c, change], i) => {
        const row = rows[i];
        const where = `${code} ${table} ${c}`;
        expect({ where, unit: row.getCell(2).value }).toEqual({ where, unit: unitOf(table, c) });
        // a shared total: every table of its link gives it, the same in each
        const sources = tableOf(table).link ? catalogue.filter((t) => t.link === tableOf(table).link).map((t) => t.id) : [table];
        for (const source of sources) {
          geo.forEach((g, j) => {
            const csv = national.get(source)!(g, columnLabel(source, c));
            expectSame(row.getCell(3 + j), csv, `${where} ${source} ${g}`);
            if (frenchNumber(csv) === null) signs++;
            else numbers++;
          });
        }
        const cell = row.getCell(3 + geo.length);
        if (change === null) return expect({ where, change: cell.value }).toEqual({ where, change: '///' });
        const csv = changes(code, columnLabel(EVOLUTION, change));
        expectSame(cell, csv, `${where} change`);
        if (typeof cell.value === 'number') {
          const inPoints = unitOf(EVOLUTION, change) === 'En points de %';
          expect({ where, format: cell.numFmt }).toEqual({ where, format: expect.stringContaining(inPoints ? '" pt"' : '" %"') });
          if (inPoints) changesInPoints++;
        }
      });
    }
    expect(numbers).toBeGreaterThan(5000);
    expect(signs).toBeGreaterThan(100);
    expect(changesInPoints).toBeGreaterThan(50);
  });

  it('gives each share and rate in % a change in points, and each level a change in %', () => {
    for (const [table, code, change] of LINES) {
      if (change === null) continue;
      expect({ change, unit: unitOf(EVOLUTION, change) }).toEqual({ change, unit: unitOf(table, code) === 'En %' ? 'En points de %' : 'En %' });
    }
  });
});
