/**
 * Published tables as CSV files.
 * - `formatTableCsv`: for people (Excel) — `;`, decimal comma, UTF-8 with BOM; title and unit above, one row
 *   per territory (level, code, name) and one column per code of the second dimension, `s` where the
 *   cell is suppressed; Lecture / Champ / Source / Note below.
 * - `formatLongCsv`: for machines — `,`, UTF-8, one row per cell with the dimension columns (named as in the
 *   protection spec), `value` (a number, `s`, or a mark: `-`, `nd`, `ns`) and `status` (`published` or
 *   `secret`: never which rule withheld the cell, which only the audit trail keeps).
 * Suppressed values are replaced by `s` only here: the tables keep their true values (STYLE §5).
 *
 * @example
 *   formatTableCsv(publicationTable).startsWith('\ufeffTableau 1 – '); // true
 */
import { toCsv, type CsvValue } from './csv.ts';
import { round } from './round.ts';
import type { Geography } from '../model/geography.ts';
import type { Mark, PublicationTable } from '../model/publication.ts';
import type { Cell } from '../protect/types.ts';
import { geoLevel, geoLevelLabels } from '../indicators/geo.ts';
import { markKey } from '../indicators/marks.ts';
import { longStatus, publishMessages, signs } from '../indicators/messages.ts';

export function cellKey(codes: readonly string[]): string {
  return codes.join('\u0000');
}

/**
 * What a reader sees in a cell: `s` (secret), else its mark (`-`, `nd`, `ns`…), else the rounded value,
 * else (no cell: no contributor) `missing`, a zero. What could not be computed carries the mark `///`.
 */
export function shown(cell: Cell | undefined, decimals: number, missing: CsvValue, mark?: Mark): CsvValue {
  if (cell && cell.status !== 's') return signs.secret;
  if (mark !== undefined) return mark;
  if (!cell) return missing;
  return round(cell.value, decimals);
}

function line(text: string): string {
  return toCsv([], ['x'], { sep: ';', decimalComma: true, bom: false, headers: [text] });
}

/** How each code is shown: its decimals when they differ from the table's. */
export interface CodeDisplay {
  decimals?: Readonly<Record<string, number>>;
}

const percent = new Intl.NumberFormat('fr-FR', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });

function suppressedLine(t: PublicationTable): string {
  const { cells, suppressed, shareSuppressed } = t.protection;
  return publishMessages.suppressedShare(suppressed, cells, percent.format(shareSuppressed));
}

export function formatTableCsv(t: PublicationTable, geography: Geography, geoCodes: readonly string[], display: CodeDisplay = {}): string {
  const [, dim] = t.table.dimensions;
  const codes = t.order[dim] ?? [];
  const byKey = new Map(t.table.cells.map((c) => [cellKey(c.codes), c]));
  const geoLabels = t.labels.geo ?? {};
  const dimLabels = t.labels[dim] ?? {};
  const rows = geoCodes.map((geo) => {
    const row: Record<string, CsvValue> = {
      niveau: geoLevelLabels[geoLevel(geography, geo)],
      code: geo,
      territoire: geoLabels[geo] ?? geo,
    };
    for (const code of codes) row[code] = shown(byKey.get(cellKey([geo, code])), display.decimals?.[code] ?? t.decimals, 0, t.marks.get(markKey(geo, code)));
    return row;
  });
  const columns = ['niveau', 'code', 'territoire', ...codes];
  const headers = ['Niveau', 'Code', 'Territoire', ...codes.map((c) => dimLabels[c] ?? c)];
  const body = toCsv(rows, columns, { sep: ';', decimalComma: true, bom: false, headers });
  const above = line(t.meta.title) + line(t.meta.unit) + '\r\n';
  const below = ['\r\n', line(`Lecture : ${t.meta.lecture}`), line(`Champ : ${t.meta.champ}`), line(`Source : ${t.meta.source}`), line(`Note : ${t.meta.note}`), line(suppressedLine(t))];
  return '\ufeff' + above + body + below.join('');
}

export function formatLongCsv(t: PublicationTable, geoCodes: readonly string[]): string {
  const [geoDim, dim] = t.table.dimensions;
  const byKey = new Map(t.table.cells.map((c) => [cellKey(c.codes), c]));
  const rows: Record<string, CsvValue>[] = [];
  for (const geo of geoCodes) {
    for (const code of t.order[dim] ?? []) {
      const cell = byKey.get(cellKey([geo, code]));
      const mark = t.marks.get(markKey(geo, code));
      const published = !cell || cell.status === 's';
      const value = shown(cell, 6, 0, mark);
      // one public status for every withheld cell: telling primary from secondary secrecy would say
      // which cells hold a small count, and the published margins would give them away
      rows.push({ [geoDim]: geo, [dim]: code, value, status: published ? longStatus.published : longStatus.secret });
    }
  }
  return toCsv(rows, [geoDim, dim, 'value', 'status'], { sep: ',', decimalComma: false, bom: false });
}
