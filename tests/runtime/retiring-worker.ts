/**
 * A worker for tests/runtime/workers.test.ts: answers each request with its thread's id, and asks
 * to be replaced after answering a request that says `leave`.
 */
import { parentPort, threadId } from 'node:worker_threads';
import { serveRequests } from '../../src/runtime/workers.ts';

let leave = false;
if (parentPort) {
  serveRequests(
    parentPort,
    async (request: { leave: boolean }) => {
      leave = request.leave;
      return threadId;
    },
    () => leave,
  );
}
