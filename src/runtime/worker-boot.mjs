// Entry of a worker thread running TypeScript (see workers.ts): Node 20 does not pass the parent's
// module hooks to worker threads, so the worker registers tsx itself before loading its module.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
