/**
 * The files of `mfer protect` / `mfer audit` on disk: each a one-line load or write around its pure
 * parser or formatter in src/format/ (spec.ts, contrib.ts, cells.ts; CSV files in either dialect,
 * contract-dialect.ts). A file that cannot be read or written is one French message naming it.
 *
 * @example
 *   const spec = loadSpec('SPEC.json');
 *   writeCells('CELLS.csv', await protect(spec, loadContributions('CONTRIB.csv', spec)), spec);
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { formatCells, parseCells } from '../format/cells.ts';
import { plainCsv } from '../format/contract-dialect.ts';
import { parseContributions } from '../format/contrib.ts';
import { parseSpec } from '../format/spec.ts';
import type { ProtectedTable } from '../protect/protected-table.ts';
import type { Cell, Contribution, ProtectSpec } from '../protect/types.ts';
import { cliCannotRead, cliCannotWrite } from './messages.ts';

function readBytes(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch {
    throw new Error(cliCannotRead(path));
  }
}

/** `text` written beside `path`, then renamed over it: a failed write leaves the old file whole. */
function writeAtomic(path: string, text: string): void {
  try {
    writeFileSync(`${path}.tmp`, text);
    renameSync(`${path}.tmp`, path);
  } catch {
    throw new Error(cliCannotWrite(path));
  }
}

export const loadSpec = (path: string): ProtectSpec => parseSpec(readBytes(path).toString('utf8'));
export const loadContributions = (path: string, spec: ProtectSpec): Contribution[] => parseContributions(plainCsv(readBytes(path), path), spec, path).contributions;
export const loadCells = (path: string, spec: ProtectSpec): Cell[] => parseCells(plainCsv(readBytes(path), path), spec, path);
export const writeCells = (path: string, table: ProtectedTable, spec: ProtectSpec): void => writeAtomic(path, formatCells(table, spec));
