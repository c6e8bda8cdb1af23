/**
 * Writes one benchmark case of `bench/protect.ts` in the `mfer protect` contract format, then
 * protects it with mfer, so that `compare.R` can run GaussSuppression on the same table with the
 * same primary cells.
 *
 *   node_modules/.bin/tsx bench/gauss-reference/export.ts 3500 /tmp/gauss/3500
 *   node_modules/.bin/tsx bench/gauss-reference/export.ts 101 /tmp/gauss/101-2030 2030   # another seed
 *
 * Writes into the folder: SPEC.json, CONTRIB.csv, CELLS.csv (mfer's pattern) and MFER.json
 * (mfer's time and counts). The case id is positional on purpose: `bench/protect.ts` runs a case
 * as soon as it is imported with `--case` on the command line.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateCase } from '../protect.ts';
import { formatCells, formatContributions, protect } from '../../src/protect/index.ts';

const LEAVES: Record<string, number> = { '101': 101, '3500': 3500, '35000': 35000 };

async function main(): Promise<void> {
  const [id, out, seedArg] = process.argv.slice(2);
  const seed = seedArg === undefined ? undefined : Number(seedArg);
  if (!(id in LEAVES) || !out || (seed !== undefined && !Number.isInteger(seed))) {
    process.stderr.write(`usage: export.ts ${Object.keys(LEAVES).join('|')} OUTDIR [SEED]\n`);
    process.exit(2);
  }
  const { spec, contributions } = generateCase(LEAVES[id], seed);
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'SPEC.json'), `${JSON.stringify(spec, null, 2)}\n`);
  writeFileSync(join(out, 'CONTRIB.csv'), formatContributions(spec, contributions));
  const start = performance.now();
  const table = await protect(spec, contributions);
  const seconds = (performance.now() - start) / 1000;
  writeFileSync(join(out, 'CELLS.csv'), formatCells(table, spec));
  const summary = { case: id, ...(seed === undefined ? {} : { seed }), seconds: Number(seconds.toFixed(2)), ...table.stats };
  writeFileSync(join(out, 'MFER.json'), `${JSON.stringify(summary, null, 2)}\n`);
  process.stdout.write(`${JSON.stringify(summary)}\n`);
}

await main();
