/**
 * Which of HiGHS's functions V8 compiles when the solver loads, rather than at their first call in
 * the middle of a protection (see wasm-hints.ts). The lists are data (`highs-hints.json`), measured
 * by `make highs-hints` on the benchmark's tables for one build of the `highs` package on one V8:
 * they apply only to those very bytes (SHA-256) on that V8 (major.minor), otherwise HiGHS loads as
 * before, every function compiled at first use. `MFER_HIGHS_HINTS=off` turns them off (to measure,
 * or to remake the lists).
 *
 * Why: without hints, the first protection of a process compiles about 450 of HiGHS's 8 648
 * functions on the main thread as the simplex first reaches them, and runs its hottest loops in
 * baseline code until V8 recompiles them. With hints, V8 compiles those functions on its
 * background threads while the CLI reads its input (see `runProtect`): the first protection is
 * shorter, loading longer but outside the call, outputs the same to the byte (figures, with and
 * without `MFER_HIGHS_HINTS=off`, in bench/README.md).
 *
 * @example
 *   const bytes = hintedHighs(wasm, highsHintsFile(), process.versions.v8, sha256(wasm));
 */
import { withCompilationHints, type CompilationHints } from './wasm-hints.ts';

export interface HighsHints extends CompilationHints {
  /** SHA-256 (hex) of the `highs.wasm` the lists were measured on */
  sha256: string;
  /** V8's major.minor version they were measured on */
  v8: string;
}

const isIndexList = (v: unknown): v is number[] => Array.isArray(v) && v.every((f) => Number.isInteger(f) && f >= 0);

/** The hints file's content when it has the expected fields, else undefined. */
export function parseHints(data: unknown): HighsHints | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const { sha256, v8, eager, optimized } = data as Record<string, unknown>;
  if (typeof sha256 !== 'string' || typeof v8 !== 'string' || !isIndexList(eager) || !isIndexList(optimized)) return undefined;
  return { sha256, v8, eager, optimized };
}

/** Whether a V8 version string ("11.3.244.8-node.38") is the major.minor the hints name. */
export function sameV8(hints: Pick<HighsHints, 'v8'>, version: string): boolean {
  return version === hints.v8 || version.startsWith(`${hints.v8}.`);
}

/**
 * The module's bytes with the hints section when the hints were measured for these bytes on this
 * V8; undefined otherwise (then the module loads as it is).
 */
export function hintedHighs(bytes: Uint8Array, data: unknown, v8Version: string, sha256: string): Uint8Array | undefined {
  const hints = parseHints(data);
  if (!hints || hints.sha256 !== sha256 || !sameV8(hints, v8Version)) return undefined;
  return withCompilationHints(bytes, hints);
}

/** V8's flags under which it reads the hints section (process-wide; set before compiling). */
export const HINT_FLAGS = ['--experimental-wasm-compilation-hints', '--no-wasm-lazy-compilation'] as const;
