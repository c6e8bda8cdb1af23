/**
 * V8's optimising compiler, tuned for mfer's runs. V8 recompiles a JavaScript function with
 * TurboFan once the function has run through an "interrupt budget" of bytecode (67 584 by default);
 * a batch run of a few seconds spends much of its processor time in those compilations, on
 * background threads, for the main thread and its workers. A larger budget leaves TurboFan only
 * the functions that keep running.
 *
 * 600 000, chosen on the 2-core bench machine with runs alternating with and without it (same
 * output bytes): `make annual` and the first protection of a small table are faster, the large
 * tables unchanged; higher (2 500 000) loses on `make annual`, lower (150 000 to 400 000) gains
 * less (figures in bench/README.md). The flag is process-wide: worker threads started afterwards
 * share it.
 *
 * @example
 *   tuneJit(); // first thing, before the pipeline's modules run
 */
import { setFlagsFromString } from 'node:v8';

const INTERRUPT_BUDGET = 600_000;

export function tuneJit() {
  setFlagsFromString(`--interrupt-budget=${INTERRUPT_BUDGET}`);
}
