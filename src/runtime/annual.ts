/**
 * What `mfer annual` runs on: the protection engine, on worker threads when asked (each with its
 * own HiGHS, started at once so that they load while the returns are read) or in this thread, and,
 * with workers, one more thread for the latest year's workbooks (started at the first workbook).
 * Outputs are the same bytes either way.
 *
 * @example
 *   const runtime = openRuntime(2);
 *   try {
 *     await publishYears(history, catalogue, { engine: runtime.engine });
 *   } finally {
 *     await runtime.close();
 *   }
 */
import type { WorkbookRenderer } from '../render/index.ts';
import { pooledEngine, protectionEngine, type Engine } from './engine.ts';
import { openPool } from './protect-pool.ts';
import { openWorkbookPool } from './workbook-pool.ts';

export interface Runtime {
  engine: Engine;
  /** true when protection runs beside this thread: a year's protection is then begun as soon as it is harmonized */
  parallel: boolean;
  /** renders departments' workbooks on a worker thread, when there are workers */
  workbooks?: WorkbookRenderer;
  /** ends the protection threads (when every protection is done: their memory goes back before rendering) */
  closeProtection(): Promise<void>;
  /** ends the worker threads */
  close(): Promise<void>;
}

/** `workers` protection threads (0: protect in this thread). */
export function openRuntime(workers: number): Runtime {
  if (workers <= 0) return { engine: protectionEngine, parallel: false, closeProtection: async () => {}, close: async () => {} };
  const pool = openPool(workers);
  const books = openWorkbookPool(1);
  return {
    engine: pooledEngine(pool),
    parallel: true,
    workbooks: books.render,
    closeProtection: () => pool.close(),
    close: async () => {
      await Promise.all([pool.close(), books.close()]);
    },
  };
}
