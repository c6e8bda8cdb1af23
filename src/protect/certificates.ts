/**
 * Proofs of requirements A and B without an LP, for primary cells that are inner cells of a cube of
 * two dimensions: a rectangle of four suppressed inner cells (a, b), (a, b′), (a′, b), (a′, b′),
 * where a and a′ are leaves with the same parents in every hierarchy of their dimension (two
 * departments of the same region and the same court) and b, b′ the same in the other dimension (two
 * categories). Moving +t, −t, −t, +t around it changes no published cell: every aggregate holding
 * one corner holds the corner beside it with the opposite sign. So the true values moved that way
 * are a point the attacker cannot rule out, as long as no corner goes below its floor (0, or 1 for
 * B). Several rectangles through the same cell add up, each corner's decrease counted against its
 * value.
 *
 * A cube of three dimensions or more gets no proof here: the margin over a third dimension of one
 * corner, (a, b, total), holds that corner alone, so the move changes a published cell. (Before this
 * was seen — by fuzzing `mfer protect` on three dimensions — such a "proof" let a primary cell pass
 * the protection and the audit with an interval narrower than required.) The LP proves them.
 *
 * A proof found here is the same kind of proof as an LP's point (see `CheckOptions.proven`); a
 * requirement it cannot prove goes to the LP as before.
 *
 * @example
 *   const certify = rectangles(cube, suppressed);
 *   certify(cell, 2, 'hi', 0); // true: the cell can go up by 2 with every suppressed cell ≥ 0
 */
import { cubeKeys, keyOf, type Cube } from './cube.ts';

/**
 * `(cell, amount, direction, floor)`: whether some rectangles move `cell` by `amount` up ('hi') or
 * down ('lo') keeping every corner ≥ `floor`. False for a cell that is not a suppressed inner cell.
 */
export type Certify = (cell: number, amount: number, direction: 'hi' | 'lo', floor: number) => boolean;

const EPS = 1e-9;

export function rectangles(cube: Cube, suppressed: readonly boolean[]): Certify {
  if (cube.dims.length !== 2) return () => false;
  const keys = cubeKeys(cube.dims);
  const { stride } = keys;
  // sibling group of every leaf code: leaves with the same strict ancestors in every hierarchy
  const group = cube.dims.map((dim) => {
    const ids = new Map<string, number>();
    return dim.codes.map((_, k) => {
      if (!dim.isLeaf[k]) return -1;
      const key = dim.ancestors[k].filter((a) => a !== k).join(',');
      let id = ids.get(key);
      if (id === undefined) ids.set(key, (id = ids.size));
      return id;
    });
  });
  // suppressed inner cells: by key, and by line (every code fixed but one dimension's, which is
  // replaced by its sibling group: a group number is below the dimension's code count, so the line
  // key is a key of the same cube, never shared by two lines)
  const cellAt = new Map<number, number>();
  const lines = [new Map<number, number[]>(), new Map<number, number[]>()];
  const lineKey = (codes: readonly number[], d: number) => keyOf(keys, codes) + (group[d][codes[d]] - codes[d]) * stride[d];
  cube.cells.forEach((cell, c) => {
    if (!suppressed[c] || cell.members.length !== 1 || cell.codes.some((k, d) => group[d][k] < 0)) return;
    cellAt.set(keyOf(keys, cell.codes), c);
    for (let d = 0; d < 2; d++) {
      const k = lineKey(cell.codes, d);
      const list = lines[d].get(k);
      if (list) list.push(c);
      else lines[d].set(k, [c]);
    }
  });

  return (target, amount, direction, floor) => {
    const codes = cube.cells[target].codes;
    const key = keyOf(keys, codes);
    if (cellAt.get(key) !== target) return false;
    if (amount <= EPS) return true;
    const used = new Map<number, number>(); // corner → decrease taken so far
    const room = (c: number) => cube.cells[c].value - floor - (used.get(c) ?? 0);
    let left = amount;
    // (a′, b): same line as the target along dimension 0; (a, b′): along dimension 1
    for (const across of lines[0].get(lineKey(codes, 0)) ?? []) {
      if (across === target) continue;
      for (const along of lines[1].get(lineKey(codes, 1)) ?? []) {
        if (along === target) continue;
        const opposite = cellAt.get(key + (cube.cells[across].codes[0] - codes[0]) * stride[0] + (cube.cells[along].codes[1] - codes[1]) * stride[1]);
        if (opposite === undefined) continue;
        // up: the two neighbours go down; down: the target and the opposite corner go down
        const [f1, f2] = direction === 'hi' ? [across, along] : [target, opposite];
        const t = Math.min(left, room(f1), room(f2));
        if (t <= EPS) continue;
        used.set(f1, (used.get(f1) ?? 0) + t);
        used.set(f2, (used.get(f2) ?? 0) + t);
        left -= t;
        if (left <= EPS) return true;
      }
    }
    return false;
  };
}
