/**
 * Poisson(1) bootstrap weights drawn inside DuckDB: each family gets, per replicate, the inverse of
 * the Poisson(1) distribution function at a uniform read from a 64-bit hash of (family, replicate,
 * seed). No random generator, no state: the same inputs give the same weights, byte for byte, and
 * children of one family share their weight (they move together, as in a cluster bootstrap).
 *
 * @example
 *   poissonWeightSql('u'); // "CASE WHEN … < 6786177901268885504::UBIGINT THEN 0 …"
 */

/** P(W ≤ k) for W ~ Poisson(1), k = 0…(length − 1) */
export function poissonCdf(kMax: number): number[] {
  const out: number[] = [];
  let term = Math.exp(-1);
  let sum = 0;
  for (let k = 0; k <= kMax; k++) {
    sum += term;
    out.push(sum);
    term /= k + 1;
  }
  return out;
}

/** the CDF's thresholds as unsigned 64-bit integers (exact decimal strings, for SQL) */
export function poissonThresholds(kMax = 9): string[] {
  return poissonCdf(kMax).map((p) => (BigInt(Math.round(p * 2 ** 53)) << 11n).toString());
}

/** SQL for the weight of one family and replicate, from a column holding its UBIGINT hash */
export function poissonWeightSql(hashColumn: string): string {
  const th = poissonThresholds();
  const whens = th.map((t, k) => `WHEN ${hashColumn} < ${t}::UBIGINT THEN ${k}`).join(' ');
  return `CASE ${whens} ELSE ${th.length} END`;
}
