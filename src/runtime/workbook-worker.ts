/**
 * A workbook worker thread (started by `openWorkbookPool`, see workbook-pool.ts): renders the
 * workbooks of the departments asked, from the publication the main thread sends. That publication
 * is the main thread's, copied by the structured clone of `postMessage`: the same cells, whose
 * statuses src/protect set (the protected-table brand exists for the type checker only).
 */
import { parentPort } from 'node:worker_threads';
import { serveRequests } from './workers.ts';
import type { Publication } from '../model/publication.ts';
import { departmentWorkbook } from '../render/workbook.ts';

export interface WorkbookRequest {
  publication: Publication;
  codes: readonly string[];
  generatedAt: string | null;
}

async function answer(request: WorkbookRequest): Promise<Uint8Array[]> {
  const books: Uint8Array[] = [];
  for (const code of request.codes) books.push(await departmentWorkbook(request.publication, code, { generatedAt: request.generatedAt }));
  return books;
}

if (parentPort) serveRequests(parentPort, answer);
