/**
 * The audit trail of one protected cube, in the `mfer protect` contract format, so anyone can re-run
 * `mfer audit --spec spec.json --input contrib.csv --cells cells.csv` on it:
 * `spec.json` (dimensions, hierarchies, contributor and value columns, rules, consents), `contrib.csv`
 * (one row per contributor and leaf cell) and `cells.csv` (every cell with its true value and status,
 * then the evidence of the primary rules: rules fired, rules lifted by consent, share of the largest
 * contribution, consenting services that lifted them; see src/protect/evidence.ts).
 * These files hold contributor-level detail: they are for the producer and the secrecy committee,
 * never for publication.
 *
 * @example
 *   auditFiles('2024/audit/med-terminees-cadre', spec, contributions, cellsText)
 *   // three OutputFiles: …/spec.json, …/contrib.csv, …/cells.csv
 */
import type { OutputFile } from '../model/output.ts';
import { formatContributions } from '../protect/contract.ts';
import { cellEvidence, EVIDENCE_COLUMNS, evidenceFields, evidenceKey } from '../protect/evidence.ts';
import type { Cell, Contribution, ProtectSpec } from '../protect/types.ts';

export function specJson(spec: ProtectSpec): string {
  return JSON.stringify(spec, null, 2) + '\n';
}

const quote = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/**
 * `cellsCsv` (one line per cell of `cells`, in order, after the header) with the evidence columns
 * appended; unchanged when its lines do not match the cells.
 */
export function withEvidence(cellsCsv: string, cells: readonly Cell[], spec: ProtectSpec, contributions: readonly Contribution[]): string {
  const lines = cellsCsv.replace(/\n$/, '').split('\n');
  if (lines.length !== cells.length + 1) return cellsCsv;
  const evidence = cellEvidence(spec, contributions);
  const out = [`${lines[0]},${EVIDENCE_COLUMNS.join(',')}`];
  cells.forEach((cell, i) => out.push(`${lines[i + 1]},${evidenceFields(evidence.get(evidenceKey(cell.codes))).map(quote).join(',')}`));
  return `${out.join('\n')}\n`;
}

export function auditFiles(folder: string, spec: ProtectSpec, contributions: readonly Contribution[], cellsCsv: string, cells?: readonly Cell[]): OutputFile[] {
  return [
    { root: 'data-out', path: `${folder}/spec.json`, content: specJson(spec) },
    { root: 'data-out', path: `${folder}/contrib.csv`, content: formatContributions(spec, contributions) },
    { root: 'data-out', path: `${folder}/cells.csv`, content: cells ? withEvidence(cellsCsv, cells, spec, contributions) : cellsCsv },
  ];
}
