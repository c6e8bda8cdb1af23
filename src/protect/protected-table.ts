/**
 * `ProtectedTable` is the only kind of table a renderer accepts. It is branded: the brand symbol is
 * not exported outside `src/protect/`, so a table can become a `ProtectedTable` only through
 * `protect()`, `protectLinked()` or `derive()` (a test checks no other module imports `sealProtected`).
 * Publishing an unprotected table is then a compile error, not a review comment.
 */
import type { Cell, ProtectStats } from './types.ts';

declare const protectedBrand: unique symbol;

export interface ProtectedTable {
  readonly [protectedBrand]: true;
  /** dimension names, in the order of every cell's `codes` */
  readonly dimensions: readonly string[];
  readonly cells: readonly Cell[];
}

/** Internal to src/protect: brands cells whose statuses were set by the engine. */
export function sealProtected(dimensions: readonly string[], cells: readonly Cell[]): ProtectedTable {
  return Object.freeze({ dimensions: Object.freeze([...dimensions]), cells: Object.freeze(cells) }) as unknown as ProtectedTable;
}

/** A protected table plus what the engine did on it (added fields never replace `dimensions`/`cells`). */
export interface ProtectedTableWithStats extends ProtectedTable {
  readonly stats: ProtectStats;
}

/** Internal to src/protect: brands cells and attaches the engine's counts. */
export function sealProtectedWithStats(
  dimensions: readonly string[],
  cells: readonly Cell[],
  stats: ProtectStats,
): ProtectedTableWithStats {
  return Object.freeze({ dimensions: Object.freeze([...dimensions]), cells: Object.freeze(cells), stats: Object.freeze({ ...stats }) }) as unknown as ProtectedTableWithStats;
}
