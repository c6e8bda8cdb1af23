/**
 * Every count behind the impact estimates and the survival curves goes through the protection
 * engine (issue 24), as counts of persons (the follow-up's rule set: a cell of 1 to 10 children is
 * secret, and the secondary suppressions that protect it):
 *
 * - effects: one cube per cohort and outcome, `geo` × `bras`. `geo` holds the territories the size
 *   rule publishes (regions, France métropolitaine and DROM when both are, France) and, as one more
 *   leaf, the other regions together (France minus the published ones, derivable by difference).
 *   `bras` splits each arm (with mediation, comparison) by matched / unmatched and by outcome yes / no:
 *   every count a reader can get from a published row (the arm sizes, the matched sizes, the support,
 *   the treated with the outcome, which the effect and its E-value give back) is a cell. An outcome of
 *   a territory is withheld (`insufficient`) when one of the counts its two rows rest on is secret.
 * - survival curves: one cube per curve and group, a chain over its published steps: the children
 *   followed after step k − 1 are those with the event in (k − 1, k], those censored in it, and those
 *   followed after k. A step is kept while its events and its children followed are published; the
 *   curve stops at the first step that is not.
 *
 * Contributions are per department (the CAF and the court of each department), as the follow-up
 * tables' are per service. The department level itself is never published.
 *
 * @example
 *   const safe = await protectImpact(result, await impactCounts(connection, 2023), rencontre, departments, engine, rules);
 *   safe.failures; // [] when every cube passes the audit
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Engine } from '../runtime/engine.ts';
import type { Cell, Contribution, DimensionSpec, ProtectSpec, RuleSet } from '../protect/types.ts';
import type { DepartmentRegion, EffectRow, ImpactResult, SurvivalCurve } from './impact.ts';
import type { RencontreCurve } from './rencontre.ts';
import { OUTCOMES, type Outcome } from './rules.ts';
import { DROM, FRANCE, METRO, zoneOf } from './territories.ts';

/** children of a cohort, department and arm, with the number having each outcome */
export interface ArmCount {
  cohort: number;
  departement: string;
  treated: boolean;
  matched: boolean;
  n: number;
  /** per outcome, in `OUTCOMES` order */
  y: number[];
}

/** children of a survival curve's group by month of event or censoring */
export interface TimeCount {
  /** `traites` / `compares` for mediation, the origin for espaces de rencontre */
  group: string;
  departement: string;
  time: number;
  event: number;
  n: number;
}

export interface ImpactCounts {
  arms: ArmCount[];
  mediationTimes: TimeCount[];
  rencontreTimes: TimeCount[];
}

const num = (v: unknown): number => (typeof v === 'bigint' ? Number(v) : Number(v));

/** The counts to protect, read from the tables `impactTables` and `rencontrePaths` left in DuckDB. */
export async function impactCounts(connection: DuckDBConnection, lastCohort: number): Promise<ImpactCounts> {
  const read = async (sql: string) => (await connection.runAndReadAll(sql)).getRowObjectsJS();
  const arms = (await read(`
    SELECT cohort, departement, treated, matched, sum(n) AS n, sum(y1) AS y1, sum(y2) AS y2, sum(y3) AS y3, sum(y4) AS y4
    FROM impact_units WHERE cohort <= ${lastCohort} GROUP BY ALL ORDER BY ALL`)).map((r) => ({
    cohort: num(r.cohort), departement: String(r.departement), treated: r.treated === true, matched: r.matched === true,
    n: num(r.n), y: [num(r.y1), num(r.y2), num(r.y3), num(r.y4)],
  }));
  const mediationTimes = (await read(`
    SELECT treated, departement, km_time, km_event, sum(n) AS n FROM impact_units WHERE matched GROUP BY ALL ORDER BY ALL`)).map((r) => ({
    group: r.treated === true ? TREATED : COMPARED, departement: String(r.departement), time: num(r.km_time), event: num(r.km_event), n: num(r.n),
  }));
  const exists = (await read(`SELECT count(*) AS n FROM duckdb_tables() WHERE table_name = 'impact_rencontre_paths'`))[0];
  const rencontreTimes = num(exists.n) === 0 ? [] : (await read(`
    SELECT origine, departement, km_time, km_event, count(*) AS n FROM impact_rencontre_paths GROUP BY ALL ORDER BY ALL`)).map((r) => ({
    group: String(r.origine), departement: String(r.departement), time: num(r.km_time), event: num(r.km_event), n: num(r.n),
  }));
  return { arms, mediationTimes, rencontreTimes };
}

export const TREATED = 'traites';
export const COMPARED = 'compares';
/** the leaf of the regions whose estimates are not published (France minus the published ones) */
export const OTHERS = 'AUTRES';
const ALL = 'ensemble';
const ARM_DIM = 'bras';
const GEO_DIM = 'geo';
const STEP_DIM = 'etape';

/** `T`/`C` × `m`/`u` (matched, unmatched) × `1`/`0` (outcome yes, no): one leaf each */
function armDimension(): DimensionSpec {
  const h1: Record<string, string> = {};
  const h2: Record<string, string> = {};
  for (const a of ['T', 'C']) {
    for (const m of ['m', 'u']) for (const y of ['1', '0']) {
      h1[`${a}${m}${y}`] = `${a}${m}`;
      h2[`${a}${m}${y}`] = `${a}${y}`;
    }
    for (const x of ['m', 'u']) h1[`${a}${x}`] = a;
    for (const x of ['1', '0']) h2[`${a}${x}`] = a;
    h1[a] = ALL;
    h2[a] = ALL;
  }
  return { name: ARM_DIM, total: ALL, hierarchies: { matching: h1, outcome: h2 } };
}

/** the arm cells each published row of an outcome rests on: sizes, matched sizes, treated with the outcome, comparison with it */
const NEEDED = ['T', 'C', 'Tm', 'Cm', 'Tm1', 'T1', 'C1'];

interface Withheld {
  effects: EffectRow[];
  survival: SurvivalCurve;
  rencontre: RencontreCurve[];
  failures: string[];
}

/**
 * The estimates and curves with every row or step resting on a secret count withheld, and the
 * audit's failures (named by cube; empty when every cube passes).
 */
export async function protectImpact(
  result: ImpactResult,
  counts: ImpactCounts,
  rencontre: readonly RencontreCurve[],
  departments: readonly DepartmentRegion[],
  engine: Engine,
  rules: RuleSet,
): Promise<Withheld> {
  const regionOf = new Map(departments.map((d) => [d.code, d.region]));
  const failures: string[] = [];
  const secretEffects = new Set<string>();
  const tasks: Promise<void>[] = [];
  for (const cohort of result.cohorts) {
    const published = new Set(result.effects.filter((e) => e.cohort === cohort && e.status === 'published').map((e) => e.geo));
    if (!published.has(FRANCE)) continue;
    const halves = published.has(METRO) && published.has(DROM);
    const leafOf = (dep: string): string => {
      const region = regionOf.get(dep) ?? OTHERS;
      if (published.has(region)) return region;
      return halves ? `${OTHERS}-${zoneOf(dep)}` : OTHERS;
    };
    const parent: Record<string, string> = {};
    for (const dep of new Set(counts.arms.filter((a) => a.cohort === cohort).map((a) => a.departement))) {
      const leaf = leafOf(dep);
      if (halves) {
        parent[leaf] = zoneOf(dep);
        parent[zoneOf(dep)] = FRANCE;
      } else parent[leaf] = FRANCE;
    }
    const geo: DimensionSpec = { name: GEO_DIM, total: FRANCE, hierarchies: { zone: parent } };
    const spec: ProtectSpec = { dimensions: [geo, armDimension()], contributor: 'departement', rules };
    OUTCOMES.forEach((outcome, i) => {
      const contributions: Contribution[] = counts.arms.filter((a) => a.cohort === cohort).flatMap((a) => {
        const arm = `${a.treated ? 'T' : 'C'}${a.matched ? 'm' : 'u'}`;
        return [
          { codes: [leafOf(a.departement), `${arm}1`], contributor: a.departement, value: a.y[i] },
          { codes: [leafOf(a.departement), `${arm}0`], contributor: a.departement, value: a.n - a.y[i] },
        ];
      });
      tasks.push((async () => {
        const table = await engine.protect(spec, contributions);
        const verdict = await engine.audit(spec, contributions, table.cells);
        if (!verdict.ok) failures.push(`impact-mediation ${cohort} ${outcome} : ${verdict.detail}`);
        const secret = new Set(table.cells.filter((c) => c.status !== 's').map((c) => c.codes.join('|')));
        for (const g of published) if (NEEDED.some((arm) => secret.has(`${g}|${arm}`))) secretEffects.add(effectKey(g, cohort, outcome));
      })());
    });
  }
  const survival = protectCurves(
    result.survival.steps.map((s) => s.month),
    [TREATED, COMPARED].map((group) => counts.mediationTimes.filter((t) => t.group === group)),
    engine, rules, 'impact-survie', failures,
  );
  const paths = Promise.all(rencontre.map((curve) =>
    protectCurves(curve.steps.map((s) => s.month), [counts.rencontreTimes.filter((t) => t.group === curve.origin)], engine, rules, `impact-rencontre ${curve.origin}`, failures)));
  await Promise.all(tasks);
  const kept = await survival;
  const keptPaths = await paths;
  const effects = withholdEffects(result.effects, secretEffects);
  return {
    effects,
    survival: { ...result.survival, steps: result.survival.steps.slice(0, kept) },
    rencontre: rencontre.map((curve, k) => ({ ...curve, steps: curve.steps.slice(0, keptPaths[k]) })),
    failures: failures.sort(),
  };
}

const effectKey = (geo: string, cohort: number, outcome: Outcome): string => `${geo}\u0000${cohort}\u0000${outcome}`;

/** a withheld outcome of a territory: one `insufficient` row in place of its two rows (the contract's form) */
function withholdEffects(effects: readonly EffectRow[], secret: ReadonlySet<string>): EffectRow[] {
  const out: EffectRow[] = [];
  for (const e of effects) {
    if (!secret.has(effectKey(e.geo, e.cohort, e.outcome))) out.push(e);
    else if (e.method === 'matched') out.push({ ...e, effect: null, ciLow: null, ciHigh: null, treated: null, compared: null, support: null, eValue: null, status: 'insufficient' });
  }
  return out;
}

/**
 * The chain cube of one group of a curve over its published months (`E<k>`, `C<k>`: events and
 * censorings in (m_{k−1}, m_k]; `A<k>`: children followed after m_k; `A0` the total), protected and
 * audited; returns how many leading steps stay published in every group.
 */
async function protectCurves(months: readonly number[], groups: readonly TimeCount[][], engine: Engine, rules: RuleSet, name: string, failures: string[]): Promise<number> {
  if (months.length === 0) return 0;
  const hierarchy: Record<string, string> = {};
  months.forEach((_, i) => {
    const k = i + 1;
    hierarchy[`E${k}`] = `A${k - 1}`;
    hierarchy[`C${k}`] = `A${k - 1}`;
    hierarchy[`A${k}`] = `A${k - 1}`;
  });
  const spec: ProtectSpec = { dimensions: [{ name: STEP_DIM, total: 'A0', hierarchies: { chaine: hierarchy } }], contributor: 'departement', rules };
  const leaf = (t: TimeCount): string => {
    const k = months.findIndex((m) => t.time <= m);
    return k < 0 ? `A${months.length}` : `${t.event === 1 ? 'E' : 'C'}${k + 1}`;
  };
  const kept = await Promise.all(groups.map(async (times) => {
    const contributions: Contribution[] = times.filter((t) => t.time >= 1).map((t) => ({ codes: [leaf(t)], contributor: t.departement, value: t.n }));
    if (contributions.length === 0) return 0;
    const table = await engine.protect(spec, contributions);
    const verdict = await engine.audit(spec, contributions, table.cells);
    if (!verdict.ok) failures.push(`${name} : ${verdict.detail}`);
    const status = new Map(table.cells.map((c: Cell) => [c.codes[0], c.status]));
    let k = 0;
    while (k < months.length && status.get(`E${k + 1}`) === 's' && status.get(`A${k}`) === 's') k++;
    return k;
  }));
  return Math.min(...kept);
}
