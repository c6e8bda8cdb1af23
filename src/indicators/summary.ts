/**
 * `audit/summary.json`: per table, its cells, primary and secondary suppressions, share suppressed and
 * audit verdict; per group of linked tables, the joint audit verdict. Byte-stable (no clock).
 *
 * @example
 *   JSON.parse(summaryJson(2024, summaries, linked)).tables[0].audit; // "ok"
 */
import type { Publication, PublicationTable } from '../model/publication.ts';
import type { TableKind } from './config.ts';
import type { Verdict } from './engine.ts';

export interface TableSummary {
  table: PublicationTable;
  kind: TableKind;
  link?: string;
  verdict: Verdict;
  /** audit sub-folders (below audit/) holding this table's cubes */
  folders: readonly string[];
}

/** producer-only: how many cells of the table hold this status (the public files never split them) */
const count = (s: TableSummary, status: 'u' | 'x') => s.table.table.cells.filter((c) => c.status === status).length;

const round = (x: number) => Math.round(x * 10000) / 10000;

export function summaryJson(year: number, tables: readonly TableSummary[], linked: readonly { link: string; tables: readonly string[]; verdict: Verdict }[]): string {
  const doc = {
    annee: year,
    tables: tables.map((s) => ({
      id: s.table.meta.id,
      nature: s.kind,
      ...(s.link !== undefined ? { lien: s.link } : {}),
      cellules: s.table.protection.cells,
      primaires: count(s, 'u'),
      secondaires: count(s, 'x'),
      masquees: s.table.protection.suppressed,
      part_masquee: round(s.table.protection.shareSuppressed),
      audit: s.verdict.ok ? 'ok' : 'echec',
      ...(s.verdict.ok ? {} : { detail: s.verdict.detail }),
      controle: s.folders.length > 0 ? 'mfer audit (chaque dossier)' : 'héritage du secret (src/protect/derive.ts)',
      dossiers_audit: s.folders,
    })),
    tables_liees: linked.map((l) => ({ lien: l.link, tables: l.tables, audit_conjoint: l.verdict.ok ? 'ok' : 'echec', ...(l.verdict.ok ? {} : { detail: l.verdict.detail }) })),
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
    primaires: cells.filter((c) => c.status === 'u').length,
    secondaires: cells.filter((c) => c.status === 'x').length,
  };
}
