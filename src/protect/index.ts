/**
 * The protection engine (pure: typed tables in, `ProtectedTable` out, no I/O), on the LP solver
 * the runtime installs (`useSolver`; HiGHS: src/runtime/highs.ts).
 *
 * Its files (SPEC.json, CONTRIB.csv, CELLS.csv) are read and written in src/format/.
 *
 * @example
 *   const table = await protect(spec, contributions);
 *   table.cells.filter((c) => c.status !== 's').length; // cells withheld
 */
export { protect, protectLinked, type LinkedResult, type ProtectOptions, type StartOption } from './protect.ts';
export { audit, auditLinked, type AuditOptions } from './audit.ts';
export { useSolver, type LpSolver } from './solver.ts';
export type { ProtectedTable, ProtectedTableWithStats } from './protected-table.ts';
export type * from './types.ts';
