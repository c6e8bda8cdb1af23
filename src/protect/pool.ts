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
import { Worker } from 'node:worker_threads';
import type { LinkedResult } from './protect.ts';
import { workerClosed, workerStopped } from './messages.ts';
import { sealProtectedWithStats, type ProtectedTableWithStats } from './protected-table.ts';
import type { AuditReport, Cell, Contribution, LinkedSpec, ProtectSpec } from './types.ts';

/** An audit's outcome without its exact intervals (computed only on demand, in-process). */
export type AuditVerdict = Omit<AuditReport, 'intervals'>;

type Contributions = Readonly<Record<string, readonly Contribution[]>>;

export type Request =
  | { id: number; op: 'protect'; args: [ProtectSpec, readonly Contribution[]] }
  | { id: number; op: 'protectLinked'; args: [LinkedSpec, Contributions] }
  | { id: number; op: 'audit'; args: [ProtectSpec, readonly Contribution[], readonly Cell[]] }
  | { id: number; op: 'auditLinked'; args: [LinkedSpec, Contributions, Readonly<Record<string, readonly Cell[]>>] };

export type Response = { id: number; result: unknown } | { id: number; error: string };

type Job = { request: Request; resolve: (value: unknown) => void; reject: (error: Error) => void };

export interface EnginePool {
  protect(spec: ProtectSpec, contributions: readonly Contribution[]): Promise<ProtectedTableWithStats>;
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
  const queue: Job[] = [];
  // compiled (`make build`): the worker's own JavaScript; else its TypeScript, through tsx (worker-boot.mjs)
  const entry = new URL(import.meta.url.endsWith('.js') ? './worker.js' : './worker-boot.mjs', import.meta.url);
  const slots = Array.from({ length: Math.max(1, size) }, () => ({ worker: new Worker(entry), job: undefined as Job | undefined }));
  let broken: Error | undefined;
  let nextId = 0;

  const fail = (error: Error) => {
    broken ??= error;
    for (const slot of slots) slot.job?.reject(error);
    for (const job of queue.splice(0)) job.reject(error);
  };
  const dispatch = () => {
    for (const slot of slots) {
      if (slot.job || queue.length === 0) continue;
      slot.job = queue.shift();
      slot.worker.ref();
      slot.worker.postMessage(slot.job!.request);
    }
  };
  for (const slot of slots) {
    slot.worker.unref(); // an idle pool never keeps the process alive
    slot.worker.on('message', (response: Response) => {
      const job = slot.job;
      slot.job = undefined;
      slot.worker.unref();
      if (job && job.request.id === response.id) {
        if ('error' in response) job.reject(new Error(response.error));
        else job.resolve(response.result);
      }
      dispatch();
    });
    slot.worker.on('error', (error) => fail(error));
    slot.worker.on('exit', (code) => {
      if (code !== 0 || slot.job) fail(new Error(workerStopped(code)));
    });
  }

  const call = <T>(request: Omit<Request, 'id'>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      if (broken) return reject(broken);
      queue.push({ request: { ...request, id: nextId++ } as Request, resolve: resolve as (v: unknown) => void, reject });
      dispatch();
    });

  return {
    protect: async (...args) => seal(await call<Sealable>({ op: 'protect', args })),
    protectLinked: async (...args) => {
      const linked = await call<LinkedResult>({ op: 'protectLinked', args });
      return { stats: linked.stats, tables: Object.fromEntries(Object.entries(linked.tables).map(([id, t]) => [id, seal(t)])) };
    },
    audit: (...args) => call<AuditVerdict>({ op: 'audit', args }),
    auditLinked: (...args) => call<AuditVerdict>({ op: 'auditLinked', args }),
    close: async () => {
      broken ??= new Error(workerClosed());
      await Promise.all(slots.map((slot) => slot.worker.terminate()));
    },
  };
}
