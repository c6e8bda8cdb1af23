/**
 * Tiny named fixtures shared by the ingest, validate, harmonize and pipeline tests: the shipped
 * dictionaries and geography, one internally consistent row per survey, and helpers that write a
 * return the way a CAF or a court would (CSV text, XLSX bytes).
 */
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { loadDictionaries } from '../../src/ingest/dictionaries.ts';
import { loadGeography } from '../../src/ingest/geography.ts';
import { parseReturn } from '../../src/format/survey-return.ts';
import type { RawReturn } from '../../src/ingest/types.ts';
import type { MediationRow, RencontreRow, SurveyId } from '../../src/model/rows.ts';
import { dictionaryFor } from '../../src/validate/dictionary.ts';
import { CANONICAL_FIELDS } from '../../src/validate/fields.ts';

export const dictionaries = loadDictionaries('pipelines/config/surveys');
export const geography = loadGeography('data-raw/reference');

/** A small association in the Ain: every edit rule holds. */
export function ainService(overrides: Partial<MediationRow> = {}): MediationRow {
  return {
    annee: 2024, service_id: 'MF-01-001', service_nom: 'Médiation familiale de l’Ain', departement: '01', gestionnaire: 'association',
    etp_mediateurs: 1.5, mediateurs: 2, lieux_accueil: 3, reunions_information: 40, entretiens_prealables: 200, seances: 120,
    terminees_conventionnelles: 30, terminees_judiciaires: 10, issue_accord_ecrit: 12, issue_accord_oral: 14, issue_sans_accord: 6,
    issue_interrompue: 8, conflit_separation: 30, conflit_intergenerationnel: 6, conflit_autre: 4, duree_moins_3_mois: 25,
    duree_3_6_mois: 11, duree_plus_6_mois: 4, personnes: 86, fin_caf: 90000, fin_justice: 12000, fin_msa: 0, fin_collectivites: 8000,
    fin_familles: 3000, fin_autre: 0,
    ...overrides,
  };
}

/** A structure in Corse-du-Sud: every edit rule holds. */
export function ajaccioStructure(overrides: Partial<RencontreRow> = {}): RencontreRow {
  return {
    annee: 2024, structure_id: 'ER-2A-001', structure_nom: 'Espace de rencontre d’Ajaccio', departement: '2A', sites: 1, etp: 2.25,
    heures_ouverture_hebdo: 20, familles: 40, enfants: 55, mesures_nouvelles: 30, mesures_jaf: 24, mesures_je: 4, mesures_cour_appel: 1,
    mesures_conventionnelles_autres: 1, mesures_visites: 20, mesures_remises: 10, rencontres: 180, fin_exercice_autonome: 10,
    fin_interrompue: 9, fin_autre: 3, mesures_violences: 5, familles_attente_31dec: 4, delai_attente_median_jours: 35, fin_caf: 60000,
    fin_justice: 20000, fin_departement: 5000, fin_msa: 0, fin_autre_financeur: 1000,
    ...overrides,
  };
}

/** Several services of the Ain with distinct ids (and consistent counts). */
export function ainServices(count: number): MediationRow[] {
  return Array.from({ length: count }, (_, i) => ainService({ service_id: `MF-01-${String(i + 1).padStart(3, '0')}`, seances: 100 + i }));
}

export type Table = { headers: string[]; rows: (string | number | null)[][] };

/** Rows as a return table with the canonical French headers of the year's dictionary. */
export function asTable(survey: SurveyId, rows: readonly object[], year = 2024): Table {
  const dictionary = dictionaryFor(dictionaries, survey, year);
  const fields = CANONICAL_FIELDS[survey];
  return {
    headers: fields.map((field) => dictionary.fields[field].headers[0]),
    rows: rows.map((row) => fields.map((field) => (row as Record<string, string | number | null>)[field])),
  };
}

/** A table as French CSV text (`;`, decimal comma). */
export function frenchCsv(table: Table, eol = '\r\n'): string {
  const cell = (v: string | number | null) => (v === null ? '' : typeof v === 'number' ? String(v).replace('.', ',') : v.includes(';') || v.includes('"') ? `"${v.replaceAll('"', '""')}"` : v);
  return [table.headers.map(cell).join(';'), ...table.rows.map((row) => row.map(cell).join(';'))].join(eol) + eol;
}

export const cp1252 = (text: string) => new Uint8Array(iconv.encode(text, 'win1252'));
export const utf8Bom = (text: string) => new Uint8Array(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]));

/** A table as an XLSX workbook (numbers as numeric cells). */
export async function xlsxOf(table: Table, before: (sheet: ExcelJS.Worksheet) => void = () => {}): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Réponses');
  before(sheet);
  sheet.addRow(table.headers);
  for (const row of table.rows) sheet.addRow(row.map((v) => (v === null ? '' : v)));
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** One file as `readReturns` would give it. */
export function rawReturn(path: string, bytes: Uint8Array, survey: SurveyId = 'mediation', folderYear = 2024): Promise<RawReturn> {
  return parseReturn(survey, folderYear, path, bytes);
}
