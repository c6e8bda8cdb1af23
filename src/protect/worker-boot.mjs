// Entry of a protection worker thread (see pool.ts). Node 20 does not pass the parent's module
// hooks to worker threads, so the worker registers tsx itself before loading the TypeScript.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
