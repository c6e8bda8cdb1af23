/**
 * Requirement C on a business table above the old limit of 10 000 cells (13 431 cells): the audit
 * checks it there, finds the insider's derivation without C and none with it. A large LP, so in
 * `make e2e`; the other insider tests are in tests/protect/insider.test.ts.
 */
import { audit, protect } from '../../src/protect/index.ts';
import type { Contribution, ProtectSpec } from '../../src/protect/types.ts';
import { flat } from '../protect/fixtures.ts';

describe('requirement C above the old limit of 10 000 cells (business rule sets are always checked)', () => {
  // 1 200 leaves in 20 groups × 10 categories: (1 200 + 20 + 1) × 11 = 13 431 cells. Every cell has
  // three contributors except, in leaf L0, C0 (S1 alone) and C1 (S2 alone): both primary (fewer
  // than 3). Knowing its C0, S1 gets C1 from L0's published total unless a third cell of that row
  // is withheld.
  const leaves = Array.from({ length: 1200 }, (_, l) => `L${l}`);
  const cats = Array.from({ length: 10 }, (_, k) => `C${k}`);
  const spec: ProtectSpec = {
    dimensions: [
      { name: 'geo', total: 'T', hierarchies: { g: { ...Object.fromEntries(leaves.map((l, i) => [l, `G${i % 20}`])), ...Object.fromEntries(Array.from({ length: 20 }, (_, g) => [`G${g}`, 'T'])) } } },
      flat('cat', cats, 'ENS'),
    ],
    contributor: 'service',
    value: 'montant',
    rules: { minFrequency: 3, protectionPercent: 10 },
  };
  const contributions: Contribution[] = leaves.flatMap((l, i) =>
    cats.flatMap((c, k) => {
      if (i === 0 && k < 2) return [{ codes: [l, c], contributor: `S${k + 1}`, value: 10 * (k + 1) }];
      return ['a', 'b', 'c'].map((s, j) => ({ codes: [l, c], contributor: `${l}-${s}`, value: 5 + ((i * 7 + k * 3 + j * 11) % 50) }));
    }),
  );

  it('the audit checks C there and finds S1 deriving C1 without it; with it, the pattern passes', async () => {
    const without = await protect(spec, contributions, { insider: false, release: false });
    expect(without.stats.cells).toBeGreaterThan(10_000);
    const before = await audit(spec, contributions, without.cells);
    expect(before.insiderChecked).toBe(true);
    expect(before.failures.filter((f) => f.check === 'C').map((f) => [f.insider?.contributor, f.codes.join(' ')])).toContainEqual(['S1', 'L0 C1']);
    const table = await protect(spec, contributions);
    const report = await audit(spec, contributions, table.cells);
    expect([report.insiderChecked, report.insiders > 0, report.ok, report.failures]).toEqual([true, true, true, []]);
  });
});
