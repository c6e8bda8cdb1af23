/**
 * The part of the protection engine (src/protect/) the publication stage calls, behind one small
 * interface so the stage can be exercised with the real engine or, in a unit test, with a stand-in.
 */
import type { ProtectedTable } from '../protect/protected-table.ts';
import type { Cell, Contribution, DimensionSpec, ProtectSpec, RuleSet } from '../protect/types.ts';

export interface LinkedTables {
  dimensions: readonly DimensionSpec[];
  tables: readonly { id: string; dimensions: readonly string[] }[];
  contributor: string;
  rules: RuleSet;
}

export interface Verdict {
  ok: boolean;
  /** French summary of the failed checks (empty when ok) */
  detail: string;
}

export interface Engine {
  protect(spec: ProtectSpec, contributions: readonly Contribution[]): Promise<ProtectedTable>;
  audit(spec: ProtectSpec, contributions: readonly Contribution[], cells: readonly Cell[]): Promise<Verdict>;
  protectLinked(spec: LinkedTables, contributions: Readonly<Record<string, readonly Contribution[]>>): Promise<Record<string, ProtectedTable>>;
  auditLinked(
    spec: LinkedTables,
    contributions: Readonly<Record<string, readonly Contribution[]>>,
    cells: Readonly<Record<string, readonly Cell[]>>,
  ): Promise<Verdict>;
  /** CELLS.csv text of the `mfer protect` contract */
  formatCells(table: ProtectedTable, spec: ProtectSpec): string;
}
