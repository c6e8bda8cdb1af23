import { PLANTED } from '../../src/impact/synthetic.ts';
import { TIMEOUT, covers, misses, runSeeds, SEEDS } from './impact-coverage.ts';

describe('planted effects over 30 seeds (small population, selection on the covariates)', () => {
  test('the matched 95 % interval covers the planted effect in at least 26 seeds; the naive difference misses it in at least 20', async () => {
    const results = await runSeeds(PLANTED, ['retour_juge', 'af_partagees'], 1);
    for (const outcome of ['retour_juge', 'af_partagees'] as const) {
      const rows = results.get(outcome)!;
      expect(rows).toHaveLength(SEEDS);
      expect(rows.filter((r) => covers(r.matched, PLANTED[outcome])).length).toBeGreaterThanOrEqual(26);
    }
    // selection is real: richer families and older children go to mediation and return to court less anyway
    const retour = results.get('retour_juge')!;
    expect(retour.filter((r) => misses(r.naive, PLANTED.retour_juge)).length).toBeGreaterThanOrEqual(20);
    // the naive difference overstates the reduction: it lies below the planted effect
    expect(retour.filter((r) => r.naive.effect! < PLANTED.retour_juge).length).toBeGreaterThanOrEqual(26);
    }, TIMEOUT);
});
