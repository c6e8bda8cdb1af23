/**
 * A pool of worker threads answering one request at a time each, in the order asked: the
 * protection engine's (src/runtime/protect-pool.ts) and the workbooks' (src/runtime/workbook-pool.ts).
 * A worker module is loaded as its compiled JavaScript when its caller runs compiled (`make
 * build`), else as TypeScript through tsx (worker-boot.mjs: Node 20 does not pass the parent's
 * module hooks to worker threads). A worker answers `{ id, result }` or `{ id, error }`.
 *
 * @example
 *   const pool = openWorkers(new URL('./worker.ts', import.meta.url), 2, messages);
 *   const result = await pool.call({ op: 'protect', args });
 */
import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * `retire`: the worker asks to be replaced once it has answered (memory it cannot give back, such
 * as a WebAssembly heap grown by one large problem); the pool ends it and starts a fresh one.
 */
export type WorkerResponse = ({ id: number; result: unknown } | { id: number; error: string }) & { retire?: boolean };

export interface Workers {
  /** posts `{ ...request, id }` to the next free worker; resolves with its result */
  call(request: object): Promise<unknown>;
  /** ends the workers; calls made after it are rejected */
  close(): Promise<void>;
}

export interface WorkerMessages {
  stopped(code: number): string;
  closed(): string;
}

/** The worker running `module` (a `.ts` URL): its `.js` beside it when running compiled. */
function startWorker(module: URL, options: WorkerOptions): Worker {
  if (import.meta.url.endsWith('.js')) return new Worker(new URL(module.href.replace(/\.ts$/, '.js')), options);
  return new Worker(new URL('./worker-boot.mjs', import.meta.url), { ...options, workerData: { entry: module.href } });
}

type Job = { request: object & { id: number }; resolve: (value: unknown) => void; reject: (error: Error) => void };

/**
 * Starts `size` (≥ 1) workers at once, so that they load while the caller does other work;
 * `options` are Node's (resource limits, say).
 */
export function openWorkers(module: URL, size: number, messages: WorkerMessages, options: WorkerOptions = {}): Workers {
  const queue: Job[] = [];
  type Slot = { worker: Worker; job: Job | undefined };
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
  const retired = new Set<Worker>();
  const start = (slot: Slot) => {
    const worker = (slot.worker = startWorker(module, options));
    worker.unref(); // an idle pool never keeps the process alive
    worker.on('message', (response: WorkerResponse) => {
      const job = slot.job;
      slot.job = undefined;
      worker.unref();
      if (job && job.request.id === response.id) {
        if ('error' in response) job.reject(new Error(response.error));
        else job.resolve(response.result);
      }
      if (response.retire && !broken) {
        retired.add(worker);
        void worker.terminate();
        start(slot);
      }
      dispatch();
    });
    worker.on('error', (error) => fail(error));
    worker.on('exit', (code) => {
      if (retired.delete(worker)) return;
      if (code !== 0 || slot.job) fail(new Error(messages.stopped(code)));
    });
  };
  const slots: Slot[] = Array.from({ length: Math.max(1, size) }, () => ({ worker: undefined as unknown as Worker, job: undefined }));
  slots.forEach(start);

  return {
    call: (request) =>
      new Promise((resolve, reject) => {
        if (broken) return reject(broken);
        queue.push({ request: { ...request, id: nextId++ }, resolve, reject });
        dispatch();
      }),
    close: async () => {
      broken ??= new Error(messages.closed());
      await Promise.all(slots.map((slot) => slot.worker.terminate()));
    },
  };
}

/**
 * A worker's side: answers each request with `answer`'s result, or its error's message; `retire`,
 * asked after each answer, says whether this worker should be replaced (see `WorkerResponse`).
 */
export function serveRequests(
  port: { on(event: 'message', listener: (request: { id: number }) => void): void; postMessage(value: unknown): void },
  answer: (request: never) => Promise<unknown>,
  retire: () => boolean = () => false,
): void {
  port.on('message', (request) => {
    const send = (response: WorkerResponse) => port.postMessage(retire() ? { ...response, retire: true } : response);
    answer(request as never).then(
      (result) => send({ id: request.id, result }),
      (error: unknown) => send({ id: request.id, error: error instanceof Error ? error.message : String(error) }),
    );
  });
}
