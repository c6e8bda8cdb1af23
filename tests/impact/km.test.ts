import { kaplanMeier, publishedMonths, type SurvivalPoint } from '../../src/impact/km.ts';
import { createRng } from '../../src/sample/prng.ts';

/** six children: events at months 2, 2, 4 and 5; censored at 3 and 5 */
const censoredSix = [
  { time: 2, event: 1, weight: 1 },
  { time: 2, event: 1, weight: 1 },
  { time: 3, event: 0, weight: 1 },
  { time: 4, event: 1, weight: 1 },
  { time: 5, event: 1, weight: 1 },
  { time: 5, event: 0, weight: 1 },
];

describe('Kaplan–Meier', () => {
  test('matches the hand computation with censoring', () => {
    const km = kaplanMeier(censoredSix, 5);
    // t=1: 6 at risk, no event, S=1; t=2: 6 at risk, 2 events, S=4/6; t=3: 4 at risk, censoring only;
    // t=4: 3 at risk, 1 event, S=4/6·2/3=4/9; t=5: 2 at risk, 1 event, S=4/9·1/2=2/9
    expect(km.map((p) => p.atRisk)).toEqual([6, 6, 4, 3, 2]);
    expect(km.map((p) => p.events)).toEqual([0, 2, 0, 1, 1]);
    const expected = [1, 4 / 6, 4 / 6, 4 / 9, 2 / 9];
    km.forEach((p, i) => expect(p.survival).toBeCloseTo(expected[i], 12));
  });

  test('weights count as that many children', () => {
    const doubled = kaplanMeier(censoredSix.map((r) => ({ ...r, weight: 2 })), 5);
    const once = kaplanMeier(censoredSix, 5);
    doubled.forEach((p, i) => expect(p.survival).toBeCloseTo(once[i].survival, 12));
    expect(doubled[0].atRisk).toBe(12);
  });
});

/** the rule checked from scratch: at-risk counts at the month, events summed since the previous published month */
function breaksRule(groups: SurvivalPoint[][], months: number[]): string | null {
  let previous = 0;
  for (const m of months) {
    for (const g of groups) {
      if (g[m - 1].atRisk < 11) return `month ${m}: ${g[m - 1].atRisk} at risk`;
      let events = 0;
      for (let t = previous + 1; t <= m; t++) events += g[t - 1].events;
      if (events > 0 && events < 11) return `months ${previous + 1}–${m}: ${events} events`;
    }
    previous = m;
  }
  return null;
}

describe('publication rule of the survival steps', () => {
  test('small random cohorts: no published step fails the at-risk or event rule', () => {
    const rng = createRng(7);
    let published = 0;
    for (let k = 0; k < 200; k++) {
      const groups = [0, 1].map(() => {
        const n = rng.int(5, 80);
        const records = Array.from({ length: n }, () => ({ time: rng.int(1, 24), event: rng.chance(0.5) ? 1 : 0, weight: 1 }));
        return kaplanMeier(records, 24);
      });
      const months = publishedMonths(groups, { minAtRisk: 11, minEvents: 11 });
      published += months.length;
      expect(breaksRule(groups, months)).toBeNull();
    }
    expect(published).toBeGreaterThan(0);
  });

  test('months with 1 to 10 events are merged into the next step', () => {
    const group = (events: number[]): SurvivalPoint[] =>
      events.map((e, i) => ({ time: i + 1, atRisk: 100, events: e, survival: 1 }));
    // 5 + 6 = 11 events reach the threshold at month 2; month 3 has none; months 4–5 hold 3 then 20
    expect(publishedMonths([group([5, 6, 0, 3, 20]), group([0, 0, 0, 0, 0])], { minAtRisk: 11, minEvents: 11 })).toEqual([2, 3, 5]);
  });

  test('the curve stops where a group has fewer than 11 children at risk', () => {
    const a = [50, 30, 12, 10, 9].map((n, i) => ({ time: i + 1, atRisk: n, events: 0, survival: 1 }));
    expect(publishedMonths([a, a], { minAtRisk: 11, minEvents: 11 })).toEqual([1, 2, 3]);
  });
});
