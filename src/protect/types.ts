/**
 * Public types of the protection engine (pure: no I/O). The JSON/CSV contract of
 * `mfer protect` / `mfer audit` maps one-to-one onto these types.
 */

export type Code = string;
/** child → parent, ending at the dimension's total */
export type Hierarchy = Readonly<Record<Code, Code>>;

export interface DimensionSpec {
  name: string;
  total: Code;
  hierarchies: Readonly<Record<string, Hierarchy>>;
}

export interface RuleSet {
  /** unsafe when value > 0 and value < minValue (small counts of people) */
  minValue?: number;
  /** unsafe when 1 ≤ distinct contributors < minFrequency */
  minFrequency?: number;
  /** unsafe when the n largest contributions exceed k % of the value */
  dominance?: { n: number; k: number };
  /** unsafe when value − largest − second < p % of largest */
  pPercent?: number;
  /** width the attacker's interval must keep around a primary cell, in % of its value (min 1) */
  protectionPercent?: number;
}

export interface ProtectSpec {
  dimensions: readonly DimensionSpec[];
  /** name of the contributor column */
  contributor: string;
  /** name of the value column; absent: each row counts 1 */
  value?: string;
  rules: RuleSet;
}

/** One input row: a leaf code per dimension (in spec order), a contributor, a value. */
export interface Contribution {
  codes: readonly Code[];
  contributor: string;
  value: number;
}

/** s: published; u: primary suppression (a rule makes it unsafe); x: secondary suppression. */
export type CellStatus = 's' | 'u' | 'x';

export interface Cell {
  /** one code per dimension, in spec order (leaf, intermediate or total) */
  codes: readonly Code[];
  /** the true value, always kept: the `s` sign is written only when rendering */
  value: number;
  /** distinct contributors */
  contributors: number;
  status: CellStatus;
}
