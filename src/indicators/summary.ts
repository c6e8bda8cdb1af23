/**
 * `audit/summary.json`: per table, its cells, primary and secondary suppressions, share suppressed and
 * audit verdict; per group of linked tables, the joint audit verdict. Byte-stable (no clock).
 *
 * @example
 *   JSON.parse(summaryJson(2024, summaries, linked)).tables[0].audit; // "ok"
 */
import { round } from '../format/round.ts';
import type { Publication, PublicationTable } from '../model/publication.ts';
import type { Cell, CellStatus } from '../protect/types.ts';
import type { TableKind } from './config.ts';
import type { Verdict } from '../runtime/engine.ts';

export interface TableSummary {
  table: PublicationTable;
  kind: TableKind;
  link?: string;
  verdict: Verdict;
  /** audit sub-folders (below audit/) holding this table's cubes */
  folders: readonly string[];
  /** no pattern that passes the audit has fewer secondary cells (see `ProtectStats.secondaryBound`) */
  secondaryBound?: number;
}

/** producer-only: how many cells hold this status (the public files never split `u` from `x`) */
const withStatus = (cells: readonly Cell[], status: CellStatus) => cells.filter((c) => c.status === status).length;

export function summaryJson(
  year: number,
  tables: readonly TableSummary[],
  linked: readonly { link: string; tables: readonly string[]; verdict: Verdict }[],
  departments: readonly string[] = [],
): string {
  const perDepartment = departmentSecrecy(tables.map((s) => s.table), departments);
  const doc = {
    annee: year,
    tables: tables.map((s) => ({
      id: s.table.meta.id,
      nature: s.kind,
      ...(s.link !== undefined ? { lien: s.link } : {}),
      cellules: s.table.protection.cells,
      primaires: withStatus(s.table.table.cells, 'u'),
      secondaires: withStatus(s.table.table.cells, 'x'),
      ...(s.secondaryBound !== undefined ? { secondaires_borne: s.secondaryBound } : {}),
      masquees: s.table.protection.suppressed,
      part_masquee: round(s.table.protection.shareSuppressed, 4),
      audit: s.verdict.ok ? 'ok' : 'echec',
      ...(s.verdict.ok ? {} : { detail: s.verdict.detail }),
      controle: s.folders.length > 0 ? 'mfer audit (chaque dossier)' : 'héritage du secret (src/protect/derive.ts)',
      dossiers_audit: s.folders,
    })),
    tables_liees: linked.map((l) => ({ lien: l.link, tables: l.tables, audit_conjoint: l.verdict.ok ? 'ok' : 'echec', ...(l.verdict.ok ? {} : { detail: l.verdict.detail }) })),
    ...(departments.length > 0
      ? {
          departements: {
            part_masquee_mediane: round(perDepartment.median, 4),
            part_masquee_p90: round(perDepartment.p90, 4),
            // the floor: primary cells (and what is derived from them) only
            part_primaire_mediane: round(perDepartment.floor.median, 4),
            part_primaire_p90: round(perDepartment.floor.p90, 4),
            par_departement: perDepartment.rows.map((r) => ({ code: r.code, cellules: r.cells, masquees: r.secret, primaires: r.primary, part_masquee: round(r.share, 4) })),
          },
        }
      : {}),
  };
  return JSON.stringify(doc, null, 2) + '\n';
}

/**
 * Producer-only counts of one year's secrecy for `run.log`: tables, cells, secret cells and how many
 * of them a rule made unsafe (primary) or protect those (secondary) — never in a public file.
 */
export function secrecyCounts(publication: Publication): Record<string, number> {
  const cells = publication.tables.flatMap((t) => t.table.cells);
  return {
    tableaux: publication.tables.length,
    cellules: cells.length,
    masquees: cells.filter((c) => c.status !== 's').length,
    primaires: withStatus(cells, 'u'),
    secondaires: withStatus(cells, 'x'),
    ...(() => {
      const d = departmentSecrecy(publication.tables, publication.geography.departments.map((x) => x.code));
      return { part_masquee_departement_mediane: round(d.median, 4), part_masquee_departement_p90: round(d.p90, 4), part_primaire_departement_mediane: round(d.floor.median, 4) };
    })(),
  };
}

/**
 * What a department finds in its workbook: for each department, its cells (the `geo` code is the
 * department's) over every published table, how many are secret, and the share; then the median
 * and the 90th percentile of the share over the departments with at least one cell (linear
 * interpolation between order statistics, R's type 7).
 *
 * The same for the primary cells alone (status `u`, derived cells included: a derived cell takes
 * `u` when one of its inputs is primary): the floor no secondary pattern can go below, with these
 * rules and these consents.
 *
 * @example
 *   departmentSecrecy(tables, ['01', '02']).median; // 0.25
 */
export function departmentSecrecy(
  tables: readonly { table: { cells: readonly { codes: readonly string[]; status: string }[] } }[],
  departments: readonly string[],
): { rows: { code: string; cells: number; secret: number; primary: number; share: number }[]; median: number; p90: number; floor: { median: number; p90: number } } {
  const rows = departments.map((code) => {
    let cells = 0;
    let secret = 0;
    let primary = 0;
    for (const t of tables) {
      for (const c of t.table.cells) {
        if (c.codes[0] !== code) continue;
        cells++;
        if (c.status !== 's') secret++;
        if (c.status === 'u') primary++;
      }
    }
    return { code, cells, secret, primary, share: cells > 0 ? secret / cells : 0 };
  });
  const withCells = rows.filter((r) => r.cells > 0);
  const shares = withCells.map((r) => r.share).sort((a, b) => a - b);
  const floors = withCells.map((r) => r.primary / r.cells).sort((a, b) => a - b);
  return { rows, median: quantile(shares, 0.5), p90: quantile(shares, 0.9), floor: { median: quantile(floors, 0.5), p90: quantile(floors, 0.9) } };
}

function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (at - lo);
}
