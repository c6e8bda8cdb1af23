/**
 * The attacker's model of a set of linked tables. Inner cells are the combinations of leaves of all
 * dimensions that can hold something (every table's projection of them has a contributor); every
 * published cell is the sum of the inner cells below it. One table is the linked case with one table.
 *
 * @example
 *   const cube = buildCube(spec, { t: contributions });
 *   cube.cells[0].members; // inner cells adding up to the grand total
 */
import { indexDimension, type DimensionIndex } from './dimension.ts';
import { inconsistentSharedCell, specUnknownDimension, csvUnknownCode } from './messages.ts';
import type { Contribution, LinkedSpec } from './types.ts';

export interface CubeCell {
  /** code index per dimension of the linked spec (total for a dimension absent from the table) */
  codes: number[];
  value: number;
  contributors: number;
  /** largest contributor totals, descending (as many as the rules need) */
  top: number[];
  /** indices of the tables that publish this cell */
  tables: number[];
  /** sorted inner-cell indices */
  members: Int32Array;
}

export interface Cube {
  dims: DimensionIndex[];
  tables: { id: string; dims: number[] }[];
  /** every published cell, ordered by codes (dimension order, code order) */
  cells: CubeCell[];
  innerCount: number;
}

const key = (codes: readonly number[]) => codes.join(',');

/** Cartesian product of small lists of code indices. */
function product(lists: number[][]): number[][] {
  let out: number[][] = [[]];
  for (const list of lists) out = out.flatMap((prefix) => list.map((x) => [...prefix, x]));
  return out;
}

export function buildCube(spec: LinkedSpec, contributions: Readonly<Record<string, readonly Contribution[]>>, topCount = 2): Cube {
  const dims = spec.dimensions.map(indexDimension);
  const dimOf = new Map(dims.map((d, i) => [d.name, i]));
  const tables = spec.tables.map((t) => ({
    id: t.id,
    dims: t.dimensions.map((name) => {
      const i = dimOf.get(name);
      if (i === undefined) throw new Error(specUnknownDimension(t.id, name));
      return i;
    }),
  }));
  const totals = dims.map((d) => d.index.get(d.total)!);

  const cellIndex = new Map<string, number>();
  const cells: CubeCell[] = [];
  const leafSets: Set<string>[] = [];
  tables.forEach((table, t) => {
    // contributor totals per leaf cell of this table, then per published cell
    const leafCells = new Map<string, { codes: number[]; by: Map<string, number> }>();
    for (const c of contributions[table.id] ?? []) {
      const codes = table.dims.map((d, j) => {
        const i = dims[d].index.get(c.codes[j]);
        if (i === undefined || !dims[d].isLeaf[i]) throw new Error(csvUnknownCode(table.id, 0, dims[d].name, c.codes[j] ?? ''));
        return i;
      });
      const k = key(codes);
      let leaf = leafCells.get(k);
      if (!leaf) leafCells.set(k, (leaf = { codes, by: new Map() }));
      leaf.by.set(c.contributor, (leaf.by.get(c.contributor) ?? 0) + c.value);
    }
    leafSets.push(new Set(leafCells.keys()));
    const local = new Map<string, { codes: number[]; by: Map<string, number> }>();
    for (const leaf of leafCells.values()) {
      for (const combo of product(table.dims.map((d, j) => dims[d].ancestors[leaf.codes[j]]))) {
        const full = [...totals];
        table.dims.forEach((d, j) => (full[d] = combo[j]));
        const k = key(full);
        let agg = local.get(k);
        if (!agg) local.set(k, (agg = { codes: full, by: new Map() }));
        for (const [who, v] of leaf.by) agg.by.set(who, (agg.by.get(who) ?? 0) + v);
      }
    }
    for (const [k, agg] of local) {
      const values = [...agg.by.values()].sort((a, b) => b - a);
      const value = values.reduce((s, v) => s + v, 0);
      const existing = cellIndex.get(k);
      if (existing !== undefined) {
        const cell = cells[existing];
        if (Math.abs(cell.value - value) > 1e-9 * Math.max(1, Math.abs(value))) {
          throw new Error(inconsistentSharedCell(cell.codes.map((x, d) => dims[d].codes[x])));
        }
        cell.tables.push(t);
        continue;
      }
      cellIndex.set(k, cells.length);
      cells.push({ codes: agg.codes, value, contributors: agg.by.size, top: values.slice(0, topCount), tables: [t], members: new Int32Array(0) });
    }
  });

  // inner cells: extend partial leaf tuples one dimension at a time, keeping only those every
  // table already fully covered still sees with a contributor
  let partial: number[][] = [[]];
  dims.forEach((dim, d) => {
    const leaves = dim.codes.map((_, i) => i).filter((i) => dim.isLeaf[i]);
    partial = partial.flatMap((p) => leaves.map((l) => [...p, l]));
    tables.forEach((table, t) => {
      if (!table.dims.includes(d) || table.dims.some((x) => x > d)) return;
      partial = partial.filter((p) => leafSets[t].has(key(table.dims.map((x) => p[x]))));
    });
  });
  const inner = partial;

  const members: number[][] = cells.map(() => []);
  const last = new Int32Array(cells.length).fill(-1);
  inner.forEach((leaves, i) => {
    for (const table of tables) {
      for (const combo of product(table.dims.map((d) => dims[d].ancestors[leaves[d]]))) {
        const full = [...totals];
        table.dims.forEach((d, j) => (full[d] = combo[j]));
        const c = cellIndex.get(key(full));
        if (c === undefined || last[c] === i) continue;
        last[c] = i;
        members[c].push(i);
      }
    }
  });
  cells.forEach((cell, c) => (cell.members = Int32Array.from(members[c])));

  const order = cells.map((_, i) => i).sort((a, b) => {
    const x = cells[a].codes;
    const y = cells[b].codes;
    for (let d = 0; d < x.length; d++) if (x[d] !== y[d]) return x[d] - y[d];
    return 0;
  });
  return { dims, tables, cells: order.map((i) => cells[i]), innerCount: inner.length };
}
