/**
 * Impact estimates of family mediation (issue 24), the stage's one entry point:
 *
 *   population (SQL) → CEM strata and weights (SQL) → Poisson bootstrap over families (SQL, block by
 *   block) → effects, intervals, E-values, size rule (TypeScript, small tables) → survival curves with
 *   bands and the step rule.
 *
 * It reads the follow-up tables already loaded in DuckDB (issue 23's contract: `caf`, `mediation`,
 * `justice`, every year stacked) and writes only `impact_*` tables in the same connection.
 *
 * @example
 *   const result = await impactTables(connection, 2025, departments);
 *   result.effects.filter((e) => e.geo === 'FR' && e.status === 'published');
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { round } from '../format/round.ts';
import { runBootstrap } from './bootstrap.ts';
import { eValueFromRates } from './evalue.ts';
import { kaplanMeier, publishedMonths, type SurvivalPoint } from './km.ts';
import { strataSql, unitsSql } from './matching.ts';
import { populationSql } from './population.ts';
import { defaultSuiviTables, impactRules, OUTCOMES, type ImpactRules, type Method, type Outcome, type SuiviTables } from './rules.ts';
import { DROM, FRANCE, METRO, publishedTerritories, territoriesOf, type TerritoryCounts } from './territories.ts';

export interface EffectRow {
  geo: string;
  cohort: number;
  outcome: Outcome;
  method: Method;
  /** percentage points, treated minus comparison; null when not published */
  effect: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  treated: number | null;
  compared: number | null;
  /** share of the treated children matched, % */
  support: number | null;
  eValue: number | null;
  status: 'published' | 'insufficient';
}

export interface BandPoint {
  survival: number;
  low: number;
  high: number;
}

export interface SurvivalCurve {
  /** cohorts pooled in the curve */
  cohorts: number[];
  /** published months only, S(0) = 1 implied */
  steps: { month: number; treated: BandPoint; compared: BandPoint }[];
}

export interface ImpactResult {
  year: number;
  cohorts: number[];
  effects: EffectRow[];
  survival: SurvivalCurve;
}

export interface DepartmentRegion {
  code: string;
  region: string;
}

export interface ImpactOptions {
  tables?: SuiviTables;
  rules?: ImpactRules;
  /** called after each step with its duration (the benchmark prints them) */
  trace?: (step: string, milliseconds: number) => void;
}

type Row = Record<string, unknown>;

async function rows(connection: DuckDBConnection, sql: string): Promise<Row[]> {
  const reader = await connection.runAndReadAll(sql);
  return reader.getRowObjectsJS() as Row[];
}

const num = (v: unknown): number => (typeof v === 'bigint' ? Number(v) : typeof v === 'number' ? v : Number(v ?? NaN));

/** linear-interpolation percentile (type 7) of sorted values */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/**
 * Runs the whole method for the run of `year` and returns the estimates of every cohort whose
 * 24-month outcomes are observed (c ≤ year − 2, c − 1 in the CAF files) and the survival curve of
 * every cohort with at least 12 months of follow-up. `departments` maps each department to its region
 * ("R84"), as in the reference geography.
 */
export async function impactTables(
  connection: DuckDBConnection,
  year: number,
  departments: readonly DepartmentRegion[],
  options: ImpactOptions = {},
): Promise<ImpactResult> {
  const tables = options.tables ?? defaultSuiviTables;
  const rules = options.rules ?? impactRules;
  let clock = performance.now();
  const step = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    const out = await work();
    const now = performance.now();
    options.trace?.(name, now - clock);
    clock = now;
    return out;
  };
  const geoRows = departments.flatMap((d) => territoriesOf(d.code, d.region).map((geo) => `('${d.code.replaceAll("'", "''")}', '${geo.replaceAll("'", "''")}')`));
  await connection.run(`CREATE OR REPLACE TABLE impact_geo (departement VARCHAR, geo VARCHAR)`);
  if (geoRows.length > 0) await connection.run(`INSERT INTO impact_geo VALUES ${geoRows.join(', ')}`);
  await step('population', () => connection.run(populationSql(tables, year, rules.horizonMonths)));
  await step('strates', () => connection.run(strataSql()));
  await step('unités', () => connection.run(unitsSql()));
  const lastCohort = year - 2;
  await step('bootstrap', () => runBootstrap(connection, { replicates: rules.replicates, seed: rules.seed, lastCohort }));
  const effects = await step('effets', () => effectRows(connection, rules, lastCohort, departments));
  const survival = await step('survie', () => survivalCurve(connection, rules));
  const cohorts = [...new Set(effects.map((e) => e.cohort))].sort((a, b) => a - b);
  return { year, cohorts, effects, survival };
}

async function effectRows(connection: DuckDBConnection, rules: ImpactRules, lastCohort: number, departments: readonly DepartmentRegion[]): Promise<EffectRow[]> {
  const matched = await rows(connection, 'SELECT * FROM impact_boot_effects ORDER BY cohort, geo, r');
  const naive = await rows(connection, 'SELECT * FROM impact_boot_naive ORDER BY cohort, geo, r');
  const key = (geo: string, cohort: number): string => `${cohort}\u0000${geo}`;
  const group = (list: Row[]): Map<string, Row[]> => {
    const m = new Map<string, Row[]>();
    for (const r of list) {
      const k = key(String(r.geo), num(r.cohort));
      (m.get(k) ?? m.set(k, []).get(k)!).push(r);
    }
    return m;
  };
  const byMatched = group(matched);
  const byNaive = group(naive);
  const cohorts = [...new Set(naive.map((r) => num(r.cohort)))].filter((c) => c <= lastCohort).sort((a, b) => a - b);
  const geos = [FRANCE, METRO, DROM, ...[...new Set(departments.map((d) => d.region))].sort()];
  const out: EffectRow[] = [];
  for (const cohort of cohorts) {
    const counts: TerritoryCounts[] = [];
    for (const geo of geos) {
      const m0 = byMatched.get(key(geo, cohort))?.find((r) => num(r.r) === 0);
      const n0 = byNaive.get(key(geo, cohort))?.find((r) => num(r.r) === 0);
      if (!n0) continue;
      counts.push({ geo, treated: num(n0.wt) || 0, compared: num(n0.wc) || 0, matchedTreated: m0 ? num(m0.nt) : 0, matchedCompared: m0 ? num(m0.nc) : 0 });
    }
    const published = publishedTerritories(counts, rules);
    for (const c of counts.length > 0 ? geos : []) {
      const tc = counts.find((x) => x.geo === c);
      if (!tc) continue;
      if (!published.has(c)) {
        for (const outcome of OUTCOMES) out.push(insufficientRow(c, cohort, outcome));
        continue;
      }
      const mRows = byMatched.get(key(c, cohort)) ?? [];
      const nRows = byNaive.get(key(c, cohort)) ?? [];
      const small = (n: number): boolean => n > 0 && n < rules.minCount;
      const hideSupport = small(tc.treated - tc.matchedTreated);
      const hideCompared = small(tc.compared - tc.matchedCompared);
      OUTCOMES.forEach((outcome, k) => {
        const i = k + 1;
        const m0 = mRows.find((r) => num(r.r) === 0)!;
        const mBoot = mRows.filter((r) => num(r.r) > 0).map((r) => num(r[`e${i}`])).filter(Number.isFinite).sort((a, b) => a - b);
        const effect = num(m0[`e${i}`]);
        const pT = num(m0[`p${i}`]);
        out.push({
          geo: c, cohort, outcome, method: 'matched',
          effect: round(100 * effect, 2), ciLow: round(100 * percentile(mBoot, 0.025), 2), ciHigh: round(100 * percentile(mBoot, 0.975), 2),
          treated: tc.matchedTreated, compared: tc.matchedCompared,
          support: hideSupport ? null : round((100 * tc.matchedTreated) / tc.treated, 1),
          eValue: nullableRound(eValueFromRates(pT, pT - effect), 2),
          status: 'published',
        });
        const rate = (r: Row, arm: 't' | 'c'): number => num(r[`${arm}${i}`]) / num(r[arm === 't' ? 'wt' : 'wc']);
        const n0 = nRows.find((r) => num(r.r) === 0)!;
        const nBoot = nRows.filter((r) => num(r.r) > 0).map((r) => rate(r, 't') - rate(r, 'c')).filter(Number.isFinite).sort((a, b) => a - b);
        out.push({
          geo: c, cohort, outcome, method: 'naive',
          effect: round(100 * (rate(n0, 't') - rate(n0, 'c')), 2), ciLow: round(100 * percentile(nBoot, 0.025), 2), ciHigh: round(100 * percentile(nBoot, 0.975), 2),
          treated: hideSupport ? null : tc.treated, compared: hideCompared ? null : tc.compared,
          support: 100,
          eValue: nullableRound(eValueFromRates(rate(n0, 't'), rate(n0, 'c')), 2),
          status: 'published',
        });
      });
    }
  }
  return out;
}

const nullableRound = (x: number | null, d: number): number | null => (x === null ? null : round(x, d));

function insufficientRow(geo: string, cohort: number, outcome: Outcome): EffectRow {
  return { geo, cohort, outcome, method: 'matched', effect: null, ciLow: null, ciHigh: null, treated: null, compared: null, support: null, eValue: null, status: 'insufficient' };
}

async function survivalCurve(connection: DuckDBConnection, rules: ImpactRules): Promise<SurvivalCurve> {
  const horizon = rules.horizonMonths;
  const cohorts = (await rows(connection, 'SELECT DISTINCT s.cohort FROM impact_strata s WHERE s.matched ORDER BY 1')).map((r) => num(r.cohort));
  // unweighted counts of children, for the publication rule
  const raw = await rows(connection, `
    SELECT treated, km_time, km_event, sum(n) AS n FROM impact_units WHERE matched GROUP BY ALL ORDER BY treated, km_time, km_event`);
  const curve = (list: Row[], treated: boolean, weight: string): SurvivalPoint[] =>
    kaplanMeier(list.filter((r) => r.treated === treated).map((r) => ({ time: num(r.km_time), event: num(r.km_event), weight: num(r[weight]) })), horizon);
  const months = publishedMonths([curve(raw, true, 'n'), curve(raw, false, 'n')], rules);
  const boot = await rows(connection, 'SELECT * FROM impact_boot_km ORDER BY r, treated, km_time, km_event');
  const byR = new Map<number, Row[]>();
  for (const r of boot) (byR.get(num(r.r)) ?? byR.set(num(r.r), []).get(num(r.r))!).push(r);
  const point = byR.get(0) ?? [];
  const estT = curve(point, true, 'wsum');
  const estC = curve(point, false, 'wsum');
  const repT: SurvivalPoint[][] = [];
  const repC: SurvivalPoint[][] = [];
  for (const [r, list] of byR) {
    if (r === 0) continue;
    repT.push(curve(list, true, 'wsum'));
    repC.push(curve(list, false, 'wsum'));
  }
  const band = (est: SurvivalPoint[], reps: SurvivalPoint[][], month: number): BandPoint => {
    const values = reps.map((c) => c[month - 1].survival).sort((a, b) => a - b);
    return { survival: round(est[month - 1].survival, 4), low: round(percentile(values, 0.025), 4), high: round(percentile(values, 0.975), 4) };
  };
  return {
    cohorts,
    steps: months.map((month) => ({ month, treated: band(estT, repT, month), compared: band(estC, repC, month) })),
  };
}
