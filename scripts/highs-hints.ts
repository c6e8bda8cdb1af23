/**
 * Remakes `src/runtime/highs-hints.json` (see src/runtime/highs-hints.ts): which of HiGHS's
 * functions V8 should compile when the solver loads. Run after upgrading the `highs` package or
 * Node, on the machine that runs the benchmarks:
 *
 *   make highs-hints
 *
 * Each benchmark table (departments × 10 under four seeds, 3 500 × 10) is protected, then audited,
 * in a new process with HiGHS loaded without hints and V8 tracing its WebAssembly compilations:
 * - `eager`: every function compiled there (V8 compiled them at first use);
 * - `optimized`: the functions V8 recompiled with its optimising compiler during the first
 *   protection of a departments × 10 table, the large ones excepted (above 10 000 bytes of code,
 *   whose optimisation takes 90–170 ms: V8 still optimises them later if they keep running).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { HIGHS_HINTS_PATH, highsWasmBytes } from '../src/runtime/highs-wasm.ts';

/** Optimised at load only below this body size (bytes of WebAssembly code). */
const OPTIMIZE_MAX_BODY = 10_000;

const CASES = [
  { leaves: 101, seed: 2024 },
  { leaves: 101, seed: 7 },
  { leaves: 101, seed: 99 },
  { leaves: 101, seed: 1234 },
  { leaves: 3500, seed: 2024 },
];

async function child(leaves: number, seed: number): Promise<void> {
  setFlagsFromString('--trace-wasm-compilation-times');
  const { tuneJit } = await import('../bin/jit.mjs');
  tuneJit();
  const { generateCase } = await import('../bench/protect.ts');
  const { audit, protect } = await import('../src/protect/index.ts');
  const { highs } = await import('../src/runtime/highs.ts');
  const { spec, contributions } = generateCase(leaves, seed);
  await highs();
  process.stdout.write('PROTECT\n');
  const table = await protect(spec, contributions);
  process.stdout.write('AUDIT\n');
  await audit(spec, contributions, table.cells);
}

/**
 * Function indices compiled in one traced run: all, and those optimised during the protection.
 * Other WebAssembly modules of the process (Node's own module lexer) are traced too: HiGHS is the
 * module with the most functions compiled.
 */
function traced(output: string): { compiled: Set<number>; optimized: number[] } {
  const byModule = new Map<string, { compiled: Set<number>; optimized: number[] }>();
  let phase = '';
  for (const line of output.split('\n')) {
    if (line === 'PROTECT' || line === 'AUDIT') phase = line;
    const m = /^Compiled function (\S+)#(\d+) using (Liftoff|TurboFan).*bodysize (\d+)/.exec(line);
    if (!m) continue;
    const [module, index, tier, body] = [m[1], Number(m[2]), m[3], Number(m[4])];
    const found = byModule.get(module) ?? { compiled: new Set<number>(), optimized: [] };
    byModule.set(module, found);
    found.compiled.add(index);
    if (tier === 'TurboFan' && phase === 'PROTECT' && body <= OPTIMIZE_MAX_BODY) found.optimized.push(index);
  }
  return [...byModule.values()].reduce((a, b) => (b.compiled.size > a.compiled.size ? b : a), { compiled: new Set<number>(), optimized: [] });
}

function main(): void {
  const eager = new Set<number>();
  const optimized = new Set<number>();
  for (const { leaves, seed } of CASES) {
    const run = spawnSync(process.execPath, [...process.execArgv, import.meta.filename, '--child', String(leaves), String(seed)], {
      encoding: 'utf8',
      env: { ...process.env, MFER_HIGHS_HINTS: 'off' },
      maxBuffer: 64 * 1024 * 1024,
    });
    if (run.status !== 0) throw new Error(`highs-hints: case ${leaves}/${seed} failed\n${run.stderr}`);
    const found = traced(run.stdout);
    if (found.compiled.size === 0) throw new Error('highs-hints: V8 traced no compilation (--trace-wasm-compilation-times)');
    found.compiled.forEach((f) => eager.add(f));
    if (leaves === 101) found.optimized.forEach((f) => optimized.add(f));
    process.stderr.write(`${leaves}/${seed}: ${found.compiled.size} functions, ${found.optimized.length} optimised during the protection\n`);
  }
  const bytes = highsWasmBytes();
  const sorted = (s: Set<number>) => [...s].sort((a, b) => a - b);
  const file = {
    about: 'HiGHS functions V8 compiles when the solver loads; made by `make highs-hints` (scripts/highs-hints.ts), read by src/runtime/highs-hints.ts',
    sha256: createHash('sha256').update(bytes).digest('hex'),
    v8: process.versions.v8.split('.').slice(0, 2).join('.'),
    eager: sorted(eager).filter((f) => !optimized.has(f)),
    optimized: sorted(optimized),
  };
  // one field per line, each list on its line
  const lines = Object.entries(file).map(([key, value]) => `  ${JSON.stringify(key)}: ${JSON.stringify(value)}`);
  writeFileSync(HIGHS_HINTS_PATH, `{\n${lines.join(',\n')}\n}\n`);
  process.stderr.write(`${HIGHS_HINTS_PATH}: ${file.eager.length} eager, ${file.optimized.length} optimised at load\n`);
}

const at = process.argv.indexOf('--child');
if (at >= 0) await child(Number(process.argv[at + 1]), Number(process.argv[at + 2]));
else main();
