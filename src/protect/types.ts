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
  /**
   * contributors that agreed to the publication of their own figures (law of 7 June 1951): the
   * business rules (minFrequency, dominance, pPercent) treat their contributions as known to
   * everyone; minValue (counts of persons) ignores consent. See primary.ts.
   */
  consent?: readonly string[];
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

/** One table of a linked set: a subset of the common dimensions (the others stand at their total). */
export interface LinkedTableSpec {
  id: string;
  /** dimension names, a subset of `LinkedSpec.dimensions`, in the order of this table's codes */
  dimensions: readonly string[];
}

/**
 * Several tables over subsets of common dimensions, protected jointly: a cell shared by two tables
 * has one status everywhere and no suppressed value can be recovered by combining the tables.
 */
export interface LinkedSpec {
  dimensions: readonly DimensionSpec[];
  tables: readonly LinkedTableSpec[];
  /** name of the contributor column, for documentation only (contributions already carry it) */
  contributor?: string;
  rules: RuleSet;
  /**
   * contributors that agreed to the publication of their own figures (law of 7 June 1951): the
   * business rules (minFrequency, dominance, pPercent) treat their contributions as known to
   * everyone; minValue (counts of persons) ignores consent. See primary.ts.
   */
  consent?: readonly string[];
}

/** What the engine did, for the publication's notes and the benchmarks. */
export interface ProtectStats {
  /** distinct published cells (a cell shared by linked tables counts once) */
  cells: number;
  primary: number;
  secondary: number;
  /** LP audit rounds run by the suppression loop */
  auditRounds: number;
  /**
   * the last round proved requirements A and B for every primary cell, and C for every insider
   * where C applies (false only if the round cap was hit)
   */
  proven: boolean;
  /**
   * business rules, tables of up to `START_MAX_CELLS` cells: no pattern that passes the audit has
   * fewer secondary cells than this (start.ts, `fewestSecondary`)
   */
  secondaryBound?: number;
}

/** One failed check of the audit, on one primary (`u`) cell. */
export interface AuditFailure {
  table: string;
  codes: readonly Code[];
  value: number;
  /**
   * A, B: requirement failed; C: an insider derives the cell (see `insider`); status: an unsafe
   * cell is published; value: wrong value; missing: cell absent
   */
  check: 'A' | 'B' | 'C' | 'status' | 'value' | 'missing';
  /**
   * C: the contributor that derives the cell (audit trail only: never written to a public file),
   * the suppressed cells it alone makes up, and whether it derives the cell exactly (otherwise it
   * puts it inside requirement A's interval)
   */
  insider?: { contributor: string; knows: number; exact: boolean };
  /** true value (check `value`) */
  expected?: number;
  /** attacker's interval found by the LP (A, B) */
  lo?: number;
  hi?: number;
  /** required bounds (A): lo ≤ requiredLo and hi ≥ requiredHi */
  requiredLo?: number;
  requiredHi?: number;
}

export interface AuditReport {
  ok: boolean;
  /** primary cells checked */
  checked: number;
  /** true when requirement B applied (integer table, no suppressed zero) */
  zerosKnown: boolean;
  /** contributors that alone make up a suppressed cell, each checked as an insider (requirement C) */
  insiders: number;
  /** false when a count table is too large for requirement C to be checked (see `INSIDER_MAX_CELLS`) */
  insiderChecked: boolean;
  failures: AuditFailure[];
  /** attacker's interval of every suppressed cell (`u` and `x`), in table order; computed on first read */
  intervals: { table: string; codes: readonly Code[]; value: number; status: CellStatus; lo: number; hi: number }[];
}
