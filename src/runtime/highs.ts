/**
 * HiGHS as the protection method's LP solver: `useHighs()` installs it (src/protect/solver.ts), in
 * each thread that protects, before the first protection; `preloadHighs()` also starts loading it,
 * so that V8 compiles the solver on its background threads (see highs-hints.ts) while the caller
 * reads its input. The V8 flags that tune how HiGHS is compiled are set here, process-wide, before
 * the module is compiled.
 *
 * @example
 *   preloadHighs();            // mfer protect: the solver compiles while the input is read
 *   const table = await protect(spec, contributions);
 */
import { setFlagsFromString } from 'node:v8';
import { solver, useSolver, type LpSolver } from '../protect/solver.ts';
import { loadHighs } from './highs-c.ts';

const WASM_TIERING_BUDGET = 100_000_000;

/**
 * V8 compiles HiGHS's functions quickly (Liftoff), then recompiles the hot ones with its
 * optimising compiler after a budget of work; at the default budget (1.8 M) that recompilation,
 * competing for the two cores, cost more than it saved on small tables. Measured with 100 M, fresh
 * processes, paired runs: departments × 10 protect 0.70–0.80 s → 0.35–0.53 s; 3 500 × 10
 * unchanged (4.2–4.7 s); 35 000 × 10 46.8 → 40.4 s; make annual unchanged. Process-wide, set
 * before HiGHS is compiled.
 */
function loadTunedHighs(): Promise<LpSolver> {
  setFlagsFromString(`--wasm-tiering-budget=${WASM_TIERING_BUDGET}`);
  return loadHighs();
}

/** Makes HiGHS the method's solver in this thread (idempotent; loads nothing yet). */
export function useHighs(): void {
  useSolver(loadTunedHighs);
}

/** `useHighs`, then loads HiGHS without waiting; a failed load is reported by the first protection. */
export function preloadHighs(): void {
  useHighs();
  solver().catch(() => {});
}

/** HiGHS, loaded (once per thread). */
export function highs(): Promise<LpSolver> {
  useHighs();
  return solver();
}
