/**
 * Primary rules. Each rule is a small function with one signature, `(cells, params) → boolean[]`
 * (true: the cell is unsafe), and the rules of a `RuleSet` are combined by OR (STYLE §5).
 * Margins are cells like any other; a cell without contributor is a published zero and never reaches
 * these functions.
 *
 * @example
 *   primaryFlags([{ value: 3, contributors: 1, top: [3] }], { minFrequency: 3 }); // [true]
 */
import type { RuleSet } from './types.ts';

/** What the rules see of a cell: its value, its distinct contributors, its largest contributions. */
export interface CellFacts {
  value: number;
  contributors: number;
  /** largest contributor totals, descending */
  top: readonly number[];
}

export type Rule<P> = (cells: readonly CellFacts[], params: P) => boolean[];

/** Fewer than k distinct contributors (and at least one). */
export const minFrequency: Rule<number> = (cells, k) => cells.map((c) => c.contributors >= 1 && c.contributors < k);

/** Value > 0 and < t: small counts of people. */
export const minValue: Rule<number> = (cells, t) => cells.map((c) => c.value > 0 && c.value < t);

/** The n largest contributions exceed k % of the value. */
export const dominance: Rule<{ n: number; k: number }> = (cells, { n, k }) =>
  cells.map((c) => c.value > 0 && c.top.slice(0, n).reduce((s, v) => s + v, 0) > (k / 100) * c.value);

/** Value − largest − second largest < p % of the largest: the second contributor could estimate the first too closely. */
export const pPercent: Rule<number> = (cells, p) =>
  cells.map((c) => {
    const first = c.top[0] ?? 0;
    return first > 0 && c.value - first - (c.top[1] ?? 0) < (p / 100) * first;
  });

/** How many of the largest contributions the rules need per cell. */
export function topNeeded(rules: RuleSet): number {
  return Math.max(2, rules.dominance?.n ?? 0);
}

/** OR of every rule present in the set. */
export function primaryFlags(cells: readonly CellFacts[], rules: RuleSet): boolean[] {
  const flags = cells.map(() => false);
  const apply = (hit: boolean[]) => hit.forEach((h, i) => (flags[i] ||= h));
  if (rules.minFrequency !== undefined) apply(minFrequency(cells, rules.minFrequency));
  if (rules.minValue !== undefined) apply(minValue(cells, rules.minValue));
  if (rules.dominance !== undefined) apply(dominance(cells, rules.dominance));
  if (rules.pPercent !== undefined) apply(pPercent(cells, rules.pPercent));
  return flags;
}

/** The half-width the attacker's interval must keep on each side of a primary cell of value v. */
export function protectionMargin(value: number, rules: RuleSet): number {
  return Math.max(1, ((rules.protectionPercent ?? 0) / 100) * value);
}
