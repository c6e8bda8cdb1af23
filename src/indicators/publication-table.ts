/**
 * A protected table dressed for publication: numbered French title, unit, Lecture sentence (reading a
 * published France cell), Champ / Source / Note, labels and display order of the codes, and what the
 * protection did (cells, primary, secondary, share suppressed, audit verdict).
 *
 * @example
 *   publicationTable(config, table, geography, 2024, true).meta.title;
 *   // "Tableau 1 – Médiations familiales terminées selon le cadre, par territoire, en 2024"
 */
import { FRANCE, type Geography } from '../model/geography.ts';
import type { PublicationTable, TableMeta } from '../model/publication.ts';
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
  return fill(t.lecture, { annee: String(year), annee_precedente: String(year - 1), valeur });
}

export function publicationTable(t: TableConfig, table: ProtectedTable, geography: Geography, year: number, auditOk: boolean, changes?: PublicationTable['changes']): PublicationTable {
  const values = { numero: String(t.number), annee: String(year), annee_precedente: String(year - 1) };
  const meta: TableMeta = {
    id: t.id,
    number: t.number,
    title: fill(t.title, values),
    unit: t.unit,
    survey: t.survey,
    ...(t.link !== undefined ? { link: t.link } : {}),
    lecture: lecture(t, table, year),
    champ: t.champ,
    source: fill(t.source, values),
    note: t.note,
  };
  const total = t.dimension.total;
  const dimLabels: Record<string, string> = Object.fromEntries(t.dimension.codes.map((c) => [c.code, c.label]));
  if (total !== undefined) dimLabels[total] = t.dimension.totalLabel ?? total;
  const order = [...t.dimension.codes.map((c) => c.code), ...(total !== undefined ? [total] : [])];
  const cells = table.cells;
  const units = Object.fromEntries(t.dimension.codes.filter((c) => c.unit !== undefined && c.unit !== t.unit).map((c) => [c.code, c.unit ?? t.unit]));
  const primary = cells.filter((c) => c.status === 'u').length;
  const secondary = cells.filter((c) => c.status === 'x').length;
  return {
    meta,
    year,
    table,
    labels: { geo: geography.labels, [t.dimension.name]: dimLabels },
    order: { [t.dimension.name]: order },
    ...(Object.keys(units).length > 0 ? { units } : {}),
    ...(changes ? { changes } : {}),
    decimals: t.decimals,
    protection: {
      cells: cells.length,
      primary,
      secondary,
      shareSuppressed: cells.length === 0 ? 0 : (primary + secondary) / cells.length,
      audit: auditOk ? 'ok' : 'echec',
    },
  };
}

