/**
 * Attackers' points kept for reuse. A requirement is proven by one feasible point of the
 * attacker's model (see `CheckOptions.proven`); a point found for one view of the table (the
 * outside attacker's, or an insider's) is often feasible in another view too — an LP vertex moves
 * few inner cells, and a view differs from another only by which cells are published. So before
 * solving, each check first tries the points found so far: a point proves a requirement in a view
 * when it is checked, in full, to be a feasible point of that view's model.
 *
 * A point is kept as the cells whose sum it changes, and by how much; a point taking an inner cell
 * below 0 is not kept. It is feasible in a view when every cell it changes is withheld there and,
 * under B's bounds, stays ≥ 1 (cells it does not change keep their true values, which satisfy every
 * constraint but B's floor, checked on its own). This is the whole attacker's model of attacker.ts:
 * no proof is taken on trust from the view that found it.
 *
 * @example
 *   const witnesses = new Witnesses(cube, truth);
 *   // given to every check of the release pass: points found are added, and tried first
 *   await attack.failing(targets, 'A', { exact: true, witnesses });
 */
import type { AttackModel } from './attacker.ts';
import { EPS, exactKey, movesValue, reachesDown, reachesUp, type Check, type Target } from './check.ts';
import type { Cube } from './cube.ts';

/** Points kept: the most recent ones (a pattern that changes makes old points fail their check). */
const KEPT = 512;

/** A point, as the cells whose sum it changes (ascending) and by how much. */
interface Point {
  cells: Int32Array;
  change: Float64Array;
}

export class Witnesses {
  private readonly points: Point[] = [];
  /** inner cell → the cells holding it */
  private readonly holding: number[][];
  /** per cell, the sum of a point's changes being added, and whether it is in it */
  private readonly scratch: Float64Array;
  private readonly mark: Uint8Array;

  constructor(
    private readonly cube: Cube,
    private readonly truth: Float64Array,
  ) {
    this.scratch = new Float64Array(cube.cells.length);
    this.mark = new Uint8Array(cube.cells.length);
    this.holding = Array.from({ length: cube.innerCount }, () => []);
    cube.cells.forEach((cell, c) => {
      for (const i of cell.members) this.holding[i].push(c);
    });
  }

  /** Keeps the point `x` of component `comp` of `model` (its other unknowns at their true values). */
  add(model: AttackModel, comp: number, x: Float64Array): void {
    const inner = model.components[comp].inner;
    const sum = this.scratch;
    const touched: number[] = [];
    try {
      for (let j = 0; j < inner.length; j++) {
        const i = inner[j];
        const d = x[j] - this.truth[i];
        if (d === 0) continue;
        // every model bounds its unknowns at 0: a point below is not the attacker's
        if (this.truth[i] + d < -EPS * Math.max(1, Math.abs(this.truth[i]))) return;
        for (const c of this.holding[i]) {
          if (!this.mark[c]) {
            this.mark[c] = 1;
            touched.push(c);
          }
          sum[c] += d;
        }
      }
      const cells = touched.filter((c) => Math.abs(sum[c]) > EPS * Math.max(1, Math.abs(this.cube.cells[c].value))).sort((a, b) => a - b);
      if (cells.length === 0) return;
      this.points.push({ cells: Int32Array.from(cells), change: Float64Array.from(cells, (c) => sum[c]) });
      if (this.points.length > KEPT) this.points.shift();
    } finally {
      for (const c of touched) {
        sum[c] = 0;
        this.mark[c] = 0;
      }
    }
  }

  /**
   * Adds to `proven` what the kept points prove of `targets` under `check`, in the view where
   * `suppressed` cells are withheld (keys as in `CheckOptions.proven`).
   */
  prove(suppressed: readonly boolean[], check: Check, targets: readonly Target[], proven: Set<string>): void {
    if (this.points.length === 0 || targets.length === 0) return;
    const floors = check === 'B';
    // under B, cells the point does not change keep their true values: each must meet the floor
    if (floors && this.cube.cells.some((cell, c) => suppressed[c] && cell.value < 1 - EPS)) return;
    const keys = (t: Target): string[] => (check === 'A' ? [`${t.cell}:hi`, `${t.cell}:lo`] : [`${t.cell}:${exactKey(check)}`]);
    let open = targets.filter((t) => keys(t).some((k) => !proven.has(k)));
    for (let p = this.points.length - 1; p >= 0 && open.length > 0; p--) {
      const point = this.points[p];
      if (!this.feasible(point, suppressed, floors)) continue;
      for (const t of open) {
        const value = this.cube.cells[t.cell].value;
        const s = value + changeOf(point, t.cell);
        if (check === 'A') {
          if (reachesUp(s, t.needHi)) proven.add(`${t.cell}:hi`);
          if (reachesDown(s, t.needLo)) proven.add(`${t.cell}:lo`);
        } else if (movesValue(value, s)) proven.add(`${t.cell}:${exactKey(check)}`);
      }
      open = open.filter((t) => keys(t).some((k) => !proven.has(k)));
    }
  }

  /** A point is the view's when every cell it changes is withheld there (and, under B, stays ≥ 1). */
  private feasible(point: Point, suppressed: readonly boolean[], floors: boolean): boolean {
    for (let k = 0; k < point.cells.length; k++) {
      const c = point.cells[k];
      if (!suppressed[c]) return false;
      const value = this.cube.cells[c].value;
      if (floors && value + point.change[k] < 1 - EPS * Math.max(1, Math.abs(value))) return false;
    }
    return true;
  }
}

/** The point's change of cell `c` (0 when it does not change it). */
function changeOf(point: Point, c: number): number {
  let lo = 0;
  let hi = point.cells.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (point.cells[mid] === c) return point.change[mid];
    if (point.cells[mid] < c) lo = mid + 1;
    else hi = mid - 1;
  }
  return 0;
}
