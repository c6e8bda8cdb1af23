/**
 * Kaplan–Meier survival on a monthly grid, with weights, and the publication rule of its steps.
 *
 * At month t, n(t) is the (weighted) number of children still followed at the start of t (their time
 * ≥ t) and d(t) the (weighted) number whose event falls in t; S(t) = Π_{u ≤ t} (1 − d(u) / n(u)).
 * A child censored at t is at risk in t (censoring after the events of the month, the usual convention).
 *
 * @example
 *   kaplanMeier([{ time: 2, event: 1, weight: 1 }, { time: 3, event: 0, weight: 1 }], 3).map((p) => p.survival); // [1, 0.5, 0.5]
 */
export interface SurvivalRecord {
  /** month of the event or of the censoring, 1…horizon */
  time: number;
  /** 1 = event, 0 = censored */
  event: number;
  weight: number;
}

export interface SurvivalPoint {
  time: number;
  atRisk: number;
  events: number;
  survival: number;
}

export function kaplanMeier(records: readonly SurvivalRecord[], horizon: number): SurvivalPoint[] {
  const leaving = new Array<number>(horizon + 2).fill(0);
  const events = new Array<number>(horizon + 2).fill(0);
  let total = 0;
  for (const r of records) {
    const t = Math.min(Math.max(r.time, 0), horizon + 1);
    leaving[t] += r.weight;
    if (r.event === 1) events[t] += r.weight;
    total += r.weight;
  }
  const out: SurvivalPoint[] = [];
  let atRisk = total - leaving[0];
  let survival = 1;
  for (let t = 1; t <= horizon; t++) {
    if (atRisk > 0) survival *= 1 - events[t] / atRisk;
    out.push({ time: t, atRisk, events: events[t], survival });
    atRisk -= leaving[t];
  }
  return out;
}

export interface StepRule {
  minAtRisk: number;
  minEvents: number;
}

/**
 * The months whose step may be published, given each group's unweighted counts (children at risk
 * and events per month): every group has at least `minAtRisk` children at risk, and the events of each
 * group since the previous published month are 0 or at least `minEvents`. A month that fails the
 * event rule is skipped, its events carried to the next one (the grid is coarsened); the curve stops
 * at the first month where a group has too few children at risk (it only falls afterwards).
 */
export function publishedMonths(groups: readonly (readonly SurvivalPoint[])[], rule: StepRule): number[] {
  const horizon = Math.min(...groups.map((g) => g.length));
  const carried = groups.map(() => 0);
  const months: number[] = [];
  for (let i = 0; i < horizon; i++) {
    if (groups.some((g) => g[i].atRisk < rule.minAtRisk)) break;
    groups.forEach((g, k) => (carried[k] += g[i].events));
    if (carried.every((e) => e === 0 || e >= rule.minEvents)) {
      months.push(groups[0][i].time);
      carried.fill(0);
    }
  }
  return months;
}
