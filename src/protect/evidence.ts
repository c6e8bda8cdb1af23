/**
 * Why each cell of a protected table is (or is not) primary, for the audit trail (`cells.csv` of
 * `data-out/<year>/audit/<table>/`): the rules that fired, those a consent lifted, the cell's
 * contributors, its largest contribution's share and the consenting contributors that lifted it.
 * Producer-only: it names services, and is never written to a public file.
 *
 * @example
 *   const rows = cellEvidence(spec, contributions);
 *   rows.get(evidenceKey(['01', 'caf'])); // { rules: ['minFrequency'], lifted: ['minFrequency'], contributors: 2, topShare: 0.6, consents: ['MF-01-001', 'MF-01-002'] }
 */
import { buildCube } from './cube.ts';
import { linkedOf, SINGLE } from './steps.ts';
import { primaryEvidence, topNeeded, type RuleName } from './primary.ts';
import type { Code, Contribution, ProtectSpec } from './types.ts';

export interface CellEvidence {
  /** rules that fired on the whole cell, in rule order */
  rules: RuleName[];
  /** business rules among them that the consents lifted (see `primaryEvidence`) */
  lifted: RuleName[];
  contributors: number;
  /** largest contribution / value (0 for a zero cell) */
  topShare: number;
  /** the cell's consenting contributors when a rule was lifted (sorted), otherwise none */
  consents: string[];
}

export const evidenceKey = (codes: readonly Code[]) => codes.join('\u0000');

/** Every cell's evidence, by `evidenceKey` of its codes (spec dimension order). */
export function cellEvidence(spec: ProtectSpec, contributions: readonly Contribution[]): Map<string, CellEvidence> {
  const linked = linkedOf(spec);
  const cube = buildCube(linked, { [SINGLE]: contributions }, topNeeded(spec.rules));
  const verdicts = primaryEvidence(cube.cells, spec.rules);
  const consent = new Set(spec.consent ?? []);
  const out = new Map<string, CellEvidence>();
  cube.cells.forEach((cell, c) => {
    const { fired, lifted } = verdicts[c];
    const consents = lifted.length > 0 ? [...cell.who].map((w) => cube.contributors[w]).filter((name) => consent.has(name)).sort() : [];
    const codes = cell.codes.map((x, d) => cube.dims[d].codes[x]);
    out.set(evidenceKey(codes), { rules: fired, lifted, contributors: cell.contributors, topShare: cell.value > 0 ? (cell.top[0] ?? 0) / cell.value : 0, consents });
  });
  return out;
}

/** Header of the evidence columns appended to `cells.csv` (after dimension names, value, contributors, status). */
export const EVIDENCE_COLUMNS = ['rules', 'lifted_by_consent', 'top_share', 'consents'] as const;

/** The evidence columns of one cell (rules and contributors separated by spaces; none: empty). */
export function evidenceFields(e: CellEvidence | undefined): string[] {
  if (!e) return ['', '', '', ''];
  return [e.rules.join(' '), e.lifted.join(' '), String(Math.round(e.topShare * 10000) / 10000), e.consents.join(' ')];
}
