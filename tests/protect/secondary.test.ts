/**
 * The Gaussian elimination, checked against plain linear algebra on random 0/1 tables: a dense
 * rank computation, written here independently of the engine's sparse one, decides what the
 * published cells let an attacker derive.
 */
import { describe, expect, it } from '@jest/globals';
import { gaussSuppress } from '../../src/protect/secondary.ts';
import { createRng } from '../../src/sample/prng.ts';

/** Rank of a set of 0/1 columns over `rows` rows (dense elimination with partial pivoting). */
function rank(columns: readonly Int32Array[], rows: number): number {
  const m = columns.map((col) => {
    const dense = new Float64Array(rows);
    for (const r of col) dense[r] = 1;
    return dense;
  });
  let r = 0;
  for (let row = 0; row < rows && r < m.length; row++) {
    let best = r;
    for (let k = r; k < m.length; k++) if (Math.abs(m[k][row]) > Math.abs(m[best][row])) best = k;
    if (Math.abs(m[best][row]) < 1e-9) continue;
    [m[r], m[best]] = [m[best], m[r]];
    for (let k = r + 1; k < m.length; k++) {
      const f = m[k][row] / m[r][row];
      if (f !== 0) for (let j = row; j < rows; j++) m[k][j] -= f * m[r][j];
    }
    r++;
  }
  return r;
}

/** Whether `column` is a combination of `published` (an attacker derives it). */
function derivable(column: Int32Array, published: readonly Int32Array[], rows: number): boolean {
  return rank([...published, column], rows) === rank(published, rows);
}

/**
 * A random table: `rows` inner cells, each published alone, and sums over random groups of them
 * (the margins of a hierarchy), some primary.
 */
function randomTable(seed: number) {
  const rng = createRng(seed);
  const rows = rng.int(4, 14);
  const members: Int32Array[] = Array.from({ length: rows }, (_, r) => Int32Array.of(r));
  for (let k = rng.int(2, 12); k > 0; k--) {
    const group = Array.from({ length: rows }, (_, r) => r).filter(() => rng.chance(0.4));
    if (group.length > 1) members.push(Int32Array.from(group));
  }
  const primary = members.map(() => rng.chance(0.2));
  const order = members.map((_, c) => c).filter((c) => !primary[c]);
  for (let i = order.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [order[i], order[j]] = [order[j], order[i]];
  }
  const rankOf = Array.from({ length: rows }, () => rng.int(0, 5));
  return { rows, members, primary, order, pivotRank: (row: number) => rankOf[row] };
}

/** Random tables 1 to 300, each eliminated: its cells, primary flags, suppressions, published cells. */
function* eliminated() {
  for (let seed = 1; seed <= 300; seed++) {
    const { rows, members, primary, order, pivotRank } = randomTable(seed);
    const suppressed = gaussSuppress(members, primary, order, pivotRank);
    yield { rows, members, primary, suppressed, published: members.filter((_, c) => !suppressed[c]) };
  }
}

describe('gaussSuppress', () => {
  it('leaves no primary cell derivable from the published cells', () => {
    let checked = 0;
    for (const { rows, members, primary, suppressed, published } of eliminated()) {
      members.forEach((m, c) => {
        if (!primary[c]) return;
        expect(suppressed[c]).toBe(true);
        expect(derivable(m, published, rows)).toBe(false);
        checked++;
      });
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('suppresses no cell that could be published on its own', () => {
    // every secondary cell, published in addition to what is published, would reveal a primary
    let secondaries = 0;
    for (const { rows, members, primary, suppressed, published } of eliminated()) {
      members.forEach((m, c) => {
        if (primary[c] || !suppressed[c]) return;
        secondaries++;
        const more = [...published, m];
        expect(members.some((p, q) => primary[q] && derivable(p, more, rows))).toBe(true);
      });
    }
    expect(secondaries).toBeGreaterThan(50);
  });

  it('publishes everything when no cell is primary', () => {
    const { members, pivotRank } = randomTable(7);
    const none = members.map(() => false);
    expect(gaussSuppress(members, none, members.map((_, c) => c), pivotRank).some(Boolean)).toBe(false);
  });
});
