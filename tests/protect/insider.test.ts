/**
 * Requirement C, the insider: a contributor that alone makes up a suppressed cell knows it; with
 * that knowledge it must not derive another contributor's primary cell.
 */
import { describeFailure } from '../../src/cli/audit.ts';
import { auditMessages } from '../../src/indicators/messages.ts';
import { audit, protect } from '../../src/protect/index.ts';
import * as msg from '../../src/protect/messages.ts';
import type { Cell, Contribution, ProtectSpec, RuleSet } from '../../src/protect/types.ts';
import type { Rng } from '../../src/sample/prng.ts';
import { flat, randomTable } from './fixtures.ts';
import { oracleFailures, oracleInsiderFailures } from './oracle.ts';

/** SSBtools' `magnitude1` (SSBtoolsData.R): geo, sector4, company, value. */
const magnitude1Rows: [string, string, string, number][] = [
  ['Iceland', 'Industry', 'B', 9.6], ['Iceland', 'Entertainment', 'B', 16.8], ['Iceland', 'Industry', 'C', 8.8], ['Iceland', 'Industry', 'D', 1.9],
  ['Portugal', 'Agriculture', 'A', 75.9], ['Portugal', 'Agriculture', 'B', 24.5], ['Portugal', 'Entertainment', 'B', 7.1], ['Portugal', 'Entertainment', 'D', 2.3],
  ['Portugal', 'Governmental', 'B', 21.6], ['Portugal', 'Governmental', 'D', 2], ['Portugal', 'Industry', 'B', 25.7], ['Portugal', 'Industry', 'D', 3.4],
  ['Spain', 'Agriculture', 'A', 96.6], ['Spain', 'Agriculture', 'B', 43.2], ['Spain', 'Entertainment', 'A', 77.4], ['Spain', 'Entertainment', 'B', 11.5],
  ['Spain', 'Entertainment', 'C', 16.4], ['Spain', 'Governmental', 'C', 6.5], ['Spain', 'Governmental', 'D', 2.7], ['Spain', 'Industry', 'C', 8.4],
];

/** sector4 × geo, geo rolling up to EU (Portugal, Spain) and nonEU (Iceland); NK(1,85), protectionPercent 0. */
const magnitude1: { spec: ProtectSpec; contributions: Contribution[] } = {
  spec: {
    dimensions: [
      flat('sector4', ['Agriculture', 'Entertainment', 'Governmental', 'Industry'], 'Total'),
      { name: 'geo', total: 'Total', hierarchies: { eu: { Iceland: 'nonEU', Portugal: 'EU', Spain: 'EU', EU: 'Total', nonEU: 'Total' } } },
    ],
    contributor: 'company',
    value: 'value',
    rules: { dominance: { n: 1, k: 85 }, protectionPercent: 0 },
  },
  contributions: magnitude1Rows.map(([geo, sector4, company, value]) => ({ codes: [sector4, geo], contributor: company, value })),
};

const sumOf = (keep: (row: [string, string, string, number]) => boolean) => Math.round(magnitude1Rows.filter(keep).reduce((sum, r) => sum + r[3] * 10, 0)) / 10;
const status = (cells: readonly Cell[], codes: string) => cells.find((c) => c.codes.join(' ') === codes)?.status;

describe('requirement C on SSBtools magnitude1', () => {
  // by hand: C alone makes up Industry/Spain; Governmental/Portugal is B's 21.6 of 23.6 (> 85 %)
  const industrySpain = sumOf(([geo, sector]) => geo === 'Spain' && sector === 'Industry');
  const govPortugal = sumOf(([geo, sector]) => geo === 'Portugal' && sector === 'Governmental');
  const spain = sumOf(([geo]) => geo === 'Spain');
  const agricultureSpain = sumOf(([geo, sector]) => geo === 'Spain' && sector === 'Agriculture');
  const entertainmentSpain = sumOf(([geo, sector]) => geo === 'Spain' && sector === 'Entertainment');
  const govEU = sumOf(([geo, sector]) => geo !== 'Iceland' && sector === 'Governmental');
  // C's derivation: Gov/Spain = Spain − Agriculture − Entertainment − its own Industry, then Gov/Portugal = Gov/EU − Gov/Spain
  const derived = Math.round((govEU - (spain - agricultureSpain - entertainmentSpain - industrySpain)) * 10) / 10;

  it('the arithmetic of the issue', () => {
    expect([industrySpain, Math.round((spain - agricultureSpain - entertainmentSpain) * 10) / 10, govPortugal, derived]).toEqual([8.4, 17.6, 23.6, 23.6]);
  });

  it('before (A and B alone): A and B hold, but C derives Governmental/Portugal = 23.6 exactly; the audit names C and the cell', async () => {
    const { spec, contributions } = magnitude1;
    const before = await protect(spec, contributions, { insider: false });
    const shown = (codes: string) => [codes, status(before.cells, codes)];
    // the pattern of the derivation: C's cell and Gov/Spain withheld, the rest of Spain and Gov/EU published
    expect(['Industry Spain', 'Governmental Spain', 'Governmental Portugal', 'Agriculture Spain', 'Entertainment Spain', 'Total Spain', 'Governmental EU'].map(shown)).toEqual([
      ['Industry Spain', 'u'], ['Governmental Spain', 'x'], ['Governmental Portugal', 'u'], ['Agriculture Spain', 's'], ['Entertainment Spain', 's'], ['Total Spain', 's'], ['Governmental EU', 's'],
    ]);
    expect(await oracleFailures(spec, before.cells)).toEqual([]);
    const insider = await oracleInsiderFailures(spec, contributions, before.cells, true);
    expect(insider.map((f) => f.split(' [')[0])).toEqual(['C C Governmental Portugal']);
    const [lo, hi] = insider[0].split(' [')[1].slice(0, -1).split(', ').map(Number);
    expect([lo, hi].map((x) => Math.abs(x - derived) < 1e-6)).toEqual([true, true]);

    const report = await audit(spec, contributions, before.cells);
    expect(report.ok).toBe(false);
    expect(report.failures.map((f) => [f.check, f.codes.join(' '), f.insider?.contributor, f.insider?.exact])).toEqual([['C', 'Governmental Portugal', 'C', true]]);
    const f = report.failures[0];
    expect(describeFailure(f)).toBe(msg.auditInsider(['Governmental', 'Portugal'], govPortugal, 'C', 1, true, f.lo, f.hi, f.requiredLo ?? 0, f.requiredHi ?? 0));
  });

  it('the verdict the publication stage keeps (summary, run log) names the derived cell, never the contributor', async () => {
    const { spec, contributions } = magnitude1;
    const before = await protect(spec, contributions, { insider: false });
    const report = await audit(spec, contributions, before.cells);
    const lines = report.failures.map(auditMessages.failure);
    expect(lines.length).toBe(1);
    expect(lines[0]).toContain('Governmental × Portugal');
    expect(lines[0]).not.toMatch(/\bC\b.*\bC\b/); // the check's letter once, not the company C
    expect(lines[0]).not.toContain('contributeur');
  });

  it('after: the engine withholds one more cell and no insider derives a primary cell (independent LP attacker)', async () => {
    const { spec, contributions } = magnitude1;
    // the patterns of elimination and repairs (the release pass apart: see release.test.ts)
    const before = await protect(spec, contributions, { insider: false, release: false });
    const after = await protect(spec, contributions, { release: false });
    expect(await oracleFailures(spec, after.cells)).toEqual([]);
    expect(await oracleInsiderFailures(spec, contributions, after.cells, true)).toEqual([]);
    expect((await audit(spec, contributions, after.cells)).failures).toEqual([]);
    // no blanket: what was withheld stays withheld, and one cell is added (Entertainment/Spain here)
    const hidden = (cells: readonly Cell[]) => cells.filter((c) => c.status !== 's').map((c) => c.codes.join(' '));
    expect(hidden(after.cells)).toEqual(expect.arrayContaining(hidden(before.cells)));
    expect(hidden(after.cells).filter((c) => !hidden(before.cells).includes(c))).toEqual(['Entertainment Spain']);
    expect(after.cells.find((c) => c.codes.join(' ') === 'Entertainment Total')?.value).toBe(131.5);
    // the release pass publishes again what C does not need (Entertainment/Portugal here), C still holding
    const released = await protect(spec, contributions);
    expect(hidden(released.cells).length).toBeLessThan(hidden(after.cells).length);
    expect(await oracleFailures(spec, released.cells)).toEqual([]);
    expect(await oracleInsiderFailures(spec, contributions, released.cells, true)).toEqual([]);
  });
});

const business: RuleSet = { minFrequency: 3, dominance: { n: 1, k: 85 }, protectionPercent: 10 };
const shape = { deps: [3, 5] as [number, number], cats: [2, 4] as [number, number], perCell: 3, contributors: 6, value: (rng: Rng) => Math.round(rng.lognormal(30, 1) * 10) / 10 };

describe('requirement C, property over random business-rule tables (independent LP attacker)', () => {
  const seeds = Array.from({ length: 16 }, (_, i) => 2600 + i);

  it('no insider derives a primary cell it does not alone make up, nor places it inside its interval', async () => {
    for (const seed of seeds) {
      const { spec, contributions } = randomTable(seed, business, shape);
      const table = await protect(spec, contributions);
      expect([seed, table.stats.proven]).toEqual([seed, true]);
      expect([seed, await oracleInsiderFailures(spec, contributions, table.cells, true)]).toEqual([seed, []]);
      expect([seed, (await audit(spec, contributions, table.cells)).ok]).toEqual([seed, true]);
    }
  });

  it('the same check fails on some of these tables when C is switched off (the property bites)', async () => {
    let failing = 0;
    for (const seed of seeds) {
      const { spec, contributions } = randomTable(seed, business, shape);
      const table = await protect(spec, contributions, { insider: false });
      const found = await oracleInsiderFailures(spec, contributions, table.cells, true);
      // the engine's own audit agrees with the independent attacker on which cells fail
      const report = await audit(spec, contributions, table.cells);
      const cells = (list: string[]) => [...new Set(list)].sort();
      expect([seed, cells(report.failures.filter((f) => f.check === 'C').map((f) => `${f.insider?.contributor} ${f.codes.join(' ')}`))]).toEqual([seed, cells(found.map((f) => f.split(' ').slice(1, 4).join(' ')))]);
      if (found.length > 0) failing++;
    }
    expect(failing).toBeGreaterThan(0);
  });

  it('counts of persons (minValue): no service derives another service\'s primary count exactly', async () => {
    for (const seed of seeds.slice(0, 8)) {
      const { spec, contributions } = randomTable(seed, { minValue: 5, protectionPercent: 10 });
      const table = await protect(spec, contributions);
      expect([seed, await oracleInsiderFailures(spec, contributions, table.cells, false)]).toEqual([seed, []]);
    }
  });
});

// requirement C on a table above 10 000 cells: tests/e2e/insider-large.test.ts (a large LP)
