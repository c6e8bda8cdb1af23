/**
 * The validate stage (pure): raw returns of one year → typed accepted rows of each survey, a rejects
 * table and one report per file. No row is lost: every non-blank row after the header is either
 * accepted or rejected with at least one French reason (`rows_read = rows_accepted + rows_rejected`).
 *
 * A CSV row with values beyond the header's last column is rejected (a stray separator shifts a row
 * silently); empty trailing cells (Excel's trailing separators) are not values. A row shorter than the
 * header reads its missing cells as empty. A file whose header has no data row under it is refused.
 *
 * Two columns naming the same field: the first is read; a row where the second is filled and
 * disagrees is rejected.
 *
 * Order of checks for a row: values beyond the header (CSV), columns present, twin columns, zod
 * schema from the dictionary (types, bounds, codes, known department), year of the folder, edit
 * rules; then, over all files of the survey, duplicates: a file identical to one already read is
 * rejected as a whole, and a key seen twice keeps the first valid occurrence (files in name order,
 * rows in file order) and rejects the others.
 *
 * @example
 *   const validated = validate(await readReturns('data-raw', 2024), dictionaries, geography);
 *   validated.mediation.rows.length; validated.rejects[0].reason;
 */
import type { Geography } from '../model/geography.ts';
import type { MediationRow, RencontreRow, SurveyId } from '../model/rows.ts';
import type { Cell, RawReturn, Sheet, YearReturns } from '../ingest/types.ts';
import { dictionaryFor, type Dictionaries, type Dictionary } from './dictionary.ts';
import { brokenRules } from './edit-rules.ts';
import type { ServiceRegister } from '../ingest/services-register.ts';
import { ownershipProblem, senderDepartments } from './ownership.ts';
import { plausibilityChecks, type PlausibilityCheck } from './plausibility.ts';
import { SURVEYS } from './fields.ts';
import { findHeader } from './header.ts';
import { reasons } from './messages.ts';
import { decimalMarkOf, idKey, normaliseHeader } from './normalise.ts';
import { coerceCell, rowSchema } from './row-schema.ts';
import type { InputReport, Reject, ValidatedYear } from './types.ts';

const MAX_VALUE_IN_REJECTS = 200;

function shown(cell: Cell | undefined): string {
  const text = cell === undefined ? '' : String(cell);
  return text.length > MAX_VALUE_IN_REJECTS ? `${text.slice(0, MAX_VALUE_IN_REJECTS)}…` : text;
}

const isBlank = (cells: readonly Cell[]) => cells.every((cell) => String(cell).trim() === '');

/**
 * Whether a row is the header again (two files pasted one under the other): one reject line says so,
 * instead of one per column that is not a number.
 */
function repeatsHeader(cells: readonly Cell[], labels: readonly string[]): boolean {
  const width = filledLength(labels);
  return filledLength(cells) === width && labels.slice(0, width).every((label, i) => String(cells[i] ?? '').trim() === label);
}

/** How many cells up to the last non-blank one (trailing empty cells do not count). */
function filledLength(cells: readonly Cell[]): number {
  let n = cells.length;
  while (n > 0 && String(cells[n - 1]).trim() === '') n--;
  return n;
}

/** A row's key as duplicates are found: identifiers without case and spacing (see idKey). */
function sameKey(dictionary: Dictionary, values: Readonly<Record<string, unknown>>): string {
  return dictionary.key.map((field) => (dictionary.fields[field]?.type === 'id' ? idKey(String(values[field])) : String(values[field]))).join(' | ');
}

/** First and last row (1-based) of the run of suspect rows holding `index`. */
function spanOf(suspect: ReadonlySet<number>, index: number): [number, number] {
  let first = index;
  let last = index;
  while (suspect.has(first - 1)) first--;
  while (suspect.has(last + 1)) last++;
  return [first + 1, last + 1];
}

function decimalMark(raw: RawReturn, sheet: Sheet, from: number): ',' | '.' {
  if (raw.delimiter === ',') return '.';
  let comma = 0;
  let dot = 0;
  for (let r = from; r < sheet.rows.length; r++) {
    for (const cell of sheet.rows[r]) {
      if (typeof cell !== 'string') continue;
      const mark = decimalMarkOf(cell);
      if (mark === ',') comma++;
      else if (mark === '.') dot++;
    }
  }
  return dot > comma ? '.' : ',';
}

function emptyReport(raw: RawReturn): InputReport {
  return {
    path: raw.path, survey: raw.survey, sha256: raw.sha256, encoding: raw.encoding, format: raw.format,
    delimiter: raw.delimiter ?? null, decimal: null, sheet: null, header_row: null,
    rows_read: 0, rows_accepted: 0, rows_rejected: 0, rows_blank: 0, problem: raw.problem ?? null,
  };
}

/** The reference's departments: their codes, and their codes by normalised name. */
interface DepartmentLookup {
  codes: ReadonlySet<string>;
  byName: ReadonlyMap<string, string>;
  geography: Geography;
  register: ServiceRegister;
}

interface Candidate {
  report: InputReport;
  row: number;
  values: Record<string, unknown>;
  keyColumn: string;
}

interface SurveyResult {
  rows: Record<string, unknown>[];
  checks: PlausibilityCheck[];
  rejects: Reject[];
  reports: InputReport[];
  /** for the year's notices: sheets with a header of their own, left unread */
  notices: string[];
}

function validateSurvey(
  year: number, raws: readonly RawReturn[], dictionary: Dictionary, other: Dictionary, departments: DepartmentLookup, seenFiles: Map<string, string>,
  previousRows: readonly Readonly<Record<string, unknown>>[] = [],
): SurveyResult {
  const schema = rowSchema(dictionary, departments.codes);
  const fields = Object.entries(dictionary.fields);
  const rejects: Reject[] = [];
  const reports: InputReport[] = [];
  const notices: string[] = [];
  const candidates: Candidate[] = [];
  /** rows refused for a service of another department: their reason names the file that holds it, once known */
  const foreign: { reject: Reject; key: string; reason: (owner?: string) => string }[] = [];

  for (const raw of raws) {
    const report = emptyReport(raw);
    reports.push(report);
    if (raw.problem !== undefined) {
      rejects.push({ file: raw.path, row: null, column: '', value: '', reason: reasons.fileProblem(raw.problem) });
      continue;
    }
    const original = raw.sha256 !== '' ? seenFiles.get(raw.sha256) : undefined;
    if (raw.sha256 !== '' && original === undefined) seenFiles.set(raw.sha256, raw.path);
    const header = findHeader(raw.sheets, dictionary);
    if (header === undefined) {
      // not a return of this survey: every non-blank data row is rejected (below the other survey's header if it is one)
      const misplaced = findHeader(raw.sheets, other);
      report.problem = misplaced ? reasons.wrongSurvey(raw.path, other.survey, dictionary.survey) : reasons.noHeaderFile(raw.path);
      rejects.push({ file: raw.path, row: null, column: '', value: '', reason: report.problem });
      const rowReason = original ? reasons.duplicateFile(original) : misplaced ? reasons.wrongSurveyRow(other.survey) : reasons.noHeaderRow();
      raw.sheets.forEach((sheet, s) => {
        if (misplaced && s !== misplaced.sheet) return;
        sheet.rows.forEach((cells, index) => {
          if (misplaced && index <= misplaced.row) return;
          if (isBlank(cells)) return void report.rows_blank++;
          report.rows_read++;
          report.rows_rejected++;
          rejects.push({ file: raw.path, row: index + 1, column: '', value: shown(cells[0]), reason: rowReason });
        });
      });
      continue;
    }
    const sheet = raw.sheets[header.sheet];
    // one sheet is read: another with a header of its own (services split across sheets) is said, not skipped silently
    for (const later of raw.sheets.slice(header.sheet + 1)) {
      if (findHeader([later], dictionary) !== undefined) notices.push(reasons.otherSheetUnread(raw.path, later.name, sheet.name));
    }
    const decimal = decimalMark(raw, sheet, header.row + 1);
    report.decimal = decimal;
    report.sheet = raw.format === 'xlsx' ? sheet.name : null;
    report.header_row = header.row + 1;
    const label = (field: string) => {
      const at = header.columns.get(field);
      return at === undefined ? field : header.labels[at] || field;
    };
    const missing = fields.filter(([field, spec]) => !spec.optional && !header.columns.has(field)).map(([field]) => field);
    // CSV only: the header's width, up to its last named column (trailing separators are not columns)
    const width = filledLength(header.labels);
    const isCsv = raw.format === 'csv';
    const suspect = new Set(sheet.suspect ?? []);
    const sender = senderDepartments(raw.path, departments.geography);
    const idField = dictionary.key.find((field) => dictionary.fields[field]?.type === 'id') ?? dictionary.key[0];
    for (let r = header.row + 1; r < sheet.rows.length; r++) {
      const cells = sheet.rows[r];
      const rowNumber = r + 1;
      if (isBlank(cells)) {
        report.rows_blank++;
        continue;
      }
      report.rows_read++;
      const problems: Reject[] = [];
      const problem = (column: string, value: string, reason: string) => problems.push({ file: raw.path, row: rowNumber, column, value, reason });
      const cellOf = (field: string) => {
        const at = header.columns.get(field);
        return at === undefined ? undefined : cells[at];
      };
      if (original !== undefined) problem('', '', reasons.duplicateFile(original));
      else if (suspect.has(r)) problem(label(idField), shown(cellOf(idField)), reasons.strayQuote(spanOf(suspect, r)));
      else if (repeatsHeader(cells, header.labels)) problem('', shown(cells[0]), reasons.repeatedHeader(header.row + 1));
      else {
        const filled = filledLength(cells);
        if (isCsv && filled > width) {
          const extra = cells.slice(width, filled).map(String).join(raw.delimiter ?? ';');
          problem(reasons.beyondHeader(width + 1, filled), shown(extra), reasons.tooManyFields(filled, width));
        }
        for (const field of missing) problem(field, '', reasons.missingColumn(field, dictionary.fields[field].headers));
        const values: Record<string, unknown> = {};
        for (const [field, spec] of fields) values[field] = coerceCell(spec, cellOf(field), decimal, departments.byName);
        // two columns naming one field must agree where the second is filled: which one is right
        // cannot be told (an empty second column, a leftover of a template, is no conflict)
        for (const [field, others] of header.twins) {
          const first = header.columns.get(field)!;
          for (const at of others) {
            const twin = coerceCell(dictionary.fields[field], cells[at], decimal, departments.byName);
            // coerced values: numbers compare by value, so that `12` and `12,0` agree
            if (twin == null || Object.is(values[field], twin)) continue;
            problem(reasons.twinColumns(label(field), first + 1, at + 1), reasons.twinValues(shown(cells[first]), shown(cells[at])), reasons.twinDisagree(field));
          }
        }
        const parsed = schema.safeParse(values);
        if (!parsed.success) {
          for (const issue of parsed.error.issues) {
            const field = String(issue.path[0] ?? '');
            if (missing.includes(field)) continue;
            const beyondRow = isCsv && (header.columns.get(field) ?? 0) >= cells.length && issue.message === reasons.missingValue();
            problem(label(field), shown(cellOf(field)), beyondRow ? reasons.missingInShortRow(cells.length, width) : issue.message);
          }
        } else if (missing.length === 0) {
          if (parsed.data.annee !== year) problem(label('annee'), shown(cellOf('annee')), reasons.otherYear(String(parsed.data.annee), year));
          for (const broken of brokenRules(parsed.data, dictionary.editRules)) problem(broken.column, broken.value, broken.rule.reason);
          // a service belongs to one department: the register's, and the sending office's
          const owned = ownershipProblem(parsed.data, dictionary, sender, departments.register, year);
          if (owned !== undefined) {
            problem(label('departement'), shown(cellOf('departement')), owned.reason());
            foreign.push({ reject: problems[problems.length - 1], key: sameKey(dictionary, parsed.data), reason: owned.reason });
          }
          if (problems.length === 0) candidates.push({ report, row: rowNumber, values: parsed.data, keyColumn: dictionary.key.map(label).join(' + ') });
        }
      }
      if (problems.length > 0) {
        report.rows_rejected++;
        rejects.push(...problems);
      }
    }
    if (report.rows_read === 0) {
      // a header and nothing under it: said like an empty file, so that the return is not taken as received
      report.problem = reasons.noDataRows(raw.path, header.row + 1);
      rejects.push({ file: raw.path, row: null, column: '', value: '', reason: report.problem });
    }
  }

  const firstSeen = new Map<string, Candidate>();
  const rows: Record<string, unknown>[] = [];
  const checks: PlausibilityCheck[] = [];
  const idField = dictionary.key.find((field) => dictionary.fields[field]?.type === 'id');
  const previous = new Map(idField !== undefined ? previousRows.map((row) => [idKey(String(row[idField])), row] as const) : []);
  for (const candidate of candidates) {
    const key = dictionary.key.map((field) => String(candidate.values[field])).join(' | ');
    // identifiers compared without case and spacing (see idKey); the messages show them as typed
    const same = sameKey(dictionary, candidate.values);
    const first = firstSeen.get(same);
    if (first !== undefined) {
      candidate.report.rows_rejected++;
      rejects.push({ file: candidate.report.path, row: candidate.row, column: candidate.keyColumn, value: key, reason: reasons.duplicateKey(key, first.report.path, first.row) });
      continue;
    }
    firstSeen.set(same, candidate);
    candidate.report.rows_accepted++;
    rows.push(candidate.values);
    const service = idField !== undefined ? String(candidate.values[idField]) : key;
    const before = idField !== undefined ? previous.get(idKey(service)) : undefined;
    checks.push(...plausibilityChecks(candidate.values, dictionary.plausibilityRules ?? [], { file: candidate.report.path, row: candidate.row, service }, before));
  }
  for (const f of foreign) {
    const owner = firstSeen.get(f.key);
    if (owner !== undefined) f.reject.reason = f.reason(owner.report.path);
  }
  const keyOf = (row: Record<string, unknown>) => [String(row.departement), ...dictionary.key.map((field) => String(row[field]))].join('\u0000');
  rows.sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0));
  const order = new Map(raws.map((raw, index) => [raw.path, index]));
  rejects.sort((a, b) => (order.get(a.file) ?? 0) - (order.get(b.file) ?? 0) || (a.row ?? 0) - (b.row ?? 0));
  checks.sort((a, b) => (order.get(a.file) ?? 0) - (order.get(b.file) ?? 0) || a.row - b.row);
  return { rows, checks, rejects, reports, notices };
}

/**
 * The rows' shape is the dictionary's, and `parseDictionary` checked that the dictionary's fields are
 * exactly the canonical row type's: this is the one place where the generated schema meets the static type.
 */
function typed<Row>(rows: Record<string, unknown>[]): Row[] {
  return rows as unknown as Row[];
}

/** What validation may compare a year's returns with: the register of known services, the year before. */
export interface ValidateContext {
  register?: ServiceRegister;
  /** the previous year, validated: its accepted rows for the plausibility rules that compare years */
  previous?: ValidatedYear;
}

export function validate(input: YearReturns, dictionaries: Dictionaries, geography: Geography, context: ValidateContext = {}): ValidatedYear {
  const register = context.register ?? new Map<string, string>();
  const departments: DepartmentLookup = {
    codes: new Set(geography.departments.map((d) => d.code)),
    byName: new Map(geography.departments.map((d) => [normaliseHeader(d.name), d.code])),
    geography,
    register,
  };
  const seenFiles = new Map<string, string>();
  const results = {} as Record<SurveyId, SurveyResult>;
  const notices = [...input.notices];
  for (const survey of SURVEYS) {
    const raws = input.returns.filter((raw) => raw.survey === survey);
    const dictionary = dictionaryFor(dictionaries, survey, input.year);
    if (dictionary.year !== input.year) notices.push(reasons.otherDictionary(survey, input.year, dictionary.year));
    const other = dictionaryFor(dictionaries, survey === 'mediation' ? 'rencontre' : 'mediation', input.year);
    const before = (context.previous?.[survey].rows ?? []) as unknown as readonly Readonly<Record<string, unknown>>[]; // the inverse of typed()
    results[survey] = validateSurvey(input.year, raws, dictionary, other, departments, seenFiles, before);
    notices.push(...results[survey].notices);
  }
  return {
    year: input.year,
    mediation: { survey: 'mediation', rows: typed<MediationRow>(results.mediation.rows) },
    rencontre: { survey: 'rencontre', rows: typed<RencontreRow>(results.rencontre.rows) },
    // files under the year's folder that were not read (wrong folder, link not followed) are named too
    rejects: [...results.mediation.rejects, ...results.rencontre.rejects, ...(input.unread ?? []).map((u) => ({ file: u.path, row: null, column: '', value: '', reason: u.reason }))],
    inputs: [...results.mediation.reports, ...results.rencontre.reports],
    checks: [...results.mediation.checks, ...results.rencontre.checks],
    notices,
  };
}
