/**
 * The E-value (VanderWeele and Ding, 2017): the minimum strength of association, on the risk-ratio
 * scale, that an unmeasured confounder would need with both the treatment and the outcome to explain
 * an observed risk ratio away. For RR ≥ 1, E = RR + √(RR (RR − 1)); for RR < 1, the same on 1 / RR.
 * A difference in points is read as a risk ratio through the treated and comparison rates.
 *
 * @example
 *   eValue(3.9);            // 7.26…  (VanderWeele and Ding's example)
 *   eValueFromRates(0.2, 0.26); // the E-value of RR = 0.2 / 0.26
 */
export function eValue(riskRatio: number): number {
  const rr = riskRatio < 1 ? 1 / riskRatio : riskRatio;
  return rr + Math.sqrt(rr * (rr - 1));
}

/** E-value of the treated rate against the comparison rate (null when a rate is 0 or not finite) */
export function eValueFromRates(treated: number, comparison: number): number | null {
  if (!(treated > 0) || !(comparison > 0) || !Number.isFinite(treated / comparison)) return null;
  return eValue(treated / comparison);
}
