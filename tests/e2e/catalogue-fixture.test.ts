/**
 * The catalogue drives every output: tables of an existing shape added to a copy of
 * `pipelines/config/tables.json` — and nowhere else — come out of `mfer annual` in the national CSV,
 * in the national report and in a department's workbook. No renderer or builder knows their ids: if
 * one kept a list of tables instead of reading the catalogue, a table would be missing (or a derived
 * one would have no recipe) and this test would fail. One is a cube of the mediation survey, the
 * other a derived share whose recipe is data.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { annual } from '../../pipelines/annual.ts';
import { ainServices, ajaccioStructure, asTable, cp1252, frenchCsv } from '../validate/fixtures.ts';

/** A cube of the mediation survey, like `med-terminees-cadre` but unlinked, under a new id and words of its own. */
const added = {
  id: 'med-essai-catalogue',
  number: 19,
  survey: 'mediation',
  kind: 'cube',
  ruleSet: 'personnes',
  title: "Tableau {numero} – Médiations d'essai du catalogue selon le cadre, par territoire, en {annee}",
  unit: 'En nombre',
  decimals: 0,
  measure: 'mediations_essai',
  dimension: {
    name: 'cadre_essai',
    label: "Cadre de l'essai",
    total: 'ENS',
    totalLabel: "Ensemble de l'essai",
    codes: [
      { code: 'conventionnelle', label: "Conventionnelle d'essai", field: 'terminees_conventionnelles' },
      { code: 'judiciaire', label: "Judiciaire d'essai", field: 'terminees_judiciaires' },
    ],
  },
  lecture: "En {annee}, en France, {valeur} [médiation d'essai|médiations d'essai] dans un cadre conventionnel.",
  champ: "Champ de l'essai du catalogue.",
  source: "Source de l'essai du catalogue {annee}.",
  note: '',
};

/** A `rates` table: the share of conventional mediations, its recipe given in the catalogue only. */
const share = {
  id: 'croise-essai-part',
  number: 20,
  survey: 'croise',
  kind: 'derived',
  recipe: 'rates',
  title: "Tableau {numero} – Part d'essai des médiations conventionnelles, par territoire, en {annee}",
  unit: 'En %',
  decimals: 1,
  dimension: {
    name: 'indicateur',
    label: 'Indicateur',
    codes: [
      {
        code: 'part_conventionnelle',
        label: "Part d'essai des médiations conventionnelles (%)",
        recipe: { kind: 'share', numerators: [{ table: 'med-terminees-cadre', code: 'conventionnelle' }], denominator: { table: 'med-terminees-cadre', code: 'ENS' } },
      },
    ],
  },
  lecture: "En {annee}, en France, {valeur} % des médiations d'essai.",
  champ: "Champ de l'essai du catalogue.",
  source: "Source de l'essai du catalogue {annee}.",
  note: '',
};

let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mfer-catalogue-'));
  const config = join(dir, 'config');
  cpSync(join(import.meta.dirname, '..', '..', 'pipelines', 'config'), config, { recursive: true });
  const catalogue = JSON.parse(readFileSync(join(config, 'tables.json'), 'utf8')) as { tables: object[] };
  catalogue.tables.push(added, share);
  writeFileSync(join(config, 'tables.json'), JSON.stringify(catalogue, null, 2));
  const put = (path: string, content: string | Uint8Array) => {
    mkdirSync(join(dir, 'in', path, '..'), { recursive: true });
    writeFileSync(join(dir, 'in', path), content);
  };
  put('returns/2024/mediation/caf-01.csv', cp1252(frenchCsv(asTable('mediation', ainServices(4)))));
  put('returns/2024/rencontre/ca-bastia.csv', cp1252(frenchCsv(asTable('rencontre', [ajaccioStructure()]))));
  const result = await annual({ input: join(dir, 'in'), out: join(dir, 'out'), reports: join(dir, 'reports'), reference: 'data-raw/reference', publication: config, years: [2024], log: () => {} });
  expect(result.exitCode).toBe(0);
}, 600_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const title = "Médiations d'essai du catalogue selon le cadre";

describe('a table added to the catalogue only', () => {
  it('is written as a national CSV and long CSV, with its codes', () => {
    const csv = readFileSync(join(dir, 'out', '2024', 'tables', `${added.id}.csv`), 'utf8');
    expect(csv).toContain(title);
    expect(csv).toContain("Judiciaire d'essai");
    expect(existsSync(join(dir, 'out', '2024', 'tables', `${added.id}.long.csv`))).toBe(true);
  });

  it('appears in the national report, in its survey section, with its title and a chart', () => {
    const html = readFileSync(join(dir, 'reports', '2024', 'index.html'), 'utf8');
    expect(html).toContain(`id="t-${added.id}"`);
    expect(html).toContain(`id="graphique-${added.id}"`);
    expect(html.replaceAll('&#39;', "'").replaceAll('&#x27;', "'")).toContain(title);
    const mediation = html.indexOf('id="mediation"');
    const rencontre = html.indexOf('id="rencontre"');
    expect(html.indexOf(`id="t-${added.id}"`)).toBeGreaterThan(mediation);
    expect(html.indexOf(`id="t-${added.id}"`)).toBeLessThan(rencontre);
  });

  it("appears in a department's workbook", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(join(dir, 'reports', '2024', 'departements', '01.xlsx')) as unknown as ArrayBuffer);
    const texts: string[] = [];
    workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => texts.push(String(cell.value)))));
    expect(texts.some((t) => t.includes(title))).toBe(true);
    expect(texts.some((t) => t.includes("Judiciaire d'essai"))).toBe(true);
  });
});

/** The published value of a long CSV (`geo,<dimension>,value,status`) at one territory and code. */
function longValue(id: string, geo: string, code: string): number {
  const lines = readFileSync(join(dir, 'out', '2024', 'tables', `${id}.long.csv`), 'utf8').trim().split('\n');
  const row = lines.map((l) => l.split(',')).find((r) => r[0] === geo && r[1] === code);
  if (!row || row[3] !== 'published') throw new Error(`${id} ${geo} ${code}: not published`);
  return Number(row[2]);
}

describe('a derived table whose recipe is in the catalogue only', () => {
  it('computes its share from the published cells it names', () => {
    const expected = (100 * longValue('med-terminees-cadre', 'FR', 'conventionnelle')) / longValue('med-terminees-cadre', 'FR', 'ENS');
    expect(longValue(share.id, 'FR', 'part_conventionnelle')).toBeCloseTo(expected, 4);
  });

  it('appears in the report and in the workbook', async () => {
    const html = readFileSync(join(dir, 'reports', '2024', 'index.html'), 'utf8');
    expect(html).toContain(`id="t-${share.id}"`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(join(dir, 'reports', '2024', 'departements', '01.xlsx')) as unknown as ArrayBuffer);
    const texts: string[] = [];
    workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => texts.push(String(cell.value)))));
    expect(texts.some((t) => t.includes("Part d'essai des médiations conventionnelles"))).toBe(true);
  });
});
