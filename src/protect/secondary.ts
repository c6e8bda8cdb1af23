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
 * Vectors are sorted typed arrays, updated by merging; a candidate is reduced in a dense
 * accumulator; the row index is exact (a vector that loses a row leaves its list). Against a
 * JavaScript map per vector with a lazy index: same suppressions on the three bench tables and on
 * 200 random departments × 10 tables, less time and memory on the large ones (figures in
 * bench/README.md).
 *
 * @example
 *   gaussSuppress(members, primary, order, () => 0); // suppressed flags
 */

const EPS = 1e-9;

/** A sparse vector: `n` entries, rows ascending in `idx`, values in `val` (never below EPS). */
class SparseVec {
  constructor(
    public idx: Int32Array,
    public val: Float64Array,
    public n: number,
  ) {}

  /** position of `row`, or -1 */
  find(row: number): number {
    let lo = 0;
    let hi = this.n - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const r = this.idx[mid];
      if (r === row) return mid;
      if (r < row) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  get(row: number): number {
    const at = this.find(row);
    return at < 0 ? 0 : this.val[at];
  }
}

/** Scratch buffers for merges, grown as needed (one elimination runs at a time). */
let scratchIdx = new Int32Array(1024);
let scratchVal = new Float64Array(1024);

function reserve(size: number) {
  if (scratchIdx.length >= size) return;
  let next = scratchIdx.length;
  while (next < size) next *= 2;
  scratchIdx = new Int32Array(next);
  scratchVal = new Float64Array(next);
}

/**
 * row → ids of the stored vectors holding that row, kept exact: a vector that gains a row is added
 * to its list, one that loses it (the entry cancels) is removed.
 */
class RowIndex {
  /** per row (rows are dense: inner-cell indices), an array rather than a map, which is faster */
  private readonly lists: (number[] | undefined)[];
  /**
   * per row, the fill-in estimate that guides the choice of pivots: the vectors holding the row
   * when it was last listed, plus every gain since (losses not counted): counted as the elimination
   * always has, since it chooses the pivots, hence the suppressions.
   */
  private readonly count: Int32Array;
  constructor(rows: number) {
    this.lists = new Array<number[] | undefined>(rows);
    this.count = new Int32Array(rows);
  }
  add(row: number, id: number) {
    const list = this.lists[row];
    if (list) list.push(id);
    else this.lists[row] = [id];
    this.count[row]++;
  }
  remove(row: number, id: number) {
    const list = this.lists[row]!;
    const at = list.indexOf(id);
    list[at] = list[list.length - 1];
    list.pop();
  }
  /** forgets the row's list (no vector holds it any more) */
  drop(row: number) {
    this.lists[row] = undefined;
  }
  /** see `count` */
  size(row: number): number {
    return this.count[row];
  }
  /** the vectors holding `row`; its list must not change while the caller uses them */
  ids(row: number): readonly number[] {
    const list = this.lists[row] ?? [];
    this.count[row] = list.length;
    return list;
  }
}

/**
 * target += factor · source, both without `skipRow` (the pivot being eliminated, whose list the
 * caller drops), keeping the row index of `id` in step.
 */
function axpy(target: SparseVec, factor: number, source: SparseVec, index: RowIndex, id: number, skipRow: number) {
  reserve(target.n + source.n);
  const oi = scratchIdx;
  const ov = scratchVal;
  const ti = target.idx;
  const tv = target.val;
  const si = source.idx;
  const sv = source.val;
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < target.n || j < source.n) {
    const tr = i < target.n ? ti[i] : 0x7fffffff;
    const sr = j < source.n ? si[j] : 0x7fffffff;
    if (tr < sr) {
      if (tr !== skipRow) {
        oi[n] = tr;
        ov[n++] = tv[i];
      }
      i++;
    } else if (sr < tr) {
      if (sr !== skipRow) {
        const next = factor * sv[j];
        if (Math.abs(next) >= EPS) {
          oi[n] = sr;
          ov[n++] = next;
          index.add(sr, id);
        }
      }
      j++;
    } else {
      if (tr !== skipRow) {
        const next = tv[i] + factor * sv[j];
        if (Math.abs(next) >= EPS) {
          oi[n] = tr;
          ov[n++] = next;
        } else index.remove(tr, id);
      }
      i++;
      j++;
    }
  }
  if (ti.length < n) {
    target.idx = oi.slice(0, Math.max(n, 2 * ti.length));
    target.val = ov.slice(0, target.idx.length);
  } else {
    ti.set(oi.subarray(0, n));
    tv.set(ov.subarray(0, n));
  }
  target.n = n;
}

/**
 * Whether `res` is a multiple of `v` (scaled at the pivot, where v is 1): publishing v would then
 * complete the primary cell whose residual it is.
 */
function proportional(res: SparseVec, v: SparseVec, pivot: number): boolean {
  if (res.n !== v.n) return false;
  const a = res.get(pivot);
  let j = 0;
  for (let e = 0; e < v.n; e++) {
    const row = v.idx[e];
    while (j < res.n && res.idx[j] < row) j++;
    const x = j < res.n && res.idx[j] === row ? res.val[j] : 0;
    if (Math.abs(x - a * v.val[e]) > 1e-7) return false;
  }
  return true;
}

function unitVec(members: Int32Array): SparseVec {
  return new SparseVec(Int32Array.from(members), new Float64Array(members.length).fill(1), members.length);
}

/**
 * @param members  inner cells of each published cell (ascending)
 * @param primary  primary flags
 * @param order    candidate cells (non-primary), most worth publishing first
 * @param pivotRank  preference for a row as pivot (higher: chosen first); a row unlikely to be
 *                   published alone keeps fill-in low
 */
export function gaussSuppress(members: readonly Int32Array[], primary: readonly boolean[], order: readonly number[], pivotRank: (row: number) => number): boolean[] {
  const suppressed = primary.slice();
  let rows = 0;
  for (const m of members) for (const r of m) rows = Math.max(rows, r + 1);
  const basis = new Array<SparseVec | undefined>(rows); // pivot row → vector (1 at the pivot)
  const basisIndex = new RowIndex(rows); // non-pivot row → pivots of basis vectors holding it
  const residual: SparseVec[] = [];
  const primaryIndex = new RowIndex(rows);
  members.forEach((m, c) => {
    if (!primary[c]) return;
    const id = residual.length;
    for (const r of m) primaryIndex.add(r, id);
    residual.push(unitVec(m));
  });

  // the candidate being reduced, dense: value per row (0 where it holds no entry: an entry that
  // cancels is removed), whether the row was touched, and the rows touched (each once)
  const work = new Float64Array(rows);
  const listed = new Uint8Array(rows);
  const touchedRows = new Int32Array(rows);
  for (const c of order) {
    let touchedCount = 0;
    for (const r of members[c]) {
      work[r] = 1;
      listed[r] = 1;
      touchedRows[touchedCount++] = r;
    }
    for (const r of members[c]) {
      const b = basis[r];
      if (b === undefined || work[r] === 0) continue;
      const f = work[r];
      work[r] = 0;
      for (let e = 0; e < b.n; e++) {
        const row = b.idx[e];
        if (row === r) continue;
        const next = work[row] - f * b.val[e];
        if (!listed[row]) {
          listed[row] = 1;
          touchedRows[touchedCount++] = row;
        }
        work[row] = Math.abs(next) < EPS ? 0 : next;
      }
    }
    // gather the entries (ascending) and clear the accumulator
    const rowsHeld = touchedRows.subarray(0, touchedCount).sort();
    let size = 0;
    for (let k = 0; k < touchedCount; k++) if (work[rowsHeld[k]] !== 0) size++;
    const v = new SparseVec(new Int32Array(size), new Float64Array(size), size);
    let n = 0;
    for (let k = 0; k < touchedCount; k++) {
      const row = rowsHeld[k];
      if (work[row] !== 0) {
        v.idx[n] = row;
        v.val[n++] = work[row];
      }
      listed[row] = 0;
      work[row] = 0;
    }
    if (size === 0) continue; // already derivable: publishing it reveals nothing new
    // pivot: the row whose elimination touches the fewest stored vectors (least fill-in), then
    // the row least likely to be published on its own later
    let pivot = -1;
    let bestFill = Infinity;
    let best = -Infinity;
    for (let e = 0; e < size; e++) {
      const row = v.idx[e];
      const fill = basisIndex.size(row) + primaryIndex.size(row);
      const rank = pivotRank(row);
      if (fill < bestFill || (fill === bestFill && (rank > best || (rank === best && row < pivot)))) {
        bestFill = fill;
        best = rank;
        pivot = row;
      }
    }
    const scale = v.get(pivot);
    if (scale !== 1) for (let e = 0; e < size; e++) v.val[e] /= scale;

    const touched = primaryIndex.ids(pivot);
    const reveals = touched.some((p) => proportional(residual[p], v, pivot));
    if (reveals) {
      suppressed[c] = true;
      continue;
    }
    for (const p of touched) {
      const res = residual[p];
      axpy(res, -res.get(pivot), v, primaryIndex, p, pivot);
    }
    for (const q of basisIndex.ids(pivot)) {
      const b = basis[q]!;
      axpy(b, -b.get(pivot), v, basisIndex, q, pivot);
    }
    // no vector holds the pivot any more, nor will: every later candidate is reduced on it
    primaryIndex.drop(pivot);
    basisIndex.drop(pivot);
    basis[pivot] = v;
    for (let e = 0; e < size; e++) if (v.idx[e] !== pivot) basisIndex.add(v.idx[e], pivot);
  }
  return suppressed;
}
