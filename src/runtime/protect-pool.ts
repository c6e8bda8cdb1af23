/**
 * The protection engine on worker threads: `protect`, `protectLinked`, `audit` and `auditLinked`
 * run in a pool of workers, each with its own HiGHS, so independent tables are protected side by
 * side on a machine with several cores. Results are those of the same calls in-process (the
 * engine is deterministic and keeps no state between calls); tables come back sealed.
 *
 * @example
 *   const pool = openPool(2);
 *   try {
 *     const [a, b] = await Promise.all([pool.protect(specA, rowsA), pool.protect(specB, rowsB)]);
 *   } finally {
 *     await pool.close();
 *   }
 */
import { openWorkers } from './workers.ts';
import type { LinkedResult, StartOption } from '../protect/protect.ts';
import { workerClosed, workerStopped } from './messages.ts';
import { sealProtectedWithStats, type ProtectedTableWithStats } from '../protect/protected-table.ts';
import type { AuditReport, Cell, Contribution, LinkedSpec, ProtectSpec } from '../protect/types.ts';

/** An audit's outcome without its exact intervals (computed only on demand, in-process). */
export type AuditVerdict = Omit<AuditReport, 'intervals'>;

type Contributions = Readonly<Record<string, readonly Contribution[]>>;

export type Request =
  | { id: number; op: 'protect'; args: [ProtectSpec, readonly Contribution[], StartOption?] }
  | { id: number; op: 'protectLinked'; args: [LinkedSpec, Contributions] }
  | { id: number; op: 'audit'; args: [ProtectSpec, readonly Contribution[], readonly Cell[]] }
  | { id: number; op: 'auditLinked'; args: [LinkedSpec, Contributions, Readonly<Record<string, readonly Cell[]>>] };

export interface EnginePool {
  protect(spec: ProtectSpec, contributions: readonly Contribution[], options?: StartOption): Promise<ProtectedTableWithStats>;
  protectLinked(spec: LinkedSpec, contributions: Contributions): Promise<LinkedResult>;
  audit(spec: ProtectSpec, contributions: readonly Contribution[], cells: readonly Cell[]): Promise<AuditVerdict>;
  auditLinked(spec: LinkedSpec, contributions: Contributions, cells: Readonly<Record<string, readonly Cell[]>>): Promise<AuditVerdict>;
  /** ends the workers; calls made after it are rejected */
  close(): Promise<void>;
}

type Sealable = Pick<ProtectedTableWithStats, 'dimensions' | 'cells' | 'stats'>;
const seal = (t: Sealable) => sealProtectedWithStats(t.dimensions, t.cells, t.stats);

/** Starts `size` (≥ 1) workers at once, so that they load while the caller does other work. */
export function openPool(size: number): EnginePool {
  const workers = openWorkers(new URL('./protect-worker.ts', import.meta.url), size, { stopped: workerStopped, closed: workerClosed });
  const call = async <T>(request: Omit<Request, 'id'>): Promise<T> => (await workers.call(request)) as T;

  return {
    protect: async (...args) => seal(await call<Sealable>({ op: 'protect', args })),
    protectLinked: async (...args) => {
      const linked = await call<LinkedResult>({ op: 'protectLinked', args });
      return { stats: linked.stats, tables: Object.fromEntries(Object.entries(linked.tables).map(([id, t]) => [id, seal(t)])) };
    },
    audit: (...args) => call<AuditVerdict>({ op: 'audit', args }),
    auditLinked: (...args) => call<AuditVerdict>({ op: 'auditLinked', args }),
    close: () => workers.close(),
  };
}
