/**
 * Why each cell of a protected table is (or is not) primary, for the audit trail (`cells.csv` of
 * `data-out/<year>/audit/<table>/`): the verdicts of the registry of primary rules (`primaryEvidence`:
 * the rules that fired, those a consent lifted, the cell's contributors, its largest contribution's
 * share), with the names of the consenting contributors that lifted a rule.
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
  /** rules that fired on the whole cell, in registry order */
  rules: RuleName[];
  /** business rules among them that the consents lifted */
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
    const { fired, lifted, contributors, topShare } = verdicts[c];
    const consents = lifted.length > 0 ? [...cell.who].map((w) => cube.contributors[w]).filter((name) => consent.has(name)).sort() : [];
    const codes = cell.codes.map((x, d) => cube.dims[d].codes[x]);
    out.set(evidenceKey(codes), { rules: fired, lifted, contributors, topShare, consents });
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
