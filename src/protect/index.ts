/**
 * The protection engine (pure: typed tables in, `ProtectedTable` out, no I/O), on the LP solver
 * the runtime installs (`useSolver`; HiGHS: src/runtime/highs.ts).
 *
 * @example
 *   const spec = parseSpec(specJson);
 *   const { contributions } = parseContributions(csvText, spec);
 *   const table = await protect(spec, contributions);
 *   formatCells(table, spec); // CELLS.csv text
 */
export { protect, protectLinked, type LinkedResult, type ProtectOptions } from './protect.ts';
export { audit, auditLinked, type AuditOptions } from './audit.ts';
export { useSolver, type LpSolver } from './solver.ts';
export { parseSpec, parseContributions, parseCells, formatCells, formatContributions } from './contract.ts';
export type { ProtectedTable, ProtectedTableWithStats } from './protected-table.ts';
export type * from './types.ts';
