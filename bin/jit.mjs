/**
 * V8's optimising compiler, tuned for mfer's runs. V8 recompiles a JavaScript function with
 * TurboFan once the function has run through an "interrupt budget" of bytecode (67 584 by default);
 * a batch run of a few seconds spends much of its processor time in those compilations (profiled
 * on `make annual`: about 6 s of 22 s, on background threads, for the main thread and its three
 * workers). A larger budget leaves TurboFan only the functions that keep running.
 *
 * Measured with 600 000 on the 2-core bench machine, runs alternating with and without, same output
 * bytes:
 * - `make annual`: faster in 24 of 30 pairs (medians of 5 series: 0.5 to 2.5 s);
 * - first protection of departments × 10: 30 to 75 ms faster (medians of 3 series of 16 pairs, 9 to
 *   15 of them faster);
 * - 3 500 × 10 and 35 000 × 10 unchanged within the machine's drift (35 000 × 10: 32.9 and 34.6 s
 *   in two `make bench` passes, 31.2 and 34.9 s before).
 * Higher (2 500 000) loses on `make annual`; lower (150 000 to 400 000) gains less. The flag is
 * process-wide: worker threads started afterwards share it.
 *
 * @example
 *   tuneJit(); // first thing, before the pipeline's modules run
 */
import { setFlagsFromString } from 'node:v8';

const INTERRUPT_BUDGET = 600_000;

export function tuneJit() {
  setFlagsFromString(`--interrupt-budget=${INTERRUPT_BUDGET}`);
}
