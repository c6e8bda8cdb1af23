/**
 * A protected table dressed for publication: numbered French title, unit, Lecture sentence (reading a
 * published France cell), Champ / Source / Note, labels and display order of the codes, and what the
 * protection did (cells, secret cells, share suppressed, audit verdict).
 *
 * @example
 *   publicationTable(config, table, geography, 2024, true).meta.title;
 *   // "Tableau 1 – Médiations familiales terminées selon le cadre, par territoire, en 2024"
 */
import { FRANCE, type Geography } from '../model/geography.ts';
import { readLecture, type Mark, type PublicationTable, type TableMeta } from '../model/publication.ts';
import type { ProtectedTable } from '../protect/protected-table.ts';
import type { TableConfig } from './config.ts';
import { publishMessages as m } from './messages.ts';

export function fill(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(values, name) ? values[name] : whole));
}

function formatNumber(value: number, decimals: number): string {
  return new Intl.NumberFormat('fr-FR', { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(value);
}

/** The "Lecture" sentence reads the France cell of one code (`lectureCode` or the first); a suppressed one is not read. */
function lecture(t: TableConfig, table: ProtectedTable, year: number): string {
  const first = t.dimension.codes.find((c) => c.code === t.lectureCode) ?? t.dimension.codes[0];
  const cell = table.cells.find((c) => c.codes[0] === FRANCE && c.codes[1] === first.code);
  if (!cell || cell.status !== 's') return m.lectureUnavailable();
  const valeur = formatNumber(cell.value, first.decimals ?? t.decimals);
  return readLecture(fill(t.lecture, { annee: String(year), annee_precedente: String(year - 1) }), cell.value, valeur);
}

/** What the year's coverage adds to a table: its marks and the sentences of its note on respondents. */
export interface TableCoverage {
  marks: ReadonlyMap<string, Mark>;
  notes: readonly string[];
}

const NO_COVERAGE: TableCoverage = { marks: new Map(), notes: [] };

export function publicationTable(t: TableConfig, table: ProtectedTable, geography: Geography, year: number, auditOk: boolean, coverage: TableCoverage = NO_COVERAGE, changes?: PublicationTable['changes']): PublicationTable {
  const values = { numero: String(t.number), annee: String(year), annee_precedente: String(year - 1) };
  const meta: TableMeta = {
    id: t.id,
    number: t.number,
    title: fill(t.title, values),
    unit: t.unit,
    survey: t.survey,
    ...(t.link !== undefined ? { link: t.link } : {}),
    lecture: lecture(t, table, year),
    reading: { template: fill(t.lecture, { annee: String(year), annee_precedente: String(year - 1) }), code: (t.dimension.codes.find((c) => c.code === t.lectureCode) ?? t.dimension.codes[0]).code },
    champ: t.champ,
    source: fill(t.source, values),
    note: [t.note, ...coverage.notes].filter((n) => n !== '').join(' '),
  };
  const total = t.dimension.total;
  const dimLabels: Record<string, string> = Object.fromEntries(t.dimension.codes.map((c) => [c.code, c.label]));
  if (total !== undefined) dimLabels[total] = t.dimension.totalLabel ?? total;
  const order = [...t.dimension.codes.map((c) => c.code), ...(total !== undefined ? [total] : [])];
  const cells = table.cells;
  const suppressed = cells.filter((c) => c.status !== 's').length;
  const codeDecimals = Object.fromEntries(t.dimension.codes.filter((c) => c.decimals !== undefined && c.decimals !== t.decimals).map((c) => [c.code, c.decimals ?? t.decimals]));
  const units = Object.fromEntries(t.dimension.codes.filter((c) => c.unit !== undefined && c.unit !== t.unit).map((c) => [c.code, c.unit ?? t.unit]));
  return {
    meta,
    ...(t.display ? { display: t.display } : {}),
    year,
    table,
    labels: { geo: geography.labels, [t.dimension.name]: dimLabels },
    order: { [t.dimension.name]: order },
    ...(total !== undefined ? { total } : {}),
    ...(Object.keys(units).length > 0 ? { units } : {}),
    ...(changes ? { changes } : {}),
    decimals: t.decimals,
    ...(Object.keys(codeDecimals).length > 0 ? { codeDecimals } : {}),
    marks: coverage.marks,
    protection: {
      cells: cells.length,
      suppressed,
      shareSuppressed: cells.length === 0 ? 0 : suppressed / cells.length,
      audit: auditOk ? 'ok' : 'echec',
    },
  };
}

