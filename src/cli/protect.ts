/**
 * `mfer protect --spec SPEC.json --input CONTRIB.csv --out CELLS.csv` — τ-ARGUS-like batch mode:
 * reads the spec and the contributions, protects the full cube, writes the cells with their status.
 * Exit codes: 0 done, 2 bad input (a French message on stderr, never a stack trace).
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { formatCells, parseContributions, parseSpec, protect } from '../protect/index.ts';
import { preloadHighs } from '../runtime/highs.ts';
import { plainCsv } from './csv-dialect.ts';
import { cliCannotRead, cliCannotWrite, cliMissingOption, cliOutIsInput, protectDone, protectNotProven } from '../protect/messages.ts';

export function option(argv: readonly string[], name: string): string | undefined {
  const at = argv.indexOf(name);
  return at >= 0 ? argv[at + 1] : undefined;
}

/** Reads a UTF-8 file or throws the French message naming it. */
export function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    throw new Error(cliCannotRead(path));
  }
}

/** A CONTRIB.csv or CELLS.csv in either dialect, as the plain text the parsers read (src/cli/csv-dialect.ts). */
export function readCsvText(path: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    throw new Error(cliCannotRead(path));
  }
  return plainCsv(bytes, path);
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
  let files: string[];
  let text: string;
  try {
    files = required('protect', argv, ['--spec', '--input', '--out']);
    // the solver compiles while the input is read (measured: bench/README.md)
    preloadHighs();
    const [specPath, inputPath] = files;
    // the cells would overwrite the very file they come from
    if ([specPath, inputPath].some((path) => resolve(path) === resolve(files[2]))) throw new Error(cliOutIsInput(files[2]));
    const spec = parseSpec(readText(specPath));
    const { contributions } = parseContributions(readCsvText(inputPath), spec, inputPath);
    const table = await protect(spec, contributions);
    text = formatCells(table, spec);
    const out = files[2];
    try {
      writeFileSync(`${out}.tmp`, text);
      renameSync(`${out}.tmp`, out);
    } catch {
      throw new Error(cliCannotWrite(out));
    }
    process.stderr.write(`${protectDone(out, table.stats.cells, table.stats.primary, table.stats.secondary)}\n`);
    if (!table.stats.proven) process.stderr.write(`${protectNotProven(table.stats.auditRounds)}\n`);
    return 0;
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n`);
    return 2;
  }
}
