import { audit } from '../../src/protect/index.ts';
import { key, oneContributorPerCell, tauArgus, twoWay } from './fixtures.ts';
import type { Cell } from '../../src/protect/types.ts';
import { oracleIntervals } from './oracle.ts';

/** Cells of a protected-looking table with the given cells hidden (status x or u). */
async function withHidden(spec: Parameters<typeof audit>[0], contributions: Parameters<typeof audit>[1], hidden: Record<string, 'u' | 'x'>): Promise<Cell[]> {
  const { protect } = await import('../../src/protect/index.ts');
  const table = await protect({ ...spec, rules: {} }, contributions);
  return table.cells.map((c) => ({ ...c, status: hidden[key(c)] ?? 's' }));
}

describe('audit', () => {
  it('reproduces the τ-ARGUS manual check (§2.15): [3, 6], [1, 4], [0, 3], [0, 3]', async () => {
    const cells = await withHidden(tauArgus.spec, tauArgus.contributions, Object.fromEntries(tauArgus.hidden.map((h) => [h, 'x' as const])));
    const report = await audit(tauArgus.spec, tauArgus.contributions, cells);
    const found = Object.fromEntries(report.intervals.map((i) => [i.codes.join(' '), [i.lo, i.hi]]));
    for (const [cell, [lo, hi]] of Object.entries(tauArgus.intervals)) {
      expect([cell, found[cell][0]]).toEqual([cell, expect.closeTo(lo, 6)]);
      expect([cell, found[cell][1]]).toEqual([cell, expect.closeTo(hi, 6)]);
    }
    // and the independent oracle agrees
    const oracle = await oracleIntervals(tauArgus.spec, cells, false);
    expect(oracle.map((o) => [key(o.cell), o.lo, o.hi])).toEqual(Object.entries(tauArgus.intervals).map(([c, [lo, hi]]) => [c, lo, hi]));
  });

  it('fails a primary cell left published, and a cell listed with a wrong value', async () => {
    const spec = twoWay({ minValue: 2 });
    const contributions = oneContributorPerCell(['r1', 'r2', 'r3'], ['c1', 'c2'], [[4, 3], [1, 5], [3, 3]]);
    const cells = await withHidden(spec, contributions, {});
    const report = await audit(spec, contributions, cells);
    expect(report.ok).toBe(false);
    expect(report.failures.map((f) => `${f.check} ${f.codes.join(' ')}`)).toContain('status r2 c1');
    const wrong = cells.map((c) => (key(c) === 'r1 c1' ? { ...c, value: 99 } : c));
    const report2 = await audit(spec, contributions, wrong);
    expect(report2.failures.map((f) => `${f.check} ${f.codes.join(' ')} ${f.expected}`)).toContain('value r1 c1 4');
  });

  it('fails requirement A when a primary cell is hidden with one partner that pins it', async () => {
    // r2 c1 (1) and r2 c2 (5) hidden: column totals give both back exactly
    const spec = twoWay({ minValue: 2, protectionPercent: 10 });
    const contributions = oneContributorPerCell(['r1', 'r2', 'r3'], ['c1', 'c2'], [[4, 3], [1, 5], [3, 3]]);
    const cells = await withHidden(spec, contributions, { 'r2 c1': 'u', 'r2 c2': 'x' });
    const report = await audit(spec, contributions, cells);
    expect(report.failures.filter((f) => f.check === 'A').map((f) => f.codes.join(' '))).toContain('r2 c1');
  });

  it('fails requirement B on two hidden cells that must add up to 2 (the singleton problem)', async () => {
    // r2 c1 = 1 and r2 c2 = 1, with r3 c1 / r3 c2 hidden too: A holds ([0, 2]) but knowing each ≥ 1 pins them
    const spec = twoWay({ minValue: 2, protectionPercent: 0 });
    const contributions = oneContributorPerCell(['r1', 'r2', 'r3'], ['c1', 'c2'], [[4, 3], [1, 1], [3, 3]]);
    const cells = await withHidden(spec, contributions, { 'r2 c1': 'u', 'r2 c2': 'u', 'r3 c1': 'x', 'r3 c2': 'x' });
    const report = await audit(spec, contributions, cells);
    expect(report.zerosKnown).toBe(true);
    expect(report.failures.filter((f) => f.check === 'A')).toEqual([]);
    expect(report.failures.filter((f) => f.check === 'B').map((f) => f.codes.join(' ')).sort()).toEqual(['r2 c1', 'r2 c2']);
  });

  it('passes a pattern safe from outside, but fails requirement C: each other contributor of the rectangle derives r2 c1', async () => {
    // one contributor per cell: whoever alone makes up r2 c2, r3 c1 or r3 c2 knows it, and the
    // published margins then give r2 c1 = 1 back exactly
    const spec = twoWay({ minValue: 2, protectionPercent: 10 });
    const contributions = oneContributorPerCell(['r1', 'r2', 'r3'], ['c1', 'c2'], [[4, 3], [1, 5], [3, 3]]);
    const cells = await withHidden(spec, contributions, { 'r2 c1': 'u', 'r2 c2': 'x', 'r3 c1': 'x', 'r3 c2': 'x' });
    const report = await audit(spec, contributions, cells);
    expect(report.failures.filter((f) => f.check !== 'C')).toEqual([]);
    expect(report.insiders).toBe(4);
    expect(report.failures.map((f) => [f.codes.join(' '), f.insider?.contributor, f.insider?.exact, f.lo, f.hi])).toEqual([
      ['r2 c1', 'r2c2', true, 1, 1],
      ['r2 c1', 'r3c1', true, 1, 1],
      ['r2 c1', 'r3c2', true, 1, 1],
    ]);
  });

  it('requirement C on counts with a suppressed zero: only the exact derivation, by the contributor whose cell completes the row', async () => {
    // r2 c1 is a zero with a contributor, suppressed: zeros are not known, B does not apply. From
    // outside, r1 c1 (3) moves from 0 to 8 (rectangles through r2 and r3); whoever alone makes up
    // r1 c2 knows it, and the row total then gives r1 c1 = 13 − 10 = 3
    const spec = twoWay({ minValue: 4 });
    const contributions = oneContributorPerCell(['r1', 'r2', 'r3'], ['c1', 'c2'], [[3, 10], [0, 10], [5, 5]]);
    const cells = await withHidden(spec, contributions, { 'r1 c1': 'u', 'r1 c2': 'x', 'r2 c1': 'x', 'r2 c2': 'x', 'r3 c1': 'x', 'r3 c2': 'x' });
    const report = await audit(spec, contributions, cells);
    expect(report.zerosKnown).toBe(false);
    expect(report.failures.map((f) => [f.check, f.codes.join(' '), f.insider?.contributor, f.insider?.exact, f.lo, f.hi])).toEqual([['C', 'r1 c1', 'r1c2', true, 3, 3]]);
  });

  it('passes the engine\'s pattern, requirement C included', async () => {
    const spec = twoWay({ minValue: 2, protectionPercent: 10 });
    const contributions = oneContributorPerCell(['r1', 'r2', 'r3'], ['c1', 'c2'], [[4, 3], [1, 5], [3, 3]]);
    const { protect } = await import('../../src/protect/index.ts');
    const report = await audit(spec, contributions, (await protect(spec, contributions)).cells);
    expect(report.failures).toEqual([]);
    expect(report.ok).toBe(true);
  });
});
