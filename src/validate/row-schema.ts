/**
 * The zod schema of one row, generated from the survey dictionary (types, bounds, codes, known
 * departments), and the coercion of raw cells into what the schema checks (numbers written the French
 * way, department codes, code labels). Each check carries its French reason as its zod message.
 *
 * @example
 *   const schema = rowSchema(dictionary, new Set(['01', '2A']));
 *   schema.safeParse(coerceRow(cells, dictionary, ',')).success;
 */
import { z } from 'zod';
import type { Cell } from '../ingest/types.ts';
import type { Dictionary, FieldSpec } from './dictionary.ts';
import { reasons } from './messages.ts';
import { normaliseDepartment, normaliseHeader, parseNumber, withoutEuro } from './normalise.ts';

export const MAX_TEXT = 300;
/** Written in an optional numeric field, these mean "not answered". */
const NOT_ANSWERED = new Set(['', 'nd', 'n d', 'nr', 'na', 'ns']);

/** A day as a workbook writes a date cell (see src/format/xlsx-grid.ts) or as people type one: 2025-01-05, 05/01/2025. */
const LOOKS_LIKE_DATE = /^(\d{4}-\d{2}-\d{2}|\d{1,2}\/\d{1,2}\/\d{2,4})$/;

/** Excel's error values, as a workbook stores them (English) or a French Excel exports them to CSV. */
const FORMULA_ERROR = /^#(DIV\/0!|N\/A|VALUE!|VALEUR!|REF!|NAME\?|NOM\?|NUM!|NOMBRE!|NULL!|NUL!)$/i;

function numberError(issue: { input?: unknown }): string {
  const input = issue.input;
  if (input === undefined) return reasons.missingValue();
  if (typeof input === 'string' && LOOKS_LIKE_DATE.test(input)) return reasons.dateInNumber();
  if (typeof input === 'string' && FORMULA_ERROR.test(input)) return reasons.formulaError();
  return reasons.notANumber();
}
const textError = (issue: { input?: unknown }) => (issue.input === undefined ? reasons.missingValue() : reasons.notANumber());

function numberSchema(spec: FieldSpec, integer: boolean): z.ZodType {
  let schema = z.number({ error: numberError });
  if (integer) schema = schema.int({ error: reasons.notInteger() });
  if (spec.min !== undefined) schema = schema.min(spec.min, { error: spec.min === 0 ? reasons.negative() : reasons.belowMin(spec.min) });
  if (spec.max !== undefined) schema = schema.max(spec.max, { error: reasons.aboveMax(spec.max) });
  return spec.optional ? schema.nullable() : schema;
}

function fieldSchema(spec: FieldSpec, departments: ReadonlySet<string>): z.ZodType {
  switch (spec.type) {
    case 'year':
      return z.number({ error: numberError }).int({ error: reasons.badYear() }).min(2000, { error: reasons.badYear() }).max(2100, { error: reasons.badYear() });
    case 'id':
    case 'text':
      return z.string({ error: textError }).min(1, { error: reasons.missingValue() }).max(MAX_TEXT, { error: reasons.tooLong(MAX_TEXT) });
    case 'department':
      return z.string({ error: textError }).min(1, { error: reasons.missingValue() })
        .refine((code) => departments.has(code) || code === '20', { error: reasons.unknownDepartment() })
        .refine((code) => code !== '20' || departments.has(code), { error: reasons.corsicaBefore1976() });
    case 'code': {
      const codes = Object.keys(spec.codes);
      return z.string({ error: textError }).refine((value) => codes.includes(value), { error: reasons.unknownCode(codes) });
    }
    case 'integer':
      return numberSchema(spec, true);
    case 'decimal':
      return numberSchema(spec, false);
  }
}

export function rowSchema(dictionary: Dictionary, departments: ReadonlySet<string>): z.ZodType<Record<string, unknown>> {
  const shape: Record<string, z.ZodType> = {};
  for (const [field, spec] of Object.entries(dictionary.fields)) shape[field] = fieldSchema(spec, departments);
  return z.strictObject(shape) as unknown as z.ZodType<Record<string, unknown>>;
}

/** A code from its label: the code itself or one of its labels, tolerantly; unknown text stays as written. */
function codeOf(spec: Extract<FieldSpec, { type: 'code' }>, text: string): string {
  const wanted = normaliseHeader(text);
  for (const [code, labels] of Object.entries(spec.codes)) {
    if (normaliseHeader(code) === wanted || labels.some((label) => normaliseHeader(label) === wanted)) return code;
  }
  return text;
}

/**
 * One raw cell → the value the schema checks (`undefined` when the cell is empty and the field
 * required). `departmentNames`: normalised name (`normaliseHeader`) → code of each department of
 * the reference, so that a return giving « Haute-Savoie » or « HAUTE SAVOIE » instead of 74 is read
 * as 74.
 */
export function coerceCell(spec: FieldSpec, cell: Cell | undefined, decimal: ',' | '.', departmentNames?: ReadonlyMap<string, string>): unknown {
  const text = cell === undefined ? '' : String(cell).trim();
  switch (spec.type) {
    case 'year':
    case 'integer':
    case 'decimal': {
      if (spec.optional && NOT_ANSWERED.has(normaliseHeader(text))) return null;
      if (typeof cell === 'number') return cell;
      if (text === '') return undefined;
      const figure = spec.type !== 'year' && spec.unit === '€' ? withoutEuro(text) : text;
      return parseNumber(figure, decimal) ?? text;
    }
    case 'id':
    case 'text':
      return text === '' ? undefined : text;
    case 'department':
      return text === '' ? undefined : (departmentNames?.get(normaliseHeader(text)) ?? normaliseDepartment(text));
    case 'code':
      return text === '' ? undefined : codeOf(spec, text);
  }
}
