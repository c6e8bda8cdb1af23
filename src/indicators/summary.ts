/**
 * `audit/summary.json`: per table, its cells, primary and secondary suppressions, share suppressed and
 * audit verdict; per group of linked tables, the joint audit verdict. Byte-stable (no clock).
 *
 * @example
 *   JSON.parse(summaryJson(2024, summaries, linked)).tables[0].audit; // "ok"
 */
import { round } from '../format/round.ts';
import { departmentSecrecy } from '../model/department-secrecy.ts';
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
