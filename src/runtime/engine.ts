/**
 * The part of the protection engine (src/protect/) the publication stages call, behind one small
 * interface so a stage can be exercised with the real engine or, in a unit test, with a stand-in.
 * Two implementations: `protectionEngine` runs the method in this thread, on HiGHS; `pooledEngine`
 * on worker threads (protect-pool.ts), each with its own HiGHS. Same results to the byte.
 */
import type { ProtectedTableWithStats } from '../protect/protected-table.ts';
import * as protection from '../protect/index.ts';
import type { StartOption } from '../protect/index.ts';
import type { AuditReport, Cell, Contribution, DimensionSpec, ProtectSpec, RuleSet } from '../protect/types.ts';
import { auditMessages } from '../indicators/messages.ts';
import { useHighs } from './highs.ts';
import type { EnginePool } from './protect-pool.ts';

export interface LinkedTables {
  dimensions: readonly DimensionSpec[];
  tables: readonly { id: string; dimensions: readonly string[] }[];
  contributor: string;
  rules: RuleSet;
  /** services that agreed to the publication of their own figures (see `ProtectSpec.consent`) */
  consent?: readonly string[];
}

export interface Verdict {
  ok: boolean;
  /** French summary of the failed checks (empty when ok) */
  detail: string;
}

export interface Engine {
  /** `options.start`: see `ProtectOptions.start` (the follow-up cohorts' cubes start from elimination) */
  protect(spec: ProtectSpec, contributions: readonly Contribution[], options?: StartOption): Promise<ProtectedTableWithStats>;
  audit(spec: ProtectSpec, contributions: readonly Contribution[], cells: readonly Cell[]): Promise<Verdict>;
  protectLinked(spec: LinkedTables, contributions: Readonly<Record<string, readonly Contribution[]>>): Promise<Record<string, ProtectedTableWithStats>>;
  auditLinked(
    spec: LinkedTables,
    contributions: Readonly<Record<string, readonly Contribution[]>>,
    cells: Readonly<Record<string, readonly Cell[]>>,
  ): Promise<Verdict>;
}

/** First few failed checks of an audit report, in French. */
function detail(report: Pick<AuditReport, 'failures'>): string {
  const shown = report.failures.slice(0, 5).map(auditMessages.failure);
  if (report.failures.length > shown.length) shown.push(auditMessages.more(report.failures.length - shown.length));
  return shown.join(' ; ');
}

const verdict = (report: Pick<AuditReport, 'ok' | 'failures'>): Verdict => ({ ok: report.ok, detail: report.ok ? '' : detail(report) });

/** The real engine of src/protect/, in this thread, on HiGHS (installed at the first call). */
export const protectionEngine: Engine = {
  protect: (spec, contributions, options) => (useHighs(), protection.protect(spec, contributions, options)),
  audit: async (spec, contributions, cells) => (useHighs(), verdict(await protection.audit(spec, contributions, cells))),
  protectLinked: async (spec, contributions) => (useHighs(), (await protection.protectLinked(spec, contributions)).tables),
  auditLinked: async (spec, contributions, cells) => (useHighs(), verdict(await protection.auditLinked(spec, contributions, cells))),
};

/** The same engine on worker threads (`openPool`): independent tables are protected side by side. */
export function pooledEngine(pool: EnginePool): Engine {
  return {
    protect: (spec, contributions, options) => pool.protect(spec, contributions, options),
    audit: async (spec, contributions, cells) => verdict(await pool.audit(spec, contributions, cells)),
    protectLinked: async (spec, contributions) => (await pool.protectLinked(spec, contributions)).tables,
    auditLinked: async (spec, contributions, cells) => verdict(await pool.auditLinked(spec, contributions, cells)),
  };
}
