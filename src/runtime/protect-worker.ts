/**
 * A protection worker thread (started by `openPool`, see protect-pool.ts): answers one request at a time
 * with the engine's result. HiGHS is loaded at start, while the main thread is still reading.
 */
import { parentPort } from 'node:worker_threads';
import { audit, auditLinked } from '../protect/audit.ts';
import { highs } from './highs.ts';
import { protect, protectLinked } from '../protect/protect.ts';
import type { Request } from './protect-pool.ts';
import { serveRequests } from './workers.ts';
import type { AuditReport } from '../protect/types.ts';

/** Only what a verdict needs: the report's `intervals` getter would cost two LPs per suppressed cell. */
const verdictOf = (r: AuditReport) => ({ ok: r.ok, checked: r.checked, zerosKnown: r.zerosKnown, insiders: r.insiders, insiderChecked: r.insiderChecked, failures: r.failures });

async function answer(request: Request): Promise<unknown> {
  switch (request.op) {
    case 'protect':
      return protect(...request.args);
    case 'protectLinked':
      return protectLinked(...request.args);
    case 'audit':
      return verdictOf(await audit(...request.args));
    case 'auditLinked':
      return verdictOf(await auditLinked(...request.args));
  }
}

/**
 * HiGHS's WebAssembly memory grows with the largest problem solved and is never given back (the
 * start MIP of a financing table takes it from about 25 to 300 MiB): past this, the worker is
 * replaced once it has answered, so idle workers do not hold it while the run goes on.
 */
export const RETIRE_ABOVE_BYTES = 128 * 1024 * 1024;

const port = parentPort;
if (port) {
  await highs();
  serveRequests(port, answer, () => process.memoryUsage().external > RETIRE_ABOVE_BYTES);
}
