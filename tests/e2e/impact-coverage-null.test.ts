import { TIMEOUT, covers, runSeeds, SEEDS } from './impact-coverage.ts';

describe('no effect over 30 seeds (the null scenario)', () => {
  test('the matched 95 % interval covers 0 in at least 26 seeds, for every outcome', async () => {
    const outcomes = ['retour_juge', 'asf', 'af_partagees', 'intermediation'] as const;
    const results = await runSeeds({}, outcomes, 101);
    for (const outcome of outcomes) {
      const rows = results.get(outcome)!;
      expect(rows).toHaveLength(SEEDS);
      expect(rows.filter((r) => covers(r.matched, 0)).length).toBeGreaterThanOrEqual(26);
    }
    }, TIMEOUT);
});
