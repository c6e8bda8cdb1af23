/**
 * `make fuzz`: random tables through the protection engine, each pattern checked by the tests'
 * independent LP attacker (tests/protect/oracle.ts) — never run by `make test`. Single tables of one
 * to four dimensions (multi-level hierarchies, two that do not nest on the first dimension; counts
 * or amounts; some zero contributions; sometimes no value column, each row counting 1; table-wide
 * or local repairs) and linked tables of five shapes (`randomLinked`). Prints each failure with its
 * seed, and exits 1 if there is one. This is how the rectangle certificates' fault in three
 * dimensions, and a basis HiGHS refused, were found (see src/protect/certificates.ts, lp.ts).
 *
 *   node_modules/.bin/tsx bench/fuzz-protect.ts [count=200] [first seed=1]
 */
import { protect, protectLinked } from '../src/protect/index.ts';
import type { Contribution, ProtectSpec, RuleSet } from '../src/protect/types.ts';
import { createRng } from '../src/sample/prng.ts';
import { randomDimension, randomLinked, specOf } from '../tests/protect/fixtures.ts';
import { combos, oracleFailures } from '../tests/protect/oracle.ts';
import { useHighs } from '../src/runtime/highs.ts';

useHighs(); // the method runs on HiGHS, as in mfer

const RULES: RuleSet[] = [
  { minFrequency: 3 },
  { minValue: 5, protectionPercent: 10 },
  { dominance: { n: 1, k: 85 }, pPercent: 10, protectionPercent: 15 },
  { minValue: 3, minFrequency: 2, protectionPercent: 30 },
  { minValue: 4 },
  { dominance: { n: 2, k: 90 }, protectionPercent: 20 },
  { pPercent: 15 },
  { minFrequency: 2, minValue: 8, protectionPercent: 50 },
];

/** A single table of one to four dimensions, at most about 60 leaf cells. */
function randomSingle(seed: number): { spec: ProtectSpec; contributions: Contribution[] } {
  const rng = createRng(seed);
  const nd = rng.int(1, 4);
  const sizes = [rng.int(2, nd === 1 ? 8 : nd === 2 ? 6 : 4), rng.int(2, nd <= 2 ? 4 : 3), rng.int(2, nd === 3 ? 3 : 2), 2];
  const dims = ['g', 'a', 'b', 'c'].slice(0, nd).map((name, d) => randomDimension(rng, name, sizes[d], d === 0 ? 2 : rng.int(1, 2)));
  const counts = rng.chance(0.5);
  const perRow = rng.chance(0.25); // no value column: each row counts 1
  const contributions: Contribution[] = [];
  for (const codes of combos(dims.map((d) => d.leaves))) {
    if (!rng.chance(0.7)) continue;
    for (let k = rng.int(1, 3); k > 0; k--) {
      const value = perRow ? 1 : rng.chance(0.1) ? 0 : counts ? rng.int(1, 12) : Math.round(rng.lognormal(30, 1) * 100) / 100;
      contributions.push({ codes, contributor: `s${rng.int(0, 8)}`, value });
    }
  }
  const spec: ProtectSpec = {
    dimensions: dims.map(specOf),
    contributor: 's',
    ...(perRow ? {} : { value: 'v' }),
    rules: rng.pick(RULES),
  };
  return { spec, contributions };
}

const count = Number(process.argv[2] ?? 200);
const first = Number(process.argv[3] ?? 1);
let failed = 0;
const started = performance.now();
for (let seed = first; seed < first + count; seed++) {
  const single = randomSingle(seed);
  const repair = seed % 2 === 0 ? 'local' : 'table';
  const linked = randomLinked(seed, RULES[seed % RULES.length]);
  const report = (what: string, problems: string[]) => {
    if (problems.length === 0) return;
    failed++;
    console.log(`graine ${seed}, ${what} : ${problems.slice(0, 3).join(' ; ')}`);
  };
  try {
    const table = await protect(single.spec, single.contributions, { repair });
    report(`tableau à ${single.spec.dimensions.length} dimension(s), réparations ${repair}`, [
      ...(table.stats.proven ? [] : ['protection non prouvée']),
      ...(await oracleFailures(single.spec, table.cells)),
    ]);
  } catch (error) {
    report('tableau seul', [`erreur : ${(error as Error).message}`]);
  }
  try {
    const result = await protectLinked(linked.spec, linked.contributions);
    const cells = Object.fromEntries(Object.entries(result.tables).map(([id, t]) => [id, t.cells]));
    report(`tableaux liés ${linked.spec.tables.map((t) => t.dimensions.join(' × ')).join(', ')}`, [
      ...(result.stats.proven ? [] : ['protection non prouvée']),
      ...(await oracleFailures(linked.spec, cells)),
    ]);
  } catch (error) {
    report('tableaux liés', [`erreur : ${(error as Error).message}`]);
  }
}
console.log(`${count} graines à partir de ${first} (${2 * count} protections) : ${failed} en échec, ${((performance.now() - started) / 1000).toFixed(0)} s`);
process.exitCode = failed > 0 ? 1 : 0;
