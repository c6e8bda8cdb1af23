/**
 * A number rounded to the decimals it is shown with, half away from zero as `Math.round` does for
 * positives, and never `-0` (a small negative rounded to zero would print as « -0 » in some writers).
 * The one rounding of every output: publication CSV, workbooks, maps, impact estimates, audit summary
 * and the sample's figures.
 *
 * @example
 *   round(2.345, 1); // 2.3
 *   round(-0.0004, 2); // 0
 */
export function round(value: number, decimals: number): number {
  const f = 10 ** decimals;
  const r = Math.round(value * f) / f;
  return Object.is(r, -0) ? 0 : r;
}
