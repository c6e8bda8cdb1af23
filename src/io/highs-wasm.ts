/**
 * The bytes of HiGHS's WebAssembly module, as installed with the `highs` package. The solver's
 * binding (src/protect/highs-c.ts) instantiates it itself, to keep a handle on its memory; reading
 * the file is the only disk access of that load, so it lives here with the other I/O.
 *
 * @example
 *   const bytes = highsWasmBytes(); // about 3.5 MB
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export function highsWasmBytes(): Uint8Array {
  const entry = createRequire(import.meta.url).resolve('highs');
  return readFileSync(join(dirname(entry), 'highs.wasm'));
}
