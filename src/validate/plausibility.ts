/**
 * Plausibility checks (the second step of survey editing, after the edit rules): rules from the
 * dictionary (`plausibilityRules`) on accepted rows — a ratio between fields outside its range (40 FTE
 * for one mediator), a jump against the same service's previous year beyond a factor. A failed check
 * does not reject the row: it is listed in `a-verifier.csv` for the statistician, counted in `run.log`
 * and in the last line of the run; `--strict` makes it a failure.
 *
 * @example
 *   plausibilityChecks(row, rules, { file: 'f.csv', row: 2, service: 'MF-01-001' }, previousRow);
 *   // [{ file: "f.csv", row: 2, service: "MF-01-001", rule: "etp-par-mediateur", values: "etp_mediateurs = 40 ; mediateurs = 1", previous: "", reason: "…" }]
 */
import type { PlausibilityRule } from './dictionary.ts';
import { reasons } from './messages.ts';

/** One line of `a-verifier.csv`. */
export interface PlausibilityCheck {
  file: string;
  row: number;
  service: string;
  rule: string;
  values: string;
  previous: string;
  reason: string;
}

export const CHECK_COLUMNS = ['file', 'row', 'service', 'rule', 'values', 'previous', 'reason'] as const;

type Row = Readonly<Record<string, unknown>>;
const num = (row: Row, field: string) => (typeof row[field] === 'number' ? (row[field] as number) : 0);
const total = (row: Row, fields: readonly string[]) => fields.reduce((sum, field) => sum + num(row, field), 0);
const shown = (row: Row, fields: readonly string[]) => fields.map((field) => reasons.fieldValue(field, num(row, field))).join(' ; ');

function fails(rule: PlausibilityRule, row: Row, previous: Row | undefined): boolean {
  if ('ratio' in rule) {
    const top = total(row, rule.ratio);
    const per = total(row, rule.per);
    if (per === 0) return top > 0 && rule.max !== undefined;
    const ratio = top / per;
    return (rule.min !== undefined && ratio < rule.min) || (rule.max !== undefined && ratio > rule.max);
  }
  if (previous === undefined || typeof previous[rule.jump] !== 'number' || typeof row[rule.jump] !== 'number') return false;
  const now = num(row, rule.jump);
  const before = num(previous, rule.jump);
  if (Math.max(now, before) < rule.from) return false;
  return Math.min(now, before) === 0 || Math.max(now, before) / Math.min(now, before) > rule.factor;
}

/** The plausibility rules this accepted row fails; `previous` is the same service's row of the year before. */
export function plausibilityChecks(row: Row, rules: readonly PlausibilityRule[], where: { file: string; row: number; service: string }, previous?: Row): PlausibilityCheck[] {
  return rules
    .filter((rule) => fails(rule, row, previous))
    .map((rule) => {
      const fields = 'ratio' in rule ? [...rule.ratio, ...rule.per] : [rule.jump];
      return { ...where, rule: rule.id, values: shown(row, fields), previous: previous !== undefined && 'jump' in rule ? shown(previous, fields) : '', reason: rule.reason };
    });
}
