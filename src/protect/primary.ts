/**
 * Primary rules, as a registry (`PRIMARY_RULES`): each rule is an entry of one shape, whose `test`
 * has one signature, `(cell, rule set) → verdict | undefined` — undefined when the rule is absent
 * from the set or passes, otherwise which rule fired and whether consents lifted it (as
 * GaussSuppression's rule functions return their evidence with their verdict). The rules present in
 * a `RuleSet` are combined by OR (STYLE §5). Margins are cells like any other; a cell without
 * contributor is a published zero and never reaches these functions.
 *
 * @example
 *   primaryFlags([{ value: 3, contributors: 1, top: [3] }], { minFrequency: 3 }); // [true]
 *   primaryEvidence([{ value: 3, contributors: 1, top: [3] }], { minFrequency: 3 });
 *   // [{ fired: ['minFrequency'], lifted: [], contributors: 1, topShare: 1 }]
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
   * (absent: nobody consented): this is how a cell's consents reach the rules
   */
  open?: Omit<CellFacts, 'open'>;
}

type Facts = Omit<CellFacts, 'open'>;

export type RuleName = 'minFrequency' | 'minValue' | 'dominance' | 'pPercent';

/** One rule's verdict on a cell where it fired. */
export interface RuleVerdict {
  rule: RuleName;
  /**
   * a business rule that passes on the contributors that did not consent, the consenting
   * contributions known to everyone (every contributor consented, or the others pass on their own)
   */
  lifted: boolean;
}

export interface PrimaryRule {
  name: RuleName;
  /** a rule on contributors (services), which a contributor's consent can lift; minValue counts persons */
  business: boolean;
  /** the verdict on one cell: undefined when the rule is absent from the set or passes */
  test: (cell: CellFacts, rules: RuleSet) => RuleVerdict | undefined;
}

/** A registry entry from the rule's parameter in a set and its test on a cell's facts. */
function primaryRule<P>(name: RuleName, business: boolean, param: (rules: RuleSet) => P | undefined, unsafe: (cell: Facts, p: P) => boolean): PrimaryRule {
  return {
    name,
    business,
    test: (cell, rules) => {
      const p = param(rules);
      if (p === undefined || !unsafe(cell, p)) return undefined;
      return { rule: name, lifted: business && !unsafe(cell.open ?? cell, p) };
    },
  };
}

/** Fewer than k distinct contributors (and at least one). */
const fewContributors = (c: Facts, k: number) => c.contributors >= 1 && c.contributors < k;
/** Value > 0 and < t: small counts of people. */
const smallValue = (c: Facts, t: number) => c.value > 0 && c.value < t;
/** The n largest contributions exceed k % of the value. */
const dominated = (c: Facts, { n, k }: { n: number; k: number }) => c.value > 0 && c.top.slice(0, n).reduce((s, v) => s + v, 0) > (k / 100) * c.value;
/** Value − largest − second largest < p % of the largest: the second contributor could estimate the first too closely. */
const closeEstimate = (c: Facts, p: number) => {
  const first = c.top[0] ?? 0;
  return first > 0 && c.value - first - (c.top[1] ?? 0) < (p / 100) * first;
};

/**
 * Every primary rule, in the order the audit trail lists them (`rules` column of `cells.csv`).
 * `docs/methodology.md` and the published methodology describe each one from the same names.
 */
export const PRIMARY_RULES: readonly PrimaryRule[] = [
  primaryRule('minFrequency', true, (r) => r.minFrequency, fewContributors),
  primaryRule('minValue', false, (r) => r.minValue, smallValue),
  primaryRule('dominance', true, (r) => r.dominance, dominated),
  primaryRule('pPercent', true, (r) => r.pPercent, closeEstimate),
];

/** A rule over a list of cells (true: the cell is unsafe), for one rule alone. */
export type Rule<P> = (cells: readonly CellFacts[], params: P) => boolean[];

export const minFrequency: Rule<number> = (cells, k) => cells.map((c) => fewContributors(c, k));
export const minValue: Rule<number> = (cells, t) => cells.map((c) => smallValue(c, t));
export const dominance: Rule<{ n: number; k: number }> = (cells, d) => cells.map((c) => dominated(c, d));
export const pPercent: Rule<number> = (cells, p) => cells.map((c) => closeEstimate(c, p));

/** How many of the largest contributions the rules need per cell. */
export function topNeeded(rules: RuleSet): number {
  return Math.max(2, rules.dominance?.n ?? 0);
}

/** Rules on contributors (services), which a contributor's consent can lift; minValue counts persons. */
export const BUSINESS_RULES: readonly RuleName[] = PRIMARY_RULES.filter((r) => r.business).map((r) => r.name);

/** Whether the rule set has a business rule (minimum number of contributors, dominance or p %). */
export const businessRules = (rules: RuleSet): boolean => BUSINESS_RULES.some((r) => rules[r] !== undefined);

/** Whether the rule set has any primary rule: without one, no cell of its tables is ever withheld. */
export const hasPrimaryRule = (rules: RuleSet): boolean => PRIMARY_RULES.some((r) => rules[r.name] !== undefined);

/** Why a cell is (or is not) primary: the rules that fired, those lifted by consents, and the facts they read. */
export interface RuleEvidence {
  /** rules that fired on the whole cell, in registry order */
  fired: RuleName[];
  /** business rules among them that the consents lifted (see `RuleVerdict.lifted`) */
  lifted: RuleName[];
  /** distinct contributors of the cell */
  contributors: number;
  /** largest contribution / value (0 for a zero cell) */
  topShare: number;
}

/**
 * Every registry rule's verdict on each cell, gathered.
 *
 * @example
 *   // two services, one consenting: the other would be exposed by subtraction, nothing is lifted
 *   primaryEvidence([{ value: 9, contributors: 2, top: [5, 4], open: { value: 4, contributors: 1, top: [4] } }], { minFrequency: 3 });
 *   // [{ fired: ['minFrequency'], lifted: [], contributors: 2, topShare: 0.5555555555555556 }]
 */
export function primaryEvidence(cells: readonly CellFacts[], rules: RuleSet): RuleEvidence[] {
  return cells.map((cell) => {
    const fired: RuleName[] = [];
    const lifted: RuleName[] = [];
    for (const rule of PRIMARY_RULES) {
      const verdict = rule.test(cell, rules);
      if (verdict === undefined) continue;
      fired.push(verdict.rule);
      if (verdict.lifted) lifted.push(verdict.rule);
    }
    return { fired, lifted, contributors: cell.contributors, topShare: cell.value > 0 ? (cell.top[0] ?? 0) / cell.value : 0 };
  });
}

/** OR of every registry rule that fires and that no consent lifts. */
export function primaryFlags(cells: readonly CellFacts[], rules: RuleSet): boolean[] {
  const present = PRIMARY_RULES.filter((r) => rules[r.name] !== undefined);
  return cells.map((cell) => present.some((rule) => {
    const verdict = rule.test(cell, rules);
    return verdict !== undefined && !verdict.lifted;
  }));
}

/** The half-width the attacker's interval must keep on each side of a primary cell of value v. */
export function protectionMargin(value: number, rules: RuleSet): number {
  return Math.max(1, ((rules.protectionPercent ?? 0) / 100) * value);
}
