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
import { formatCells } from '../../src/format/cells.ts';
import { formatContributions } from '../../src/format/contrib.ts';
import { protect } from '../../src/protect/index.ts';
import type { Contribution, DimensionSpec, ProtectSpec } from '../../src/protect/types.ts';
import { useHighs } from '../../src/runtime/highs.ts';

useHighs(); // the method runs on HiGHS, as in mfer

const CASES: Record<string, (seed?: number) => { spec: ProtectSpec; contributions: Contribution[] }> = {
  '101': (seed) => generateCase(101, seed),
  '3500': (seed) => generateCase(3500, seed),
  '35000': (seed) => generateCase(35000, seed),
  '3500-concentre': (seed) => generateCase(3500, seed, 'concentrated'),
  '35000-concentre': (seed) => generateCase(35000, seed, 'concentrated'),
  singletons: () => threeSingletons(),
};

/**
 * sdcTools/UserSupport issue #135 (issue 25's small table): a 2 × 5 frequency table with three
 * singletons in row 1, counts of persons (one contributor per person, values ≤ 2 unsafe); the
 * minimum is 2 secondary cells (tests/protect/release.test.ts).
 */
function threeSingletons(): { spec: ProtectSpec; contributions: Contribution[] } {
  const cols = ['A', 'B', 'H', 'M', 'W'];
  const flat = (name: string, codes: readonly string[]): DimensionSpec => ({ name, total: 'T', hierarchies: { [name]: Object.fromEntries(codes.map((c) => [c, 'T'])) } });
  const rows = [
    [1, 1, 7, 1, 0],
    [1, 0, 0, 2, 8],
  ];
  const contributions = rows.flatMap((row, i) => row.flatMap((v, j) => Array.from({ length: v }, (_, k): Contribution => ({ codes: [String(i + 1), cols[j]], contributor: `p${i}${j}${k}`, value: 1 }))));
  return { spec: { dimensions: [flat('row', ['1', '2']), flat('col', cols)], contributor: 'id', value: 'n', rules: { minValue: 3, protectionPercent: 10 } }, contributions };
}

async function main(): Promise<void> {
  const [id, out, seedArg] = process.argv.slice(2);
  const seed = seedArg === undefined ? undefined : Number(seedArg);
  if (!(id in CASES) || !out || (seed !== undefined && !Number.isInteger(seed))) {
    process.stderr.write(`usage: export.ts ${Object.keys(CASES).join('|')} OUTDIR [SEED]\n`);
    process.exit(2);
  }
  const { spec, contributions } = CASES[id](seed);
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'SPEC.json'), `${JSON.stringify(spec, null, 2)}\n`);
  writeFileSync(join(out, 'CONTRIB.csv'), formatContributions(spec, contributions));
  const start = performance.now();
  const table = await protect(spec, contributions);
  const seconds = (performance.now() - start) / 1000;
  writeFileSync(join(out, 'CELLS.csv'), formatCells(table, spec));
  // the pattern of requirements A and B alone, what GaussSuppression aims at (tables up to the
  // size where requirement C is checked by default; beyond, the pattern above is already that one)
  const ab = table.stats.cells <= 10_000 ? (await protect(spec, contributions, { insider: false })).stats.secondary : table.stats.secondary;
  const summary = { case: id, ...(seed === undefined ? {} : { seed }), seconds: Number(seconds.toFixed(2)), ...table.stats, secondaryAB: ab };
  writeFileSync(join(out, 'MFER.json'), `${JSON.stringify(summary, null, 2)}\n`);
  process.stdout.write(`${JSON.stringify(summary)}\n`);
}

await main();
