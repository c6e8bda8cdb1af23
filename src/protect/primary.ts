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
  /**
   * the same facts over the contributors that did not consent to the publication of their figures
   * (absent: nobody consented)
   */
  open?: Omit<CellFacts, 'open'>;
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

export type RuleName = 'minFrequency' | 'minValue' | 'dominance' | 'pPercent';

/** Rules on contributors (services), which a contributor's consent can lift; minValue counts persons. */
export const BUSINESS_RULES: readonly RuleName[] = ['minFrequency', 'dominance', 'pPercent'];

/** Whether the rule set has a business rule (minimum number of contributors, dominance or p %). */
export const businessRules = (rules: RuleSet): boolean => BUSINESS_RULES.some((r) => rules[r] !== undefined);

/** Why a cell is (or is not) primary: the rules that fired, and those lifted by consents. */
export interface RuleEvidence {
  fired: RuleName[];
  /**
   * business rules that fired but pass on the contributors that did not consent, the consenting
   * contributions known to everyone (every contributor consented, or the others pass on their own)
   */
  lifted: RuleName[];
}

function apply(name: RuleName, cells: readonly Omit<CellFacts, 'open'>[], rules: RuleSet): boolean[] | undefined {
  if (name === 'minFrequency' && rules.minFrequency !== undefined) return minFrequency(cells, rules.minFrequency);
  if (name === 'minValue' && rules.minValue !== undefined) return minValue(cells, rules.minValue);
  if (name === 'dominance' && rules.dominance !== undefined) return dominance(cells, rules.dominance);
  if (name === 'pPercent' && rules.pPercent !== undefined) return pPercent(cells, rules.pPercent);
  return undefined;
}

/**
 * Every rule present in the set, with its verdict on the whole cell and, for a business rule, on
 * the contributors that did not consent.
 *
 * @example
 *   // two services, one consenting: the other would be exposed by subtraction, nothing is lifted
 *   primaryEvidence([{ value: 9, contributors: 2, top: [5, 4], open: { value: 4, contributors: 1, top: [4] } }], { minFrequency: 3 });
 *   // [{ fired: ['minFrequency'], lifted: [] }]
 */
export function primaryEvidence(cells: readonly CellFacts[], rules: RuleSet): RuleEvidence[] {
  const out: RuleEvidence[] = cells.map(() => ({ fired: [], lifted: [] }));
  const opened = cells.map((c) => c.open ?? c);
  for (const name of ['minFrequency', 'minValue', 'dominance', 'pPercent'] as const) {
    const hit = apply(name, cells, rules);
    if (!hit) continue;
    const openHit = BUSINESS_RULES.includes(name) ? apply(name, opened, rules)! : hit;
    hit.forEach((h, i) => {
      if (!h) return;
      out[i].fired.push(name);
      if (!openHit[i]) out[i].lifted.push(name);
    });
  }
  return out;
}

/** OR of every rule present in the set that no consent lifts. */
export function primaryFlags(cells: readonly CellFacts[], rules: RuleSet): boolean[] {
  return primaryEvidence(cells, rules).map((e) => e.fired.length > e.lifted.length);
}

/** The half-width the attacker's interval must keep on each side of a primary cell of value v. */
export function protectionMargin(value: number, rules: RuleSet): number {
  return Math.max(1, ((rules.protectionPercent ?? 0) / 100) * value);
}
