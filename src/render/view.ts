/**
 * Reading a `PublicationTable` as a reader sees it: one cell per (territory, code), shown only when its
 * status is `s` (published). Everything the renderers print goes through `shown()`, so a suppressed
 * value never leaves this module: callers get `{ kind: 'secret' }` without the number.
 *
 * @example
 *   const view = tableView(publication.tables[0]);
 *   view.shown('FR', 'ENS'); // { kind: 'value', value: 23807 } or { kind: 'secret' }
 *   view.shown('976', 'ENS'); // { kind: 'missing', mark: 'nd' } when its services did not answer
 */
import type { Mark, PublicationTable } from '../model/publication.ts';
import { codeDecimals } from './display.ts';

/**
 * `missing`: no figure, shown by its mark — `///` where none could be computed (derived figures,
 * medians), `-` where there is no service of that kind, `nd` where no usable return came, `ns` for an
 * evolution that is not significant (see `Mark`).
 */
export type Shown = { kind: 'value'; value: number } | { kind: 'secret' } | { kind: 'missing'; mark: Mark };

export const NOT_APPLICABLE: Shown = { kind: 'missing', mark: '///' };

export interface TableView {
  readonly table: PublicationTable;
  /** name of the second dimension, or null for a table over territories only */
  readonly dimension: string | null;
  /** display codes of the second dimension (a single empty code when there is none) */
  readonly codes: readonly string[];
  readonly label: (code: string) => string;
  readonly geoLabel: (code: string) => string;
  readonly shown: (geo: string, code: string) => Shown;
  /** decimals to show for a code */
  readonly decimals: (code: string) => number;
  /** the total code of the second dimension when the table has one ("ENS") */
  readonly total: string | null;
}

// every page and workbook of a run reads the same tables: index each once
const views = new WeakMap<PublicationTable, TableView>();

export function tableView(table: PublicationTable): TableView {
  let view = views.get(table);
  if (!view) {
    view = buildView(table);
    views.set(table, view);
  }
  return view;
}

function buildView(table: PublicationTable): TableView {
  const dims = table.table.dimensions;
  const geoAt = dims.indexOf('geo');
  const dimension = dims.find((d) => d !== 'geo') ?? null;
  const otherAt = dimension === null ? -1 : dims.indexOf(dimension);
  const cells = new Map<string, Shown>();
  const present = new Set<string>();
  for (const cell of table.table.cells) {
    const geo = cell.codes[geoAt];
    const code = otherAt < 0 ? '' : cell.codes[otherAt];
    present.add(code);
    cells.set(`${geo}\u0001${code}`, cell.status === 's' ? { kind: 'value', value: cell.value } : { kind: 'secret' });
  }
  const ordered = dimension === null ? [''] : (table.order[dimension] ?? []).filter((c) => present.has(c));
  // codes present in the cells but missing from `order` still appear, after the ordered ones
  const extra = dimension === null ? [] : [...present].filter((c) => !ordered.includes(c)).sort();
  const codes = [...ordered, ...extra];
  const labels = dimension === null ? {} : (table.labels[dimension] ?? {});
  const geoLabels = table.labels.geo ?? {};
  return {
    table,
    dimension,
    codes,
    label: (code) => (code === '' ? table.meta.unit : (labels[code] ?? code)),
    geoLabel: (code) => geoLabels[code] ?? code,
    // a secret stays `s`; a mark (-, nd, ///, ns) replaces a figure; a cell with no contributor is
    // a published zero
    shown: (geo, code) => {
      const cell = cells.get(`${geo}\u0001${code}`);
      if (cell?.kind === 'secret') return cell;
      const mark = table.marks.get(`${geo}\u0001${code}`);
      if (mark !== undefined) return { kind: 'missing', mark };
      return cell ?? { kind: 'value', value: 0 };
    },
    decimals: (code) => codeDecimals(table, code),
    total: table.total !== undefined && codes.includes(table.total) ? table.total : null,
  };
}

/** The codes a chart draws: every code but the total (a bar for "Ensemble" would dwarf the parts). */
export function partCodes(view: TableView): string[] {
  return view.codes.filter((c) => c !== view.total);
}
