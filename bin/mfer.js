#!/usr/bin/env node
// Entry point for `npx mfer`: the JavaScript compiled by `make build` when it is up to date with the
// TypeScript sources (see compiled.mjs), else the TypeScript itself through tsx's loader.
import { fileURLToPath } from 'node:url';
import { compiledIsFresh } from './compiled.mjs';
import { tuneJit } from './jit.mjs';

tuneJit();

let main;
if (compiledIsFresh(fileURLToPath(new URL('..', import.meta.url)))) {
  ({ main } = await import('../src/cli/main.js'));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/cli/main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
