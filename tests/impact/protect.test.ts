import type { EffectRow, ImpactResult } from '../../src/impact/impact.ts';
import { protectImpact, type ArmCount, type ImpactCounts, type TimeCount } from '../../src/impact/protect.ts';
import { OUTCOMES } from '../../src/impact/rules.ts';
import { protectionEngine } from '../../src/runtime/engine.ts';

const rules = { minValue: 11, protectionPercent: 10 };
const departments = [{ code: '13', region: 'R93' }, { code: '06', region: 'R93' }, { code: '2A', region: 'R94' }, { code: '2B', region: 'R94' }];

const published = (geo: string, method: EffectRow['method']): EffectRow[] => OUTCOMES.map((outcome) => ({
  geo, cohort: 2023, outcome, method, effect: -5, ciLow: -8, ciHigh: -2, treated: 300, compared: 600, support: 95, eValue: 1.5, status: 'published',
}));

/** `y`: children with each outcome; 2A's unmatched treated have 3 children with the first outcome only */
const arm = (departement: string, treated: boolean, matched: boolean, n: number, y: number[]): ArmCount => ({ cohort: 2023, departement, treated, matched, n, y });
const arms: ArmCount[] = [
  arm('13', true, true, 200, [60, 40, 30, 20]), arm('13', true, false, 40, [12, 12, 12, 12]),
  arm('13', false, true, 400, [120, 80, 60, 40]), arm('13', false, false, 100, [30, 30, 30, 30]),
  arm('06', true, true, 100, [30, 20, 15, 12]), arm('06', false, true, 200, [60, 40, 30, 20]),
  arm('2A', true, true, 50, [15, 15, 15, 15]), arm('2A', true, false, 30, [3, 15, 15, 15]),
  arm('2A', false, true, 80, [20, 20, 20, 20]), arm('2A', false, false, 40, [20, 20, 20, 20]),
];

const noCurve = { cohorts: [], steps: [] };

describe('the impact counts through the protection engine', () => {
  test('an outcome whose counts hide a small remainder is withheld for France or the region; the others stay published', async () => {
    const result: ImpactResult = { year: 2025, cohorts: [2023], effects: [...published('FR', 'matched'), ...published('FR', 'naive'), ...published('R93', 'matched'), ...published('R93', 'naive')], survival: noCurve };
    const counts: ImpactCounts = { arms, mediationTimes: [], rencontreTimes: [] };
    const safe = await protectImpact(result, counts, [], departments, protectionEngine, rules);
    expect(safe.failures).toEqual([]);
    const status = (geo: string, outcome: string) => safe.effects.filter((e) => e.geo === geo && e.outcome === outcome).map((e) => `${e.method}:${e.status}`).join(' ');
    // the other regions' unmatched treated with the first outcome (3 children) = France − R93 in four published counts
    expect([status('FR', 'retour_juge'), status('R93', 'retour_juge')]).toContain('matched:insufficient');
    for (const outcome of OUTCOMES.slice(1)) {
      expect(status('FR', outcome)).toBe('matched:published naive:published');
      expect(status('R93', outcome)).toBe('matched:published naive:published');
    }
    // a withheld outcome keeps one row, with no figure
    const withheld = safe.effects.filter((e) => e.status === 'insufficient');
    expect(withheld.length).toBeGreaterThan(0);
    for (const e of withheld) expect([e.method, e.effect, e.treated, e.compared, e.support, e.eValue]).toEqual(['matched', null, null, null, null, null]);
  }, 60_000);

  test('a survival curve stops before the first step whose events are secret', async () => {
    const times = (group: string, list: [number, number, number][]): TimeCount[] => list.map(([time, event, n]) => ({ group, departement: '13', time, event, n }));
    // steps at 3, 6, 12: 20 events by month 3, 5 in (3, 6] (a count of 1 to 10), 15 in (6, 12], 100 followed to 24
    const treated = times('traites', [[2, 1, 20], [5, 1, 5], [9, 1, 15], [24, 0, 100]]);
    const compared = times('compares', [[2, 1, 30], [5, 1, 30], [9, 1, 30], [24, 0, 200]]);
    const steps = [3, 6, 12].map((month) => ({ month, treated: { survival: 0.9, low: 0.8, high: 0.95 }, compared: { survival: 0.9, low: 0.8, high: 0.95 } }));
    const result: ImpactResult = { year: 2025, cohorts: [], effects: [], survival: { cohorts: [2023], steps } };
    const safe = await protectImpact(result, { arms: [], mediationTimes: [...treated, ...compared], rencontreTimes: [] }, [], departments, protectionEngine, rules);
    expect(safe.failures).toEqual([]);
    expect(safe.survival.steps.map((s) => s.month)).toEqual([3]);
    // with 15 events in (3, 6] instead, every step stays
    treated[1].n = 15;
    const all = await protectImpact(result, { arms: [], mediationTimes: [...treated, ...compared], rencontreTimes: [] }, [], departments, protectionEngine, rules);
    expect(all.survival.steps.map((s) => s.month)).toEqual([3, 6, 12]);
  }, 60_000);
});
