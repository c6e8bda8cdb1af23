/**
 * Secondary suppression by Gaussian elimination (after Statistics Norway's GaussSuppression,
 * Langsrud 2024). Every published cell is a 0/1 column over the inner cells. Candidates are taken in
 * publication-priority order; publishing one adds its column to the span of what the attacker
 * knows, so a candidate is suppressed exactly when adding it would put a primary cell's column in
 * that span (the primary would become derivable by adding and subtracting published cells).
 *
 * The span is kept in reduced row-echelon form (every basis vector is zero on every other pivot),
 * and each primary keeps its residual against the span: a primary is derivable when its residual
 * would become zero.
 *
 * @example
 *   gaussSuppress(members, primary, order, () => 0); // suppressed flags
 */

type Vec = Map<number, number>;

const EPS = 1e-9;

/**
 * row → ids of the stored vectors holding that row. Deletions are lazy: a list may keep stale or
 * repeated ids, filtered out (and compacted) against the vectors themselves when read.
 */
class RowIndex {
  /** per row (rows are dense: inner-cell indices), an array rather than a map: measured 3× faster */
  private readonly lists: (number[] | undefined)[];
  private readonly stamp: number[] = [];
  private clock = 0;
  constructor(
    rows: number,
    private readonly vector: (id: number) => Vec | undefined,
  ) {
    this.lists = new Array<number[] | undefined>(rows);
  }
  add(row: number, id: number) {
    const list = this.lists[row];
    if (list) list.push(id);
    else this.lists[row] = [id];
  }
  /** an upper bound of the number of vectors holding the row */
  size(row: number): number {
    return this.lists[row]?.length ?? 0;
  }
  ids(row: number): number[] {
    const list = this.lists[row];
    if (!list) return [];
    const tick = ++this.clock;
    const out: number[] = [];
    for (const id of list) {
      if (this.stamp[id] === tick || !this.vector(id)?.has(row)) continue;
      this.stamp[id] = tick;
      out.push(id);
    }
    this.lists[row] = out.length === 0 ? undefined : out.slice();
    return out;
  }
}

/** target += factor · source, keeping the row index of `id` in step. */
function axpy(target: Vec, factor: number, source: Vec, index: RowIndex, id: number, skipRow: number) {
  for (const [row, v] of source) {
    if (row === skipRow) continue;
    const next = (target.get(row) ?? 0) + factor * v;
    if (Math.abs(next) < EPS) {
      target.delete(row); // the index forgets it lazily
    } else {
      if (!target.has(row)) index.add(row, id);
      target.set(row, next);
    }
  }
}

/**
 * @param members  inner cells of each published cell
 * @param primary  primary flags
 * @param order    candidate cells (non-primary), most worth publishing first
 * @param pivotRank  preference for a row as pivot (higher: chosen first); a row unlikely to be
 *                   published alone keeps fill-in low
 */
export function gaussSuppress(members: readonly Int32Array[], primary: readonly boolean[], order: readonly number[], pivotRank: (row: number) => number): boolean[] {
  const suppressed = primary.slice();
  const basis = new Map<number, Vec>(); // pivot row → vector (1 at the pivot)
  let rows = 0;
  for (const m of members) for (const r of m) rows = Math.max(rows, r + 1);
  const basisIndex = new RowIndex(rows, (q) => basis.get(q)); // non-pivot row → pivots of basis vectors holding it
  const residual: Vec[] = [];
  const primaryIndex = new RowIndex(rows, (p) => residual[p]);
  members.forEach((m, c) => {
    if (!primary[c]) return;
    const id = residual.length;
    const v: Vec = new Map();
    for (const r of m) {
      v.set(r, 1);
      primaryIndex.add(r, id);
    }
    residual.push(v);
  });

  for (const c of order) {
    const v: Vec = new Map();
    for (const r of members[c]) v.set(r, 1);
    for (const r of members[c]) {
      const b = basis.get(r);
      const f = v.get(r);
      if (b === undefined || f === undefined) continue;
      v.delete(r);
      for (const [row, x] of b) {
        if (row === r) continue;
        const next = (v.get(row) ?? 0) - f * x;
        if (Math.abs(next) < EPS) v.delete(row);
        else v.set(row, next);
      }
    }
    if (v.size === 0) continue; // already derivable: publishing it reveals nothing new
    // pivot: the row whose elimination touches the fewest stored vectors (least fill-in), then
    // the row least likely to be published on its own later
    let pivot = -1;
    let bestFill = Infinity;
    let best = -Infinity;
    for (const row of v.keys()) {
      const fill = basisIndex.size(row) + primaryIndex.size(row);
      const rank = pivotRank(row);
      if (fill < bestFill || (fill === bestFill && (rank > best || (rank === best && row < pivot)))) {
        bestFill = fill;
        best = rank;
        pivot = row;
      }
    }
    const scale = v.get(pivot)!;
    if (scale !== 1) for (const [row, x] of v) v.set(row, x / scale);

    const touched = primaryIndex.ids(pivot);
    const reveals = touched.some((p) => {
      const res = residual[p];
      if (res.size !== v.size) return false;
      const a = res.get(pivot)!;
      for (const [row, x] of v) if (Math.abs((res.get(row) ?? 0) - a * x) > 1e-7) return false;
      return true;
    });
    if (reveals) {
      suppressed[c] = true;
      continue;
    }
    for (const p of touched) {
      const res = residual[p];
      const a = res.get(pivot)!;
      res.delete(pivot);
      axpy(res, -a, v, primaryIndex, p, pivot);
    }
    for (const q of basisIndex.ids(pivot)) {
      const b = basis.get(q)!;
      const a = b.get(pivot)!;
      b.delete(pivot);
      axpy(b, -a, v, basisIndex, q, pivot);
    }
    basis.set(pivot, v);
    for (const row of v.keys()) if (row !== pivot) basisIndex.add(row, pivot);
  }
  return suppressed;
}
