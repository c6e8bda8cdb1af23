/**
 * Departments' workbooks rendered on worker threads (see workbook-worker.ts): the main thread
 * renders the national report and the court pages meanwhile. Same bytes as `departmentWorkbook`
 * in-process (tested).
 *
 * @example
 *   const pool = openWorkbookPool(1);
 *   const books = await pool.render(publication, ['01', '02'], null); // two XLSX files
 *   await pool.close();
 */
import { openWorkers, type Workers } from './workers.ts';
import type { Publication } from '../model/publication.ts';
import { renderMessages as m } from '../render/messages.ts';
import type { WorkbookRequest } from './workbook-worker.ts';

export interface WorkbookPool {
  /** the departments' workbooks, in the order of `codes` */
  render(publication: Publication, codes: readonly string[], generatedAt: string | null): Promise<Uint8Array[]>;
  close(): Promise<void>;
}

/** The workers start at the first `render`: a run whose latest year has no workbook starts none. */
export function openWorkbookPool(size: number): WorkbookPool {
  let workers: Workers | undefined;
  let closed = false;
  return {
    render: async (publication, codes, generatedAt) => {
      if (closed) throw new Error(m.workbook.workerClosed());
      workers ??= openWorkers(new URL('./workbook-worker.ts', import.meta.url), size, { stopped: m.workbook.workerStopped, closed: m.workbook.workerClosed });
      return (await workers.call({ publication, codes, generatedAt } satisfies WorkbookRequest)) as Uint8Array[];
    },
    close: async () => {
      closed = true;
      await workers?.close();
    },
  };
}
