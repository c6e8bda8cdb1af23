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
import { csvUnknownCode, inconsistentSharedCell, specField, specUnknownDimension } from './messages.ts';
import type { Contribution, LinkedSpec } from './types.ts';

export interface CubeCell {
  /** code index per dimension of the linked spec (total for a dimension absent from the table) */
  codes: number[];
  value: number;
  contributors: number;
  /** largest contributor totals, descending (as many as the rules need) */
  top: number[];
  /** the same facts over the contributors that did not consent (only when the spec lists consents) */
  open?: { value: number; contributors: number; top: number[] };
  /** the contributor (index in `Cube.contributors`) that alone makes up the cell, −1 when several do */
  sole: number;
  /** its contributors (indices in `Cube.contributors`), ascending */
  who: Int32Array;
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
  /** contributor names, by index (requirement C names the insider in the audit trail only) */
  contributors: string[];
}

/**
 * Every cell of the full cross product gets one integer key (mixed radix over the dimensions'
 * code counts), so the maps below never build strings.
 */
export interface Keys {
  stride: number[];
  count: number[];
}

/** The keys of a cube over `dims`; throws when the cross product has 2⁵³ cells or more. */
export function cubeKeys(dims: readonly DimensionIndex[]): Keys {
  const count = dims.map((d) => d.codes.length);
  const stride = count.map((_, d) => count.slice(d + 1).reduce((p, c) => p * c, 1));
  if (stride[0] * count[0] > Number.MAX_SAFE_INTEGER) throw new Error(specField('dimensions', 'un cube de moins de 2⁵³ cellules'));
  return { stride, count };
}

/** The key of one combination of code indices. */
export function keyOf(keys: Keys, codes: readonly number[]): number {
  let key = 0;
  for (let d = 0; d < codes.length; d++) key += codes[d] * keys.stride[d];
  return key;
}

function decode(keys: Keys, key: number): number[] {
  return keys.stride.map((s, d) => Math.floor(key / s) % keys.count[d]);
}

/** The key of a cell's projection on `dims`: its codes there, every other dimension at its total. */
function project(keys: Keys, dims: readonly number[], key: number): number {
  return dims.reduce((sum, x) => sum + (Math.floor(key / keys.stride[x]) % keys.count[x]) * keys.stride[x], 0);
}

/** Calls `visit` with the key of every combination of ancestors of `leaves` over `dims`, from `base`. */
function eachAncestor(dims: DimensionIndex[], keys: Keys, tableDims: readonly number[], leafOf: (d: number) => number, base: number, visit: (key: number) => void): void {
  const walk = (j: number, key: number) => {
    if (j === tableDims.length) return visit(key);
    const d = tableDims[j];
    for (const a of dims[d].ancestors[leafOf(d)]) walk(j + 1, key + (a - totalIndex) * keys.stride[d]);
  };
  walk(0, base);
}

/**
 * Decimal places of the most precise input value, as a power of ten: sums are made in that
 * fixed-point unit, so a cell of 131.5 is 131.5 and not 131.50000000000003 (binary sums of decimal
 * amounts drift), and the value written to CELLS.csv and the audit trail is the input's decimal sum.
 * 0 when some value has more than 6 decimals or the sums could pass 2⁵³ units: plain sums then.
 *
 * @example
 *   fixedPointScale([9.6, 16.8, 2]); // 10
 */
export function fixedPointScale(values: Iterable<number>): number {
  let decimals = 0;
  let total = 0;
  for (const v of values) {
    total += Math.abs(v);
    while (Math.abs(Math.round(v * 10 ** decimals) - v * 10 ** decimals) > 1e-6 * Math.max(1, Math.abs(v * 10 ** decimals))) {
      if (++decimals > MAX_DECIMALS) return 0;
    }
  }
  return total * 10 ** decimals < Number.MAX_SAFE_INTEGER / 2 ? 10 ** decimals : 0;
}

const MAX_DECIMALS = 6;

/** The total of every dimension is its code 0 (see `indexDimension`). */
const totalIndex = 0;

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
  const keys = cubeKeys(dims);
  const { stride } = keys;
  // the grand total is key 0: every dimension at its total (code 0)

  const cellIndex = new Map<number, number>();
  const cells: CubeCell[] = [];
  const leafSets: Set<number>[] = [];
  const contributorId = new Map<string, number>();
  const names: string[] = [];
  const consent = spec.consent ? new Set(spec.consent) : undefined;
  // per table: leaf key → leaf id, and the cells (global ids) above each leaf cell
  const aboveLeaf: { leafOf: Map<number, number>; cells: number[][] }[] = [];
  const scale = fixedPointScale(Object.values(contributions).flatMap((list) => (list ?? []).map((c) => c.value)));
  const unit = scale || 1;
  tables.forEach((table, t) => {
    // contributor totals per leaf cell of this table, then per published cell
    const leafCells = new Map<number, Map<number, number>>();
    for (const c of contributions[table.id] ?? []) {
      let k = 0;
      table.dims.forEach((d, j) => {
        const i = dims[d].index.get(c.codes[j]);
        if (i === undefined || !dims[d].isLeaf[i]) throw new Error(csvUnknownCode(table.id, 0, dims[d].name, c.codes[j] ?? ''));
        k += i * stride[d];
      });
      let by = leafCells.get(k);
      if (!by) leafCells.set(k, (by = new Map()));
      let who = contributorId.get(c.contributor);
      if (who === undefined) {
        contributorId.set(c.contributor, (who = contributorId.size));
        names.push(c.contributor);
      }
      by.set(who, (by.get(who) ?? 0) + (scale ? Math.round(c.value * scale) : c.value));
    }
    leafSets.push(new Set(leafCells.keys()));
    // the published cells above each leaf cell (local ids, in order of first appearance)
    const leaves = [...leafCells];
    const localOf = new Map<number, number>();
    const localKeys: number[] = [];
    const above = leaves.map(([leafKey]) => {
      const leafCodes = decode(keys, leafKey);
      const ids: number[] = [];
      eachAncestor(dims, keys, table.dims, (d) => leafCodes[d], 0, (k) => {
        let a = localOf.get(k);
        if (a === undefined) {
          localOf.set(k, (a = localKeys.length));
          localKeys.push(k);
        }
        ids.push(a);
      });
      return ids;
    });
    // each contributor's total in every cell above its leaf cells, adding its leaf totals in leaf
    // order; then every cell's list of contributor totals. Faster than one map of contributors
    // per cell on the large bench tables, and the same cubes to the bit (bench tables and 600
    // random ones; figures in bench/README.md)
    const leavesOf: number[][] = [];
    leaves.forEach(([, by], leaf) => {
      for (const who of by.keys()) (leavesOf[who] ??= []).push(leaf);
    });
    const totals: number[][] = localKeys.map(() => []);
    const whos: number[][] = localKeys.map(() => []);
    const acc = new Float64Array(localKeys.length);
    const touched = new Uint8Array(localKeys.length);
    const list: number[] = [];
    leavesOf.forEach((its, who) => {
      for (const leaf of its) {
        const v = leaves[leaf][1].get(who)!;
        for (const a of above[leaf]) {
          if (!touched[a]) {
            touched[a] = 1;
            list.push(a);
          }
          acc[a] += v;
        }
      }
      for (const a of list) {
        totals[a].push(acc[a]);
        whos[a].push(who);
        acc[a] = 0;
        touched[a] = 0;
      }
      list.length = 0;
    });
    localKeys.forEach((k, a) => {
      const open = consent ? openFacts(totals[a], whos[a], (who) => consent.has(names[who]), unit, topCount) : undefined;
      const values = totals[a].sort((x, y) => y - x).map((v) => v / unit);
      const value = totals[a].reduce((sum, v) => sum + v, 0) / unit;
      const existing = cellIndex.get(k);
      if (existing !== undefined) {
        const cell = cells[existing];
        if (Math.abs(cell.value - value) > 1e-9 * Math.max(1, Math.abs(value))) {
          throw new Error(inconsistentSharedCell(cell.codes.map((x, d) => dims[d].codes[x])));
        }
        cell.tables.push(t);
        return;
      }
      cellIndex.set(k, cells.length);
      cells.push({ codes: decode(keys, k), value, contributors: values.length, top: values.slice(0, topCount), ...(open ? { open } : {}), sole: values.length === 1 ? whos[a][0] : -1, who: Int32Array.from(whos[a]), tables: [t], members: new Int32Array(0) });
    });
    aboveLeaf.push({ leafOf: new Map(leaves.map(([leafKey], leaf) => [leafKey, leaf])), cells: above.map((ids) => ids.map((a) => cellIndex.get(localKeys[a])!)) });
  });

  // inner cells: extend partial leaf tuples one dimension at a time, keeping only those every
  // table already fully covered still sees with a contributor
  let partial: number[] = [0];
  dims.forEach((dim, d) => {
    const leaves = dim.codes.map((_, i) => i).filter((i) => dim.isLeaf[i]);
    const next: number[] = [];
    const checks = tables.flatMap((table, t) => (table.dims.includes(d) && table.dims.every((x) => x <= d) ? [{ table, t }] : []));
    for (const p of partial) {
      for (const l of leaves) {
        const k = p + l * stride[d];
        if (checks.every(({ table, t }) => leafSets[t].has(project(keys, table.dims, k)))) next.push(k);
      }
    }
    partial = next;
  });
  const inner = partial;

  const members: number[][] = cells.map(() => []);
  const last = new Int32Array(cells.length).fill(-1);
  inner.forEach((innerKey, i) => {
    tables.forEach((table, t) => {
      // every table sees the inner cell's projection as one of its leaf cells (see above)
      const projection = project(keys, table.dims, innerKey);
      for (const c of aboveLeaf[t].cells[aboveLeaf[t].leafOf.get(projection)!]) {
        if (last[c] === i) continue;
        last[c] = i;
        members[c].push(i);
      }
    });
  });
  cells.forEach((cell, c) => (cell.members = Int32Array.from(members[c])));

  const order = cells.map((_, i) => i).sort((a, b) => {
    const x = cells[a].codes;
    const y = cells[b].codes;
    for (let d = 0; d < x.length; d++) if (x[d] !== y[d]) return x[d] - y[d];
    return 0;
  });
  const contributors: string[] = [];
  for (const [name, who] of contributorId) contributors[who] = name;
  return { dims, tables, cells: order.map((i) => cells[i]), innerCount: inner.length, contributors };
}

/** A cell's facts over the contributors that did not consent (`totals` and `whos` aligned). */
function openFacts(totals: readonly number[], whos: readonly number[], consented: (who: number) => boolean, unit: number, topCount: number): NonNullable<CubeCell['open']> {
  const values = totals.filter((_, k) => !consented(whos[k]));
  return {
    value: values.reduce((sum, v) => sum + v, 0) / unit,
    contributors: values.length,
    top: values.sort((x, y) => y - x).slice(0, topCount).map((v) => v / unit),
  };
}
