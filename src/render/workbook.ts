/**
 * `reports/<year>/departements/<code>.xlsx`: one workbook per department, the department beside its
 * region, its court of appeal (each once only: see `territories`), the DROM for an overseas
 * department, and France. Sheets "Synthèse"
 * (one line per indicator: its unit, the territories, and the department's change on the previous year as the national table of
 * changes gives it — in % for a level, in points for a share or a rate in %; the renderer computes
 * no change itself), "Médiation familiale",
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
import { DROM, FRANCE, type Department, type Geography } from '../model/geography.ts';
import { formatXlsx } from '../format/xlsx.ts';
import { localLecture } from './lecture.ts';
import { round } from '../format/round.ts';
import { departmentSecrecy } from '../model/department-secrecy.ts';
import { displayDate, formatNumber } from './format.ts';
import { signs, renderMessages as m } from './messages.ts';
import { publisherLines, publisherName } from './publisher.ts';
import { ruleLines } from './secrecy-rules.ts';
import { NOT_APPLICABLE, tableView, type Shown, type TableView } from './view.ts';
import { followUpRows, type FollowUpRows } from './suivi.ts';

/** The zip epoch: the date written when the run has no date of its own */
const EPOCH = new Date(Date.UTC(1980, 0, 1));
const SHEET = m.workbook.sheets;
const FIRST_WIDTH = 62;
const WIDTH = 20;
/** Synthèse: unit, each territory, the change (headers wrap on up to four lines) */
const summaryWidths = (territories: number) => [FIRST_WIDTH, 26, ...Array.from({ length: territories }, () => 18), 22];
/** points of row height per line of a wrapped header (11-point bold Calibri) */
const LINE_HEIGHT = 15;
/** the same for the notes (9-point text), which hold this many times more characters per width */
const NOTE_LINE_HEIGHT = 12;
const NOTE_CHARACTERS = 1.2;

export function numberFormat(decimals: number): string {
  return decimals > 0 ? `#,##0.${'0'.repeat(decimals)}` : '#,##0';
}

/** Changes carry their sign and their unit: "+3,2 %" for a level, "-1,5 pt" for a share or a rate in % */
export const CHANGE_FORMATS: Readonly<Record<'percent' | 'points', string>> = {
  percent: '+#,##0.0" %";-#,##0.0" %";0.0" %"',
  points: '+#,##0.0" pt";-#,##0.0" pt";0.0" pt"',
};

export async function departmentWorkbook(publication: Publication, code: string, options: { generatedAt: string | null }): Promise<Uint8Array> {
  const geography = publication.geography;
  const department = geography.departments.find((d) => d.code === code);
  if (!department) throw new Error(`département inconnu : ${code}`);
  const { geo, labels } = territories(geography, department);
  const headers = [m.workbook.indicator, ...geo.map((g) => labels[g] ?? g)];
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

  const summaryHeaders = [m.workbook.indicator, m.workbook.unit, ...headers.slice(1), evolutionHeader];
  const summary = sheet(workbook, SHEET.summary, m.workbook.title(department.name, publication.year), summaryHeaders, summaryWidths(geo.length));
  const changes = publication.tables.find((t) => t.changes !== undefined) ?? null;
  for (const survey of SUMMARY_SECTIONS) {
    const inSection = tables.filter((t) => t.meta.survey === survey && t.changes === undefined);
    summary.addRow([]);
    text(summary, m.workbook.section[survey], false).font = { bold: true };
    // no table: the survey had no accepted response this year (said, not left out silently)
    if (inSection.length === 0) text(summary, survey === 'croise' ? m.crossedAbsent(publication.year) : m.surveyAbsent(publication.year), true);
    for (const line of summaryLines(inSection)) {
      const view = tableView(line.table);
      const values = geo.map((g) => shownOut(view.shown(g, line.code), view.decimals(line.code)));
      valueRow(summary, line.label, [{ value: line.unit, decimals: 0, word: true }, ...values, changeCell(publication, changes, line, code)]);
    }
  }
  summary.addRow([]);
  // wrapped in the first column: a line running across the page would shrink the printed sheet
  const share = shareLine(publication, department);
  const notes = [...[...new Set(tables.map((t) => t.meta.source))].map((source) => `${m.source} : ${source}`), `${m.note} : ${m.methodology.sMeaning()}`, m.workbook.summaryNote(), share];
  for (const line of notes) wrapped(summary, line, true);

  seriesSheet(workbook, publication, department, tables);

  const detail: [string, TableSurvey][] = [
    [SHEET.mediation, 'mediation'],
    [SHEET.rencontre, 'rencontre'],
  ];
  for (const [name, survey] of detail) {
    const ws = sheet(workbook, name, m.workbook.title(department.name, publication.year), headers);
    const inSheet = tables.filter((t) => t.meta.survey === survey);
    if (inSheet.length === 0) text(ws, m.surveyAbsent(publication.year), true);
    for (const table of inSheet) {
      // the Lecture line read in the department's own cell, as a court page reads its court's
      const view = tableView({ ...table, meta: { ...table.meta, lecture: localLecture(table, department.code, m.departmentPlace(), publication.year) } });
      block(ws, view, view.codes, geo);
    }
  }
  const cohorts = publication.followUp && followUpRows(publication.followUp, geo, labels); // issue 23: cohort outcomes (src/render/suivi.ts)
  if (cohorts) followUpSheet(workbook, cohorts);
  methodologySheet(workbook, publication, options.generatedAt, share);

  return formatXlsx(workbook);
}

/**
 * The territories a department's workbook shows, and their column labels: the department, its
 * region and its court of appeal — each only when it is more than the department itself (the regions
 * of the DROM, and the courts of Basse-Terre, Fort-de-France and Cayenne, are one department: their
 * figures are the department's, shown once under a label that says so) — then, for an overseas
 * department, the DROM as a whole (a metropolitan one is compared with France only, France
 * métropolitaine being nearly France), then France.
 */
function territories(geography: Geography, department: Department): { geo: string[]; labels: Readonly<Record<string, string>> } {
  const alone = (area: string) => geography.departments.filter((d) => d.region === area || d.court === area).length === 1;
  const merged = [department.region, department.court].filter(alone);
  const labels = { ...geography.labels };
  if (merged.length > 0) labels[department.code] = m.workbook.mergedColumn(department.name, merged.includes(department.region), merged.includes(department.court) ? geography.labels[department.court] : null);
  const geo = [department.code, ...[department.region, department.court].filter((a) => !alone(a)), ...(department.zone === DROM ? [DROM] : []), FRANCE];
  return { geo, labels };
}

/**
 * `Séries`: the summary's indicators for the department, its region (the DROM for an overseas one) and France, one column per year
 * the publication knows (its history, then itself), each read in that year's own published table.
 */
function seriesSheet(workbook: ExcelJS.Workbook, publication: Publication, department: Publication['geography']['departments'][number], tables: readonly PublicationTable[]): void {
  const years = [...publication.history.map((h) => ({ year: h.year, tables: h.tables })), { year: publication.year, tables: publication.tables }].sort((a, b) => a.year - b.year);
  const { geo: shown, labels } = territories(publication.geography, department);
  const geo = shown.filter((g) => g !== department.court);
  const headers = [m.workbook.indicator, m.workbook.territory, m.workbook.unit, ...years.map((y) => String(y.year))];
  const ws = sheet(workbook, SHEET.series, m.workbook.seriesTitle(department.name, years[0].year, publication.year), headers, [FIRST_WIDTH, 28, 28, ...years.map(() => 12)]);
  for (const survey of SUMMARY_SECTIONS) {
    const lines = summaryLines(tables.filter((t) => t.meta.survey === survey && t.changes === undefined));
    if (lines.length === 0) continue;
    ws.addRow([]);
    text(ws, m.workbook.section[survey], false).font = { bold: true };
    for (const line of lines) {
      for (const g of geo) {
        const cells = years.map((y) => {
          const table = y.tables.find((t) => t.meta.id === line.table.meta.id);
          if (!table) return { value: signs.missing, decimals: 0 };
          const view = tableView(table);
          return view.codes.includes(line.code) ? shownOut(view.shown(g, line.code), view.decimals(line.code)) : { value: signs.missing, decimals: 0 };
        });
        valueRow(ws, line.label, [{ value: labels[g] ?? g, decimals: 0, word: true }, { value: line.unit, decimals: 0, word: true }, ...cells]);
      }
    }
  }
  ws.addRow([]);
  wrapped(ws, m.workbook.seriesNote(), true);
}

/** Sections of the summary sheet, in order */
const SUMMARY_SECTIONS: readonly TableSurvey[] = ['mediation', 'rencontre', 'croise'];

/** One line of the summary: an indicator (a table's total, or one of its codes) and its unit. */
export interface SummaryLine {
  table: PublicationTable;
  code: string;
  label: string;
  unit: string;
}

/**
 * The lines of the summary for the tables of one section: a table with a total gives one line (its
 * total, once for tables that share it: the four breakdowns of ended mediations have one total), a
 * table of indicators one line per indicator.
 */
export function summaryLines(tables: readonly PublicationTable[]): SummaryLine[] {
  const lines: SummaryLine[] = [];
  const links = new Set<string>();
  for (const table of tables) {
    const view = tableView(table);
    const link = table.meta.link;
    if (view.total) {
      if (link !== undefined && links.has(link)) continue;
      if (link !== undefined) links.add(link);
      lines.push({ table, code: view.total, label: m.workbook.totalLabel(table.meta.title), unit: unitOf(table, view.total) });
    } else for (const code of view.codes) lines.push({ table, code, label: view.label(code), unit: unitOf(table, code) });
  }
  return lines;
}

function unitOf(table: PublicationTable, code: string): string {
  return table.units?.[code] ?? table.meta.unit;
}

/**
 * The department's change for a summary line, read from the table of changes (never recomputed
 * here): its value in % or in points, `s` when secret, `///` when it is not defined or the indicator
 * has none, `nd` without a table of changes this year.
 */
function changeCell(publication: Publication, changes: PublicationTable | null, line: SummaryLine, department: string): Out {
  // no table of changes: no previous year, or one whose survey had no response
  if (!changes?.changes) return { value: signs.missing, decimals: 1 };
  const link = line.table.meta.link;
  // the change of a shared total may be taken from any table of its link
  const sameCell = (table: string, code: string) =>
    code === line.code && (table === line.table.meta.id || (link !== undefined && publication.tables.some((t) => t.meta.id === table && t.meta.link === link)));
  const entry = Object.entries(changes.changes).find(([, c]) => sameCell(c.table, c.code));
  if (!entry) return { value: signs.notApplicable, decimals: 1 };
  const [code, { change }] = entry;
  const view = tableView(changes);
  const out = shownOut(view.shown(department, code), view.decimals(code));
  return typeof out.value === 'number' ? { ...out, format: CHANGE_FORMATS[change] } : out;
}

function previousYear(publication: Publication): { year: number; tables: readonly PublicationTable[] } | null {
  return publication.history.find((h) => h.year === publication.year - 1) ?? null;
}

type Value = number | string;
interface Out {
  value: Value;
  decimals: number;
  format?: string;
  /** a word rather than a figure (the unit): left-aligned */
  word?: true;
}

function sheet(workbook: ExcelJS.Workbook, name: string, title: string, headers: readonly string[], widths?: readonly number[]): ExcelJS.Worksheet {
  const ws = workbook.addWorksheet(name, {
    views: [{ state: 'frozen', xSplit: 1, ySplit: 2 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:2' },
  });
  const width = (i: number) => widths?.[i] ?? (i === 0 ? FIRST_WIDTH : WIDTH);
  ws.columns = headers.map((_, i) => ({ width: width(i) }));
  const top = ws.addRow([title]);
  top.font = { bold: true, size: 13 };
  const head = ws.addRow([...headers]);
  head.font = { bold: true };
  head.alignment = { wrapText: true, vertical: 'bottom' };
  // a wrapped header gets the height of its lines: a spreadsheet may keep a row's height as written
  head.height = LINE_HEIGHT * Math.max(1, ...headers.map((h, i) => wrappedLines(h, width(i))));
  head.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF3' } };
    cell.border = { bottom: { style: 'thin' } };
  });
  return ws;
}

/** Lines a text takes when wrapped in a column `width` characters wide (for 11-point bold: one character in ten wider). */
export function wrappedLines(header: string, width: number): number {
  const room = Math.max(1, Math.floor(width * 0.9) - 1);
  let lines = 1;
  let used = 0;
  for (const word of header.split(/\s+/)) {
    used = used === 0 ? word.length : used + 1 + word.length;
    if (used > room && used !== word.length) {
      lines++;
      used = word.length;
    }
    while (used > room) {
      lines++;
      used -= room;
    }
  }
  return lines;
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
    if (line) wrapped(ws, `${label} : ${line}`, true, 1 + geo.length, FIRST_WIDTH + WIDTH * geo.length);
  }
}

/**
 * A text line wrapped across the first `columns` columns (`width` characters in all), 9-point when
 * `small`, with the height of its lines: on one line, a long note runs far to the right and a
 * fit-to-width print shrinks the whole page; and a spreadsheet may keep a row's height as written,
 * LibreOffice then printing wrapped lines over each other.
 */
function wrapped(ws: ExcelJS.Worksheet, line: string, small: boolean, columns = 1, width = FIRST_WIDTH): ExcelJS.Row {
  const row = text(ws, line, small);
  if (columns > 1) ws.mergeCells(row.number, 1, row.number, columns);
  row.alignment = { wrapText: true, vertical: 'top' };
  row.height = small ? NOTE_LINE_HEIGHT * wrappedLines(line, width * NOTE_CHARACTERS) : LINE_HEIGHT * wrappedLines(line, width);
  return row;
}

/** A label and its figures: numbers with a French format, signs ("s", "nd") as right-aligned text. */
function valueRow(ws: ExcelJS.Worksheet, label: string, outs: readonly Out[]): void {
  const row = ws.addRow([label, ...outs.map((o) => o.value)]);
  outs.forEach((o, i) => {
    const cell = row.getCell(i + 2);
    if (typeof o.value === 'number') cell.numFmt = o.format ?? numberFormat(o.decimals);
    else cell.alignment = { horizontal: o.word ? 'left' : 'right' };
  });
}

function shownOut(shown: Shown, decimals: number): Out {
  // the value as the CSV tables give it: rounded to the decimals shown
  if (shown.kind === 'value') return { value: round(shown.value, decimals), decimals };
  return { value: shown.kind === 'secret' ? signs.secret : shown.mark, decimals };
}

/** A text line in column A (strings are always written as plain strings: never a formula). */
function text(ws: ExcelJS.Worksheet, line: string, small: boolean): ExcelJS.Row {
  const row = ws.addRow([line]);
  if (small) row.font = { size: 9 };
  return row;
}

/** Columns of the cohort sheet: scheme, cohort, horizon, indicator, then the territories. */
const FOLLOW_UP_WIDTHS = [20, 12, 10, 40];

/** The cohort outcomes (src/render/suivi.ts) as a sheet laid out as the others: widths, frozen headers, A4 print, French formats. */
function followUpSheet(workbook: ExcelJS.Workbook, cohorts: FollowUpRows): void {
  const widths = cohorts.headers.map((_, i) => FOLLOW_UP_WIDTHS[i] ?? 18);
  const ws = sheet(workbook, 'Suivi de cohortes', cohorts.heading, cohorts.headers, widths);
  ws.views = [{ state: 'frozen', xSplit: FOLLOW_UP_WIDTHS.length, ySplit: 2 }];
  const across = FOLLOW_UP_WIDTHS.reduce((a, b) => a + b, 0);
  for (const line of cohorts.lead) wrapped(ws, line, true, FOLLOW_UP_WIDTHS.length, across);
  for (const { cells, decimals } of cohorts.rows) {
    const row = ws.addRow(cells);
    cells.forEach((value, i) => {
      if (i < FOLLOW_UP_WIDTHS.length) return;
      const cell = row.getCell(i + 1);
      if (typeof value === 'number') cell.numFmt = numberFormat(decimals);
      else cell.alignment = { horizontal: 'right' };
    });
  }
  ws.addRow([]);
  // the notes across the label columns
  for (const line of cohorts.notes) wrapped(ws, line, true, FOLLOW_UP_WIDTHS.length, across);
}

/** The department's share of secret cells, with the median and 90th percentile over the departments (as audit/summary.json gives them). */
function shareLine(publication: Publication, department: Department): string {
  const d = departmentSecrecy(publication.tables, publication.geography.departments.map((x) => x.code));
  const own = d.rows.find((r) => r.code === department.code);
  const percent = (x: number) => `${formatNumber(100 * x, 1)}\u00a0%`;
  return m.workbook.departmentShare(department.name, publication.year, own?.secret ?? 0, own?.cells ?? 0, percent(own?.share ?? 0), percent(d.median), percent(d.p90));
}

function methodologySheet(workbook: ExcelJS.Workbook, publication: Publication, generatedAt: string | null, share: string): void {
  const t = m.methodology;
  const ws = sheet(workbook, SHEET.methodology, m.sections.methodology, [m.workbook.methodologyHeader(), ...t.countsHeaders.slice(1)]);
  for (const line of [...publisherLines(publication.publisher), t.intro(), ...ruleLines(publication.secrecy), t.sMeaning(), t.law(), ...m.workbook.sources()]) wrapped(ws, line, false);
  if (generatedAt) text(ws, m.workbook.date(displayDate(generatedAt)), false);
  ws.addRow([]);
  wrapped(ws, share, false).font = { bold: true };
  ws.addRow([]);
  text(ws, t.countsCaption(publication.year), false).font = { bold: true };
  ws.addRow([...t.countsHeaders]).font = { bold: true };
  for (const p of [...publication.tables].sort((a, b) => a.meta.number - b.meta.number)) {
    const pr = p.protection;
    // the share in %, as the report prints it (« 2,2 % »), rounded as shown
    const row = ws.addRow([p.meta.title, pr.cells, pr.suppressed, round(pr.shareSuppressed * 100, 1), t.audit[pr.audit]]);
    for (const i of [2, 3]) row.getCell(i).numFmt = numberFormat(0);
    row.getCell(4).numFmt = `${numberFormat(1)}" %"`;
  }
  ws.addRow([]);
  text(ws, m.workbook.reauditTitle(), false).font = { bold: true };
  wrapped(ws, t.reaudit(), false);
}
