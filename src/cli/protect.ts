/**
 * `mfer protect --spec SPEC.json --input CONTRIB.csv --out CELLS.csv` — τ-ARGUS-like batch mode:
 * reads the spec and the contributions, protects the full cube, writes the cells with their status.
 * Exit codes: 0 done, 2 bad input (a French message on stderr, never a stack trace).
 */
import { resolve } from 'node:path';
import { protect } from '../protect/index.ts';
import { preloadHighs } from '../runtime/highs.ts';
import { loadContributions, loadSpec, writeCells } from './contract-files.ts';
import { cliMissingOption, cliOutIsInput, protectDone, protectNotProven } from './messages.ts';

export function option(argv: readonly string[], name: string): string | undefined {
  const at = argv.indexOf(name);
  return at >= 0 ? argv[at + 1] : undefined;
}

/** Required options, or the message naming the first one missing. */
export function required(command: string, argv: readonly string[], names: readonly string[]): string[] {
  return names.map((name) => {
    const value = option(argv, name);
    if (value === undefined || value.startsWith('--')) throw new Error(cliMissingOption(command, name));
    return value;
  });
}

export async function runProtect(argv: string[]): Promise<number> {
  try {
    const [specPath, inputPath, out] = required('protect', argv, ['--spec', '--input', '--out']);
    // the solver compiles while the input is read (measured: bench/README.md)
    preloadHighs();
    // the cells would overwrite the very file they come from
    if ([specPath, inputPath].some((path) => resolve(path) === resolve(out))) throw new Error(cliOutIsInput(out));
    const spec = loadSpec(specPath);
    const table = await protect(spec, loadContributions(inputPath, spec));
    writeCells(out, table, spec);
    process.stderr.write(`${protectDone(out, table.stats.cells, table.stats.primary, table.stats.secondary)}\n`);
    if (!table.stats.proven) process.stderr.write(`${protectNotProven(table.stats.auditRounds)}\n`);
    return 0;
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n`);
    return 2;
  }
}
