/**
 * The hints measured for HiGHS (src/runtime/highs-hints.json) apply only to the build and the V8
 * they were measured on; the shipped ones are those of the installed `highs` package.
 */
import { describe, expect, test } from '@jest/globals';
import { createHash } from 'node:crypto';
import { highsHintsFile, highsWasmBytes } from '../../src/runtime/highs-wasm.ts';
import { hintedHighs, parseHints, sameV8 } from '../../src/runtime/highs-hints.ts';
import { moduleShape } from '../../src/runtime/wasm-hints.ts';

// the project's TypeScript libraries do not type the WebAssembly global (as in src/runtime/highs-c.ts)
const wasm = (globalThis as unknown as { WebAssembly: { validate(bytes: Uint8Array): boolean } }).WebAssembly;
const bytes = highsWasmBytes();
const sha256 = createHash('sha256').update(bytes).digest('hex');
const shipped = highsHintsFile();

describe('HiGHS compilation hints', () => {
  test('the shipped hints were measured on the installed highs build (else: make highs-hints)', () => {
    const hints = parseHints(shipped);
    expect(hints).toBeDefined();
    expect(hints!.sha256).toBe(sha256);
    const { importedFunctions, definedFunctions } = moduleShape(bytes)!;
    for (const f of [...hints!.eager, ...hints!.optimized]) {
      expect(f).toBeGreaterThanOrEqual(importedFunctions);
      expect(f).toBeLessThan(importedFunctions + definedFunctions);
    }
  });

  test('applied to those bytes on that V8, the module validates', () => {
    const hints = parseHints(shipped)!;
    const hinted = hintedHighs(bytes, shipped, `${hints.v8}.244.8-node.38`, sha256);
    expect(hinted).toBeDefined();
    expect(hinted!.length).toBeGreaterThan(bytes.length);
    expect(wasm.validate(hinted!)).toBe(true);
  });

  test('not applied to other bytes, on another V8, or from a malformed file', () => {
    const hints = parseHints(shipped)!;
    const v8 = `${hints.v8}.1`;
    expect(hintedHighs(bytes, shipped, v8, '0'.repeat(64))).toBeUndefined();
    expect(hintedHighs(bytes, shipped, '99.9.1', sha256)).toBeUndefined();
    expect(hintedHighs(bytes, { ...hints, eager: ['12'] }, v8, sha256)).toBeUndefined();
    expect(hintedHighs(bytes, undefined, v8, sha256)).toBeUndefined();
  });

  test('V8 versions compare on major.minor', () => {
    expect(sameV8({ v8: '11.3' }, '11.3.244.8-node.38')).toBe(true);
    expect(sameV8({ v8: '11.3' }, '11.3')).toBe(true);
    expect(sameV8({ v8: '11.3' }, '11.30.1')).toBe(false);
    expect(sameV8({ v8: '11.3' }, '12.4.254.21-node.33')).toBe(false);
  });
});
