/**
 * The protection engine (pure: typed tables in, `ProtectedTable` out, no I/O).
 *
 * @example
 *   const spec = parseSpec(specJson);
 *   const { contributions } = parseContributions(csvText, spec);
 *   const table = await protect(spec, contributions);
 *   formatCells(table, spec); // CELLS.csv text
 */
export { protect, protectLinked, type LinkedResult, type ProtectOptions } from './protect.ts';
export { audit, auditLinked, type AuditOptions } from './audit.ts';
export { preloadHighs } from './lp.ts';
export { openPool, type AuditVerdict, type EnginePool } from './pool.ts';
export { parseSpec, parseContributions, parseCells, formatCells, formatContributions } from './contract.ts';
export type { ProtectedTable, ProtectedTableWithStats } from './protected-table.ts';
export type * from './types.ts';
