/**
 * The bytes of HiGHS's WebAssembly module, as installed with the `highs` package, and the
 * compilation hints measured for that build (`src/runtime/highs-hints.json`, made by
 * `make highs-hints`). The solver's binding (highs-c.ts) instantiates the module
 * itself, to keep a handle on its memory; reading these files is the only disk access of that
 * load, so it lives here with the other I/O.
 *
 * @example
 *   const bytes = highsWasmBytes(); // about 3.5 MB
 *   const hints = highsHintsFile(); // undefined when the file is missing or unreadable
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export function highsWasmBytes(): Uint8Array {
  const entry = createRequire(import.meta.url).resolve('highs');
  return readFileSync(join(dirname(entry), 'highs.wasm'));
}

/** Where the hints live (also written there by `scripts/highs-hints.ts`). */
export const HIGHS_HINTS_PATH = fileURLToPath(new URL('./highs-hints.json', import.meta.url));

/** The parsed hints file, or undefined when it cannot be read as JSON. */
export function highsHintsFile(): unknown {
  try {
    return JSON.parse(readFileSync(HIGHS_HINTS_PATH, 'utf8')) as unknown;
  } catch {
    return undefined;
  }
}
