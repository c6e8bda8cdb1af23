/**
 * The audit trail of one protected cube, in the `mfer protect` contract format, so anyone can re-run
 * `mfer audit --spec spec.json --input contrib.csv --cells cells.csv` on it:
 * `spec.json` (dimensions, hierarchies, contributor and value columns, rules), `contrib.csv` (one row
 * per contributor and leaf cell) and `cells.csv` (every cell with its true value and status).
 * These files hold contributor-level detail: they are for the producer and the secrecy committee,
 * never for publication.
 *
 * @example
 *   auditFiles('2024/audit/med-terminees-cadre', spec, contributions, cellsText)
 *   // three OutputFiles: …/spec.json, …/contrib.csv, …/cells.csv
 */
import type { OutputFile } from '../model/output.ts';
import { formatContributions } from '../protect/contract.ts';
import type { Contribution, ProtectSpec } from '../protect/types.ts';

export function specJson(spec: ProtectSpec): string {
  return JSON.stringify(spec, null, 2) + '\n';
}

export function auditFiles(folder: string, spec: ProtectSpec, contributions: readonly Contribution[], cellsCsv: string): OutputFile[] {
  return [
    { root: 'data-out', path: `${folder}/spec.json`, content: specJson(spec) },
    { root: 'data-out', path: `${folder}/contrib.csv`, content: formatContributions(spec, contributions) },
    { root: 'data-out', path: `${folder}/cells.csv`, content: cellsCsv },
  ];
}
