/**
 * `reports/<year>/departements/<code>.xlsx`: one workbook per department, the department beside its
 * region, its court of appeal and France. Sheets "Synthèse" (one line per table: its total, or each
 * indicator, with the department's evolution on the previous year), "Médiation familiale",
 * "Espaces de rencontre" (every table in full) and "Méthodologie".
 *
 * What may reveal a value is left out: no formula (every text is a plain string cell, even one that
 * starts with "="), no hidden sheet, row or column, no comment, no chart. Suppressed cells hold the
 * text "s". Document properties and zip timestamps are fixed, so the same inputs give the same bytes.
 *
 * @example
 *   const bytes = await departmentWorkbook(publication, '69', { generatedAt: null });
 */
import ExcelJS from 'exceljs';
import type { Publication, PublicationTable, TableSurvey } from '../model/publication.ts';
import { FRANCE } from '../model/geography.ts';
import { fixZipTimestamps } from '../common/zip.ts';
import { displayDate } from './format.ts';
import { signs, renderMessages as m } from './messages.ts';
import { publisherLines, publisherName } from './publisher.ts';
import { NOT_APPLICABLE, tableView, type Shown, type TableView } from './view.ts';

/** The zip epoch: the date written when the run has no date of its own */
const EPOCH = new Date(Date.UTC(1980, 0, 1));
const SHEET = m.workbook.sheets;
const FIRST_WIDTH = 62;
const WIDTH = 20;

export function numberFormat(decimals: number): string {
  return decimals > 0 ? `#,##0.${'0'.repeat(decimals)}` : '#,##0';
}

/** Evolutions carry their sign: "+3,2", "-1,5" */
export const EVOLUTION_FORMAT = '+#,##0.0;-#,##0.0;0.0';

export async function departmentWorkbook(publication: Publication, code: string, options: { generatedAt: string | null }): Promise<Uint8Array> {
  const geography = publication.geography;
  const department = geography.departments.find((d) => d.code === code);
  if (!department) throw new Error(`département inconnu : ${code}`);
  const geo = [department.code, department.region, department.court, FRANCE];
  const headers = [m.workbook.indicator, ...geo.map((g) => geography.labels[g] ?? g)];
  const date = options.generatedAt && !Number.isNaN(Date.parse(options.generatedAt)) ? new Date(options.generatedAt) : EPOCH;

  const workbook = new ExcelJS.Workbook();
  workbook.creator = publisherName(publication.publisher);
  workbook.lastModifiedBy = publisherName(publication.publisher);
  workbook.created = date;
  workbook.modified = date;
  workbook.lastPrinted = date;
  workbook.title = m.workbook.title(department.name, publication.year);

  const tables = [...publication.tables].sort((a, b) => a.meta.number - b.meta.number);
  const previous = previousYear(publication);
  const evolutionHeader = m.workbook.evolution(publication.year, previous?.year ?? publication.year - 1);

  const summary = sheet(workbook, SHEET.summary, m.workbook.title(department.name, publication.year), [...headers, evolutionHeader]);
  for (const survey of SUMMARY_SECTIONS) {
    const inSection = tables.filter((t) => t.meta.survey === survey);
    summary.addRow([]);
    text(summary, m.workbook.section[survey], false).font = { bold: true };
    // no table: the survey had no accepted response this year (said, not left out silently)
    if (inSection.length === 0) text(summary, survey === 'croise' ? m.crossedAbsent(publication.year) : m.surveyAbsent(publication.year), true);
    for (const table of inSection) {
      const view = tableView(table);
      const before = previous?.tables.find((t) => t.meta.id === table.meta.id);
      const beforeView = before ? tableView(before) : null;
      for (const c of summaryCodes(view)) {
        const label = view.total ? m.workbook.summaryLabel(table.meta.title) : view.label(c);
        valueRow(summary, label, [...geo.map((g) => shownOut(view.shown(g, c), view.decimals(c))), evolutionCell(view.shown(code, c), beforeView ? beforeView.shown(code, c) : NOT_APPLICABLE)]);
      }
    }
  }
  summary.addRow([]);
  for (const source of [...new Set(tables.map((t) => t.meta.source))]) text(summary, `${m.source} : ${source}`, true);
  text(summary, `${m.note} : ${m.methodology.sMeaning()}`, true);
  text(summary, m.workbook.summaryNote(), true);

  const detail: [string, TableSurvey][] = [
    [SHEET.mediation, 'mediation'],
    [SHEET.rencontre, 'rencontre'],
  ];
  for (const [name, survey] of detail) {
    const ws = sheet(workbook, name, m.workbook.title(department.name, publication.year), headers);
    const inSheet = tables.filter((t) => t.meta.survey === survey);
    if (inSheet.length === 0) text(ws, m.surveyAbsent(publication.year), true);
    for (const table of inSheet) {
      const view = tableView(table);
      block(ws, view, view.codes, geo);
    }
  }
  methodologySheet(workbook, publication, options.generatedAt);

  const buffer = await workbook.xlsx.writeBuffer();
  return fixZipTimestamps(new Uint8Array(buffer as ArrayBuffer));
}

/** Sections of the summary sheet, in order */
const SUMMARY_SECTIONS: readonly TableSurvey[] = ['mediation', 'rencontre', 'croise'];

/** The lines of a table in the summary: its total, or each of its indicators. */
export function summaryCodes(view: TableView): readonly string[] {
  return view.total ? [view.total] : view.codes;
}

function previousYear(publication: Publication): { year: number; tables: readonly PublicationTable[] } | null {
  return publication.history.find((h) => h.year === publication.year - 1) ?? null;
}

type Value = number | string;
interface Out {
  value: Value;
  decimals: number;
  format?: string;
}

/** Evolution in % of the department, only when both years are published (else "s", or "nd"). */
function evolutionCell(now: Shown, before: Shown): Out {
  if (now.kind === 'missing' || before.kind === 'missing') return { value: signs.missing, decimals: 1 };
  if (now.kind === 'secret' || before.kind === 'secret') return { value: signs.secret, decimals: 1 };
  if (before.value === 0) return { value: signs.missing, decimals: 1 };
  return { value: Math.round((now.value / before.value - 1) * 1000) / 10, decimals: 1, format: EVOLUTION_FORMAT };
}

function sheet(workbook: ExcelJS.Workbook, name: string, title: string, headers: readonly string[]): ExcelJS.Worksheet {
  const ws = workbook.addWorksheet(name, {
    views: [{ state: 'frozen', xSplit: 1, ySplit: 2 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:2' },
  });
  ws.columns = headers.map((_, i) => ({ width: i === 0 ? FIRST_WIDTH : WIDTH }));
  const top = ws.addRow([title]);
  top.font = { bold: true, size: 13 };
  const head = ws.addRow([...headers]);
  head.font = { bold: true };
  head.alignment = { wrapText: true, vertical: 'bottom' };
  head.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF3' } };
    cell.border = { bottom: { style: 'thin' } };
  });
  return ws;
}

/** One table: title, unit, a row per code, then Lecture / Champ / Source / Note. */
function block(ws: ExcelJS.Worksheet, view: TableView, codes: readonly string[], geo: readonly string[]): void {
  const { meta } = view.table;
  ws.addRow([]);
  text(ws, meta.title, false).font = { bold: true };
  text(ws, meta.unit, false).font = { italic: true };
  for (const code of codes) valueRow(ws, view.label(code), geo.map((g) => shownOut(view.shown(g, code), view.decimals(code))));
  for (const [label, line] of [
    [m.lecture, meta.lecture],
    [m.champ, meta.champ],
    [m.source, meta.source],
    [m.note, meta.note],
  ]) {
    if (line) text(ws, `${label} : ${line}`, true);
  }
}

/** A label and its figures: numbers with a French format, signs ("s", "nd") as right-aligned text. */
function valueRow(ws: ExcelJS.Worksheet, label: string, outs: readonly Out[]): void {
  const row = ws.addRow([label, ...outs.map((o) => o.value)]);
  outs.forEach((o, i) => {
    const cell = row.getCell(i + 2);
    if (typeof o.value === 'number') cell.numFmt = o.format ?? numberFormat(o.decimals);
    else cell.alignment = { horizontal: 'right' };
  });
}

function shownOut(shown: Shown, decimals: number): Out {
  // the value as the CSV tables give it: rounded to the decimals shown
  if (shown.kind === 'value') return { value: round(shown.value, decimals), decimals };
  return { value: shown.kind === 'secret' ? signs.secret : signs.notApplicable, decimals };
}

function round(value: number, decimals: number): number {
  const f = 10 ** decimals;
  const r = Math.round(value * f) / f;
  return Object.is(r, -0) ? 0 : r;
}

/** A text line in column A (strings are always written as plain strings: never a formula). */
function text(ws: ExcelJS.Worksheet, line: string, small: boolean): ExcelJS.Row {
  const row = ws.addRow([line]);
  if (small) row.font = { size: 9 };
  return row;
}

function methodologySheet(workbook: ExcelJS.Workbook, publication: Publication, generatedAt: string | null): void {
  const t = m.methodology;
  const ws = sheet(workbook, SHEET.methodology, m.sections.methodology, [m.workbook.methodologyHeader(), ...t.countsHeaders.slice(1)]);
  for (const line of [...publisherLines(publication.publisher), t.intro(), ...t.rules(), t.sMeaning(), t.law(), ...m.workbook.sources()]) text(ws, line, false).alignment = { wrapText: true, vertical: 'top' };
  if (generatedAt) text(ws, m.workbook.date(displayDate(generatedAt)), false);
  ws.addRow([]);
  text(ws, t.countsCaption(publication.year), false).font = { bold: true };
  ws.addRow([...t.countsHeaders]).font = { bold: true };
  for (const p of [...publication.tables].sort((a, b) => a.meta.number - b.meta.number)) {
    const pr = p.protection;
    const row = ws.addRow([p.meta.title, pr.cells, pr.suppressed, pr.shareSuppressed * 100, t.audit[pr.audit]]);
    for (const i of [2, 3]) row.getCell(i).numFmt = numberFormat(0);
    row.getCell(4).numFmt = numberFormat(1);
  }
  ws.addRow([]);
  text(ws, m.workbook.reauditTitle(), false).font = { bold: true };
  text(ws, t.reaudit(), false);
}
