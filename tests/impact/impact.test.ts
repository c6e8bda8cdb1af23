import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { formatImpactCsv, formatImpactLongCsv, LONG_COLUMNS } from '../../src/format/impact-csv.ts';
import { impactTables, type ImpactResult } from '../../src/impact/impact.ts';
import { impactRules, OUTCOMES } from '../../src/impact/rules.ts';
import { generateSynthetic, loadSynthetic, PLANTED, type CafRow, type JusticeRow, type MediationRow, type SyntheticOptions } from '../../src/impact/synthetic.ts';

/** two regions of metropolitan France and one DROM department, too small to be published alone */
const departments = [
  { code: '13', region: 'R93' }, { code: '06', region: 'R93' }, { code: '59', region: 'R32' }, { code: '974', region: 'R04' },
];
const twoCohorts: SyntheticOptions = { seed: 4, families: 1500, cohorts: [2023, 2024], lastYear: 2025, effects: PLANTED, departments: ['13', '06', '59', '59', '974'] };

async function run(options: SyntheticOptions): Promise<{ connection: DuckDBConnection; result: ImpactResult }> {
  const connection = await (await DuckDBInstance.create(':memory:')).connect();
  await loadSynthetic(connection, options);
  return { connection, result: await impactTables(connection, 2025, departments) };
}

const read = async (c: DuckDBConnection, sql: string): Promise<Record<string, unknown>[]> =>
  (await c.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[];


/**
 * Every published survival step, recounted from the matched children the run left in DuckDB: each arm
 * has at least 11 children at risk, and 0 or at least 11 events since the step before.
 */
async function expectStepsPassRule(connection: DuckDBConnection, steps: readonly { month: number }[]): Promise<void> {
  const children = await read(connection, `
      SELECT c.treated, c.km_time, c.km_event FROM impact_children c
      JOIN impact_strata s ON s.cohort = c.cohort AND s.stratum = c.stratum WHERE s.matched`);
  let previous = 0;
  for (const { month } of steps) {
    for (const arm of [true, false]) {
      const mine = children.filter((c) => c.treated === arm);
      expect(mine.filter((c) => Number(c.km_time) >= month).length).toBeGreaterThanOrEqual(11);
      const events = mine.filter((c) => Number(c.km_event) === 1 && Number(c.km_time) > previous && Number(c.km_time) <= month).length;
      expect(events === 0 || events >= 11).toBe(true);
    }
    previous = month;
  }
}

describe('impact estimates on a small synthetic population', () => {
  let connection: DuckDBConnection;
  let result: ImpactResult;
  beforeAll(async () => {
    ({ connection, result } = await run(twoCohorts));
  }, 300_000);

  test('population and treatment equal a brute-force reading of the rows', async () => {
    const caf: CafRow[] = [];
    const mediation: MediationRow[] = [];
    const justice: JusticeRow[] = [];
    generateSynthetic(twoCohorts, { caf: (r) => caf.push(r), mediation: (r) => mediation.push(r), justice: (r) => justice.push(r) });
    const situation = new Map(caf.map((r) => [`${r[0]}|${r[2]}`, r]));
    const month = (d: string): number => Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7)) - 1;
    for (const cohort of [2023, 2024]) {
      const population = caf.filter((r) => r[2] === cohort && r[6] === 1 && situation.get(`${r[0]}|${cohort - 1}`)?.[6] === 0).map((r) => r[0]);
      const treated = population.filter((e) => mediation.some((m) => m[0] === e && month(m[4]) >= (cohort - 1) * 12 + 6 && month(m[4]) <= (cohort + 1) * 12 + 11));
      const retour = population.filter((e) => justice.some((j) => j[0] === e && month(j[3]) >= (cohort + 1) * 12 && month(j[3]) < (cohort + 3) * 12));
      const [got] = await read(connection, `SELECT count(*) AS n, count(*) FILTER (WHERE treated) AS t, sum(y_retour_juge) AS y FROM impact_children WHERE cohort = ${cohort}`);
      expect([Number(got.n), Number(got.t), Number(got.y)]).toEqual([population.length, treated.length, retour.length]);
    }
  });

  test('only cohorts with 24 months observed are estimated (2023 in the 2025 run)', () => {
    expect(result.cohorts).toEqual([2023]);
  });

  test('published estimates rest on at least 200 treated and 200 matched comparison children; the others are empty', () => {
    const published = result.effects.filter((e) => e.status === 'published' && e.method === 'matched');
    expect(published.some((e) => e.geo === 'FR')).toBe(true);
    for (const e of published) {
      expect(e.treated!).toBeGreaterThanOrEqual(impactRules.minTreated);
      expect(e.compared!).toBeGreaterThanOrEqual(impactRules.minCompared);
    }
    const insufficient = result.effects.filter((e) => e.status === 'insufficient');
    // the DROM department alone is too small: the DROM, its region and (by difference) métropole are withheld
    for (const geo of ['DROM', 'R04', 'FRM']) {
      expect(insufficient.filter((e) => e.geo === geo).map((e) => e.outcome)).toEqual([...OUTCOMES]);
    }
    for (const e of insufficient) expect([e.effect, e.ciLow, e.ciHigh, e.treated, e.compared, e.support, e.eValue]).toEqual([null, null, null, null, null, null, null]);
  });

  test('every published estimate has its interval, its common support and the naive difference beside it', () => {
    const matched = result.effects.filter((e) => e.status === 'published' && e.method === 'matched');
    for (const e of matched) {
      expect(e.ciLow!).toBeLessThanOrEqual(e.effect!);
      expect(e.effect!).toBeLessThanOrEqual(e.ciHigh!);
      expect(e.support).not.toBeNull();
      expect(result.effects.some((n) => n.method === 'naive' && n.geo === e.geo && n.cohort === e.cohort && n.outcome === e.outcome)).toBe(true);
    }
  });

  test('no survival step fails the at-risk or event rule (counts recomputed from the children)', async () => {
    expect(result.survival.steps.length).toBeGreaterThan(0);
    await expectStepsPassRule(connection, result.survival.steps);
  });

  test('the curves fall and their bands hold the estimate', () => {
    let last = 1;
    for (const s of result.survival.steps) {
      for (const band of [s.treated, s.compared]) {
        expect(band.low).toBeLessThanOrEqual(band.survival);
        expect(band.survival).toBeLessThanOrEqual(band.high);
      }
      expect(s.treated.survival).toBeLessThanOrEqual(last);
      last = s.treated.survival;
    }
  });

  test('the long CSV follows the contract and is byte-identical from one run to the next', async () => {
    const text = formatImpactLongCsv(result.effects);
    expect(text.split('\n')[0]).toBe(LONG_COLUMNS.join(','));
    const again = await run(twoCohorts);
    expect(formatImpactLongCsv(again.result.effects)).toBe(text);
    expect(JSON.stringify(again.result.survival)).toBe(JSON.stringify(result.survival));
  }, 300_000);

  test('the French table has a BOM, `;` and decimal commas', () => {
    const text = formatImpactCsv(result.effects, 2025, { FR: 'France', R93: "Provence-Alpes-Côte d'Azur" });
    expect(text.startsWith('\ufeff')).toBe(true);
    const france = text.split('\r\n').find((l) => l.startsWith('FR;France;2023;'));
    expect(france).toBeDefined();
    expect(france!.split(';').length).toBe(13);
  });
});

describe('small cohorts', () => {
  test('a population below the size rule publishes no estimate, only empty rows; its curve steps still pass the rule', async () => {
    const { connection, result } = await run({ seed: 8, families: 150, cohorts: [2023, 2024], lastYear: 2025, effects: PLANTED, departments: ['13', '59'] });
    expect(result.effects.length).toBeGreaterThan(0);
    expect(result.effects.every((e) => e.status === 'insufficient' && e.effect === null)).toBe(true);
    await expectStepsPassRule(connection, result.survival.steps);
  }, 300_000);
});
