/**
 * V8's compilation hints section (src/runtime/wasm-hints.ts) on a module built here byte by byte:
 * where it goes, what it holds, and that the module computes the same with it.
 */
import { describe, expect, test } from '@jest/globals';
import { moduleShape, withCompilationHints } from '../../src/runtime/wasm-hints.ts';

// the project's TypeScript libraries do not type the WebAssembly global (as in src/runtime/highs-c.ts)
const wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;
interface WasmApi {
  validate(bytes: Uint8Array): boolean;
  instantiate(bytes: Uint8Array, imports: object): Promise<{ instance: { exports: Record<string, unknown> } }>;
  Memory: new (descriptor: { initial: number }) => object;
}

const text = (s: string) => [...new TextEncoder().encode(s)];
const vec = (items: number[][]) => [items.length, ...items.flat()];
const section = (id: number, content: number[]) => [id, content.length, ...content];

/** Imports a function and a memory; defines `add` and `sub` (i32, i32) → i32. */
function twoFunctions(): Uint8Array {
  const body = (op: number) => [7, 0, 0x20, 0, 0x20, 1, op, 0x0b];
  return Uint8Array.from([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, vec([[0x60, 2, 0x7f, 0x7f, 1, 0x7f]])),
    ...section(2, vec([[3, ...text('env'), 1, ...text('f'), 0, 0], [3, ...text('env'), 1, ...text('m'), 2, 0, 1]])),
    ...section(3, vec([[0], [0]])),
    ...section(7, vec([[3, ...text('add'), 0, 1], [3, ...text('sub'), 0, 2]])),
    ...section(10, vec([body(0x6a), body(0x6b)])),
  ]);
}

const imports = { env: { f: (a: number, b: number) => a * b, m: new wasm.Memory({ initial: 1 }) } };

async function run(bytes: Uint8Array): Promise<[number, number]> {
  const { instance } = await wasm.instantiate(bytes, imports);
  const { add, sub } = instance.exports as Record<'add' | 'sub', (a: number, b: number) => number>;
  return [add(7, 5), sub(7, 5)];
}

describe('compilation hints section', () => {
  test('reads the module: imported and defined functions, code section', () => {
    const bytes = twoFunctions();
    const shape = moduleShape(bytes);
    expect(shape).toMatchObject({ importedFunctions: 1, definedFunctions: 2 });
    expect(bytes[shape!.codeSection]).toBe(10);
  });

  test('goes just before the code section, one byte per defined function, the rest lazy', () => {
    const bytes = twoFunctions();
    const { codeSection } = moduleShape(bytes)!;
    const hinted = withCompilationHints(bytes, { eager: [2], optimized: [] })!;
    const name = text('compilationHints');
    const payload = [name.length, ...name, 2, 0x01, 0x02];
    expect([...hinted.subarray(0, codeSection)]).toEqual([...bytes.subarray(0, codeSection)]);
    expect([...hinted.subarray(codeSection, codeSection + 2 + payload.length)]).toEqual([0, payload.length, ...payload]);
    expect([...hinted.subarray(codeSection + 2 + payload.length)]).toEqual([...bytes.subarray(codeSection)]);
  });

  test('optimised at load: eager, first and final tier the optimising compiler', () => {
    const hinted = withCompilationHints(twoFunctions(), { eager: [1, 2], optimized: [1] })!;
    const { codeSection } = moduleShape(twoFunctions())!;
    const size = hinted[codeSection + 1];
    expect([...hinted.subarray(codeSection + 2 + size - 2, codeSection + 2 + size)]).toEqual([0x2a, 0x02]);
  });

  test('the hinted module validates and computes what the module computes', async () => {
    const bytes = twoFunctions();
    const hinted = withCompilationHints(bytes, { eager: [1], optimized: [2] })!;
    expect(wasm.validate(hinted)).toBe(true);
    expect(await run(hinted)).toEqual(await run(bytes));
    expect(await run(bytes)).toEqual([12, 2]);
  });

  test('left alone: not a module, an imported or unknown function, a module already hinted', () => {
    const bytes = twoFunctions();
    expect(withCompilationHints(Uint8Array.from([1, 2, 3]), { eager: [], optimized: [] })).toBeUndefined();
    expect(withCompilationHints(bytes, { eager: [0], optimized: [] })).toBeUndefined();
    expect(withCompilationHints(bytes, { eager: [], optimized: [3] })).toBeUndefined();
    const hinted = withCompilationHints(bytes, { eager: [1], optimized: [] })!;
    expect(moduleShape(hinted)).toBeUndefined();
    expect(withCompilationHints(hinted, { eager: [1], optimized: [] })).toBeUndefined();
  });
});
