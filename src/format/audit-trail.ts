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
 * Pure: the caller computes the evidence (`evidenceColumns`) and writes the files.
 *
 * @example
 *   formatAuditTrail('2024/audit/med-terminees-cadre', spec, contributions, table.cells, evidenceColumns(spec, contributions))
 *   // three OutputFiles: …/spec.json, …/contrib.csv, …/cells.csv
 */
import type { OutputFile } from '../model/output.ts';
import type { Cell, Contribution, ProtectSpec } from '../protect/types.ts';
import { formatCells, formatCellsWithColumns, type ExtraColumns } from './cells.ts';
import { formatContributions } from './contrib.ts';
import { formatSpec } from './spec.ts';

/** `evidence`: the columns of each cell's evidence of the primary rules, appended to `cells.csv` when given. */
export function formatAuditTrail(folder: string, spec: ProtectSpec, contributions: readonly Contribution[], cells: readonly Cell[], evidence?: ExtraColumns): OutputFile[] {
  return [
    { root: 'data-out', path: `${folder}/spec.json`, content: formatSpec(spec) },
    { root: 'data-out', path: `${folder}/contrib.csv`, content: formatContributions(spec, contributions) },
    { root: 'data-out', path: `${folder}/cells.csv`, content: evidence ? formatCellsWithColumns(cells, spec, evidence) : formatCells(cells, spec) },
  ];
}
