/**
 * Derived figures inherit secrecy. Rates, shares, agreement rates and evolutions are computed from
 * cells of `ProtectedTable`s (never from raw numbers), and a derived cell is suppressed as soon as one
 * of its inputs is: it takes the strongest status of its inputs (`u` over `x` over `s`). A median over
 * fewer than `minCount` structures is itself a primary suppression (`u`).
 *
 * Why this is enough against a rate + public denominator attack: a rate per 100 000 inhabitants is
 * `numerator / population`; the population is public, so the rate reveals its numerator. The rate is
 * therefore published only when its numerator is, and publishing it adds nothing the attacker did not
 * already know from the protected cube. The same holds for shares (numerator and denominator both
 * published cells) and evolutions (both years' cells published).
 *
 * @example
 *   const rates = derive(['geo', 'indicateur'], [
 *     { codes: ['01', 'mediations_100k'], inputs: [{ table: cadre, codes: ['01', 'ENS'] }],
 *       compute: ([n]) => (n * 100000) / population['01'] },
 *   ]);
 *   // status of ['01','mediations_100k'] = status of ['01','ENS'] in `cadre`
 */
import { sealProtected, type ProtectedTable } from './protected-table.ts';
import type { Cell, CellStatus, Code } from './types.ts';

/** A cell of a protected table, addressed by its codes (in the table's dimension order). */
export interface CellRef {
  table: ProtectedTable;
  codes: readonly Code[];
  /**
   * what an absent cell means: a published zero (a count with no contributor, the default), or no
   * value at all (a derived figure or a median that could not be computed: the derived cell is then
   * not defined either, shown `///`)
   */
  absent?: 'zero' | 'undefined';
}

export interface ComputedCell {
  codes: readonly Code[];
  inputs: readonly CellRef[];
  /** the inputs' true values → the derived value; null when it is not defined (division by zero) */
  compute: (values: readonly number[]) => number | null;
}

export interface MedianCell {
  codes: readonly Code[];
  /** one value per structure of the area */
  median: readonly number[];
  /** fewer values than this: the median is a primary suppression */
  minCount: number;
  /**
   * how many of `median`'s values come from structures that consented to the publication of their
   * own figures: a median over fewer than `minCount` values is published when all of them consented
   * (one value left unknown would be exposed: with the others known, the median of one or two
   * values gives it)
   */
  consented?: number;
}

export type DerivedCell = ComputedCell | MedianCell;

const rank: Record<CellStatus, number> = { s: 0, x: 1, u: 2 };

function key(codes: readonly Code[]): string {
  return codes.join('\u0000');
}

const index = new WeakMap<ProtectedTable, Map<string, Cell>>();

/** The cell of `table` at `codes`; a cell absent from the cube has no contributor: a published zero. */
export function cellAt(table: ProtectedTable, codes: readonly Code[]): Cell {
  let map = index.get(table);
  if (!map) {
    map = new Map(table.cells.map((c) => [key(c.codes), c]));
    index.set(table, map);
  }
  return map.get(key(codes)) ?? { codes, value: 0, contributors: 0, status: 's' };
}

function has(table: ProtectedTable, codes: readonly Code[]): boolean {
  cellAt(table, codes);
  return index.get(table)?.has(key(codes)) ?? false;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** A median's primary rule: fewer than `minCount` values, unless every value's structure consented. */
export function medianUnsafe(cell: MedianCell): boolean {
  return cell.median.length < cell.minCount && (cell.consented ?? 0) < cell.median.length;
}

function isMedian(cell: DerivedCell): cell is MedianCell {
  return 'median' in cell;
}

function one(cell: DerivedCell): Cell | null {
  if (isMedian(cell)) {
    if (cell.median.length === 0) return null;
    const status: CellStatus = medianUnsafe(cell) ? 'u' : 's';
    return { codes: [...cell.codes], value: median(cell.median), contributors: cell.median.length, status };
  }
  // a computed cell without inputs would brand an arbitrary number as published: refuse it
  if (cell.inputs.length === 0) throw new Error(`derive: the cell ${cell.codes.join(' × ')} has no protected input (programming error)`);
  if (cell.inputs.some((ref) => ref.absent === 'undefined' && !has(ref.table, ref.codes))) return null;
  const inputs = cell.inputs.map((ref) => cellAt(ref.table, ref.codes));
  const value = cell.compute(inputs.map((c) => c.value));
  if (value === null || !Number.isFinite(value)) return null;
  const status = inputs.reduce<CellStatus>((worst, c) => (rank[c.status] > rank[worst] ? c.status : worst), 's');
  return { codes: [...cell.codes], value, contributors: inputs[0]?.contributors ?? 0, status };
}

/** Builds a protected table of derived cells; cells whose value is undefined are left out (shown `///`). */
export function derive(dimensions: readonly string[], cells: readonly DerivedCell[]): ProtectedTable {
  const out: Cell[] = [];
  for (const cell of cells) {
    const derived = one(cell);
    if (derived) out.push(derived);
  }
  return sealProtected(dimensions, out);
}

/**
 * Re-checks a derived table against its recipe: every published derived cell must have only
 * published inputs, and every median over too few structures must be suppressed (unless all of them consented). Returns the codes
 * of offending cells (empty: the table inherits secrecy correctly).
 */
export function inheritanceViolations(table: ProtectedTable, cells: readonly DerivedCell[]): string[] {
  const offenders: string[] = [];
  // the first cell at each codes, as a scan would find it
  const byKey = new Map<string, Cell>();
  for (const c of table.cells) {
    const k = key(c.codes);
    if (!byKey.has(k)) byKey.set(k, c);
  }
  for (const cell of cells) {
    const published = byKey.get(key(cell.codes));
    if (!published || published.status !== 's') continue;
    const leaks = isMedian(cell) ? medianUnsafe(cell) : cell.inputs.some((ref) => cellAt(ref.table, ref.codes).status !== 's');
    if (leaks) offenders.push(cell.codes.join(' × '));
  }
  return offenders;
}

/**
 * Stacks geo-only protected tables (one per indicator, each protected on its own) into one table with
 * an indicator dimension; statuses and values are kept as the engine set them.
 */
export function stack(dimension: string, parts: readonly { code: Code; table: ProtectedTable }[]): ProtectedTable {
  const [first] = parts;
  const dimensions = [...(first?.table.dimensions ?? []), dimension];
  const cells: Cell[] = parts.flatMap(({ code, table }) => table.cells.map((c) => ({ ...c, codes: [...c.codes, code] })));
  return sealProtected(dimensions, cells);
}

/** Cells of protected tables over the same dimensions, as one table (statuses and values kept). */
export function concat(tables: readonly ProtectedTable[]): ProtectedTable {
  const [first] = tables;
  for (const t of tables) if (t.dimensions.join('\u0000') !== first.dimensions.join('\u0000')) throw new Error('concat: tables over different dimensions (programming error)');
  return sealProtected(first.dimensions, tables.flatMap((t) => t.cells));
}
