/**
 * The one rule-set schema (src/protect/rule-set.ts) read by SPEC.json, protect.json and the follow-up
 * rules: each bound refuses the value at which its rule could no longer withhold anything.
 */
import { ruleBounds } from '../../src/protect/messages.ts';
import { RULE_SET_KEYS, ruleSetSchema } from '../../src/protect/rule-set.ts';

/** The first problem zod reports: where, and why. */
function refusal(rules: unknown): { at: string; why: string } | undefined {
  const parsed = ruleSetSchema.safeParse(rules);
  if (parsed.success) return undefined;
  const issue = parsed.error.issues[0];
  return { at: issue.path.join('.'), why: issue.message };
}

describe('rule-set schema', () => {
  it('refuses each threshold at which its rule would hide nothing, with the reason', () => {
    const cases: [object, string, string][] = [
      [{ minValue: 1 }, 'minValue', ruleBounds.minValue],
      [{ minValue: 4.5 }, 'minValue', ruleBounds.minValue],
      [{ minFrequency: 1 }, 'minFrequency', ruleBounds.minFrequency],
      [{ minFrequency: 0 }, 'minFrequency', ruleBounds.minFrequency],
      [{ minFrequency: '3' }, 'minFrequency', ruleBounds.minFrequency],
      [{ dominance: { n: 1, k: 100 } }, 'dominance.k', ruleBounds.dominanceK],
      [{ dominance: { n: 1, k: 0 } }, 'dominance.k', ruleBounds.dominanceK],
      [{ dominance: { n: 0, k: 85 } }, 'dominance.n', ruleBounds.dominanceN],
      [{ pPercent: 0 }, 'pPercent', ruleBounds.pPercent],
      [{ protectionPercent: 0 }, 'protectionPercent', ruleBounds.protectionPercent],
      [{ protectionPercent: 101 }, 'protectionPercent', ruleBounds.protectionPercent],
    ];
    for (const [rules, at, why] of cases) expect(refusal(rules)).toEqual({ at, why });
  });

  it('accepts the smallest thresholds that still hide something, and no rule at all (public counts)', () => {
    const smallest = { minValue: 2, minFrequency: 2, dominance: { n: 1, k: 0.5 }, pPercent: 0.5, protectionPercent: 0.5 };
    expect(ruleSetSchema.parse(smallest)).toEqual(smallest);
    expect(ruleSetSchema.parse({})).toEqual({});
  });

  it('refuses a misspelt rule instead of dropping it, and drops $comment', () => {
    expect(ruleSetSchema.safeParse({ minFrequence: 3 }).success).toBe(false);
    expect(ruleSetSchema.safeParse({ dominance: { n: 1, k: 85, p: 2 } }).success).toBe(false);
    expect(ruleSetSchema.parse({ $comment: 'services', minFrequency: 3, dominance: { $comment: 'NK(1,85)', n: 1, k: 85 } })).toEqual({ minFrequency: 3, dominance: { n: 1, k: 85 } });
    expect(RULE_SET_KEYS).toEqual(['minValue', 'minFrequency', 'dominance', 'pPercent', 'protectionPercent']);
  });
});
