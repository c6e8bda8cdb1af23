/**
 * The follow-up outcome tables, protected by the engine like every other table (issue 23):
 * `tables/suivi-mediation.*` and `tables/suivi-rencontre.*`, in the two usual forms.
 *
 * One protection cube per scheme, cohort, horizon and count outcome, with two dimensions: `geo`
 * (the common geography: department → region or court of appeal → France métropolitaine / DROM → France) and
 * `group` (leaf = frame × result, or origin × end; → frame, → result, each up to `ensemble`).
 * Contributions are the leaf counts of children, one per unit (service or structure). Published:
 * every geography, the groups of the first and second level and `ensemble` (the leaves are
 * protected as if published, which only adds suppressions). Rates are derived afterwards: shown
 * when their numerator and denominator are both published and the denominator reaches
 * `minDenominator` (a precision rule, not secrecy), else `s` (a count is secret) or `ns`.
 *
 * @example
 *   const out = await publishFollowUp(counts, geography, engine, config);
 *   out.long.mediation[0]; // { geo: "FR", cohort: 2022, horizon: 12, group: "ensemble", outcome: "enfants", value: 1372, status: "published" }
 */
import type { Engine } from '../runtime/engine.ts';
import { geoDimension, geoOrder } from '../indicators/geo.ts';
import { longStatus, type LongStatus } from '../indicators/messages.ts';
import type { Geography } from '../model/geography.ts';
import type { Contribution, DimensionSpec, ProtectSpec, RuleSet } from '../protect/types.ts';
import { OUTCOMES, RATES, SCHEMES, type OutcomeCount, type Scheme } from './outcomes.ts';
import { suiviMessages } from './messages.ts';

export interface FollowUpPublicationConfig {
  rules: RuleSet;
  minDenominator: number;
}

/** What the reports show of the follow-up tables: the published rows and the threshold of `ns`. */
export type FollowUpView = Readonly<{ long: Readonly<Record<Scheme, readonly LongRow[]>>; minDenominator: number; champ: string }>;

export interface LongRow {
  geo: string;
  cohort: number;
  horizon: number;
  group: string;
  outcome: string;
  /** a count, a rate in % (one decimal), `s` (secret) or `ns` (denominator under the precision threshold) */
  value: number | 's' | 'ns';
  status: LongStatus;
}

/** A protected count cell as the audit trail keeps it (true value, which rule kind withheld it). */
export interface AuditCell {
  cohort: number;
  horizon: number;
  outcome: string;
  geo: string;
  group: string;
  value: number;
  contributors: number;
  /** `s` published, `u` primary, `x` secondary (audit trail only) */
  status: string;
}

export interface FollowUpPublication {
  long: Record<Scheme, LongRow[]>;
  /** a rate over fewer children than this is `ns` (the configuration's threshold, quoted by the notes) */
  minDenominator: number;
  /** the Champ line: which departments the follow-up files cover (see `suiviMessages.champ`) */
  champ: string;
  /** producer-only: every published-level count cell with its true value and status */
  audit: Record<Scheme, AuditCell[]>;
  /** the protection audit of every cube: all true, or the failed cubes named */
  failures: string[];
}

export const GROUP = 'group';
export const ENSEMBLE = 'ensemble';

function groupDimension(leaves: readonly string[]): DimensionSpec {
  const g1: Record<string, string> = {};
  const g2: Record<string, string> = {};
  for (const leaf of leaves) {
    const [a, b] = leaf.split('|');
    g1[leaf] = a;
    g1[a] = ENSEMBLE;
    g2[leaf] = b;
    g2[b] = ENSEMBLE;
  }
  return { name: GROUP, total: ENSEMBLE, hierarchies: { g1, g2 } };
}

const key = (...parts: (string | number)[]) => parts.join('\u0000');

/**
 * Counts nested in one another are protected as one cube, with their differences as cells of their
 * own: a child of an ended measure is autonomous at the end or not, and an autonomous one keeps it
 * durably or not. Protected apart, `exercice_autonome` 18 and `autonomie_durable` 17 both published
 * said that 1 child lost its autonomy (a count of 1 to 10, which the rule withholds). The chain is a
 * third dimension, `enfants` → (`non_autonome`, `exercice_autonome` → (`autonomie_durable`,
 * `non_durable`)): the differences are cells under the rule and under secondary suppression like any
 * other, and are not written (they are the published counts' differences when those are published).
 */
export const NESTED: Readonly<Partial<Record<Scheme, { outcomes: readonly string[]; dimension: DimensionSpec; leaves: Readonly<Record<string, (v: Readonly<Record<string, number>>) => number>> }>>> = {
  rencontre: {
    outcomes: ['enfants', 'exercice_autonome', 'autonomie_durable'],
    dimension: {
      name: 'issue_suivi',
      total: 'enfants',
      hierarchies: { chaine: { non_autonome: 'enfants', exercice_autonome: 'enfants', autonomie_durable: 'exercice_autonome', non_durable: 'exercice_autonome' } },
    },
    leaves: {
      non_autonome: (v) => (v.enfants ?? 0) - (v.exercice_autonome ?? 0),
      autonomie_durable: (v) => v.autonomie_durable ?? 0,
      non_durable: (v) => (v.exercice_autonome ?? 0) - (v.autonomie_durable ?? 0),
    },
  },
};

export async function publishFollowUp(counts: readonly OutcomeCount[], geography: Geography, engine: Engine, config: FollowUpPublicationConfig): Promise<FollowUpPublication> {
  const geo = geoDimension(geography);
  const geoRank = new Map(geoOrder(geography).map((c, i) => [c, i]));
  const long: Record<Scheme, LongRow[]> = { mediation: [], rencontre: [] };
  const audit: Record<Scheme, AuditCell[]> = { mediation: [], rencontre: [] };
  const failures: string[] = [];
  for (const scheme of SCHEMES) {
    const ofScheme = counts.filter((c) => c.scheme === scheme);
    const leaves = [...new Set(ofScheme.map((c) => `${c.g1}|${c.g2}`))].sort();
    const group = groupDimension(leaves);
    const published = new Set([ENSEMBLE, ...leaves.flatMap((l) => l.split('|'))]);
    const groupRank = new Map([ENSEMBLE, ...[...new Set(leaves.map((l) => l.split('|')[0]))].sort(), ...[...new Set(leaves.map((l) => l.split('|')[1]))].sort()].map((c, i) => [c, i]));
    const spec: ProtectSpec = { dimensions: [geo, group], contributor: 'unit', rules: config.rules };
    const cubes = [...new Set(ofScheme.map((c) => key(c.cohort, c.horizon)))].sort();
    // every cube protected at once: with the workers' engine they run side by side (same results)
    const nested = NESTED[scheme];
    const chainSpec: ProtectSpec | undefined = nested && { dimensions: [geo, group, nested.dimension], contributor: 'unit', rules: config.rules };
    const run = (cubeSpec: ProtectSpec, contributions: Contribution[]) =>
      // from elimination: the start pattern (src/protect/start.ts) ends with more secondary cells on
      // these cubes (shipped sample, 2025: suivi-mediation 3 466 → 3 674 withheld cells, suivi-rencontre
      // 7 044 → 7 264), fewer on the survey tables
      contributions.length === 0 ? undefined : engine.protect(cubeSpec, contributions, { start: false }).then(async (table) => ({ table, verdict: await engine.audit(cubeSpec, contributions, table.cells) }));
    const tasks = cubes.flatMap((cube) => {
      const [cohort, horizon] = cube.split('\u0000').map(Number);
      const inCube = ofScheme.filter((c) => c.cohort === cohort && c.horizon === horizon);
      const alone = OUTCOMES[scheme].filter((o) => !nested?.outcomes.includes(o));
      const one = alone.map((outcome) => {
        const contributions: Contribution[] = inCube
          .filter((c) => c.outcome === outcome)
          .map((c) => ({ codes: [c.departement, `${c.g1}|${c.g2}`], contributor: c.unit, value: c.value }));
        return { cube, outcome: outcome as string | undefined, protecting: run(spec, contributions) };
      });
      if (!nested || !chainSpec) return one;
      // one unit's counts in one leaf → the chain's leaves (their differences), zeros left out
      const byLeaf = new Map<string, { c: OutcomeCount; v: Record<string, number> }>();
      for (const c of inCube) {
        if (!nested.outcomes.includes(c.outcome)) continue;
        const k = key(c.departement, c.unit, c.g1, c.g2);
        const entry = byLeaf.get(k) ?? { c, v: {} };
        entry.v[c.outcome] = c.value;
        byLeaf.set(k, entry);
      }
      const contributions: Contribution[] = [...byLeaf.values()].flatMap(({ c, v }) =>
        Object.entries(nested.leaves).flatMap(([leaf, of]) => {
          const value = of(v);
          return value === 0 ? [] : [{ codes: [c.departement, `${c.g1}|${c.g2}`, leaf], contributor: c.unit, value }];
        }),
      );
      return [...one, { cube, outcome: undefined, protecting: run(chainSpec, contributions) }];
    });
    const protectedCubes = await Promise.all(tasks.map((t) => t.protecting));
    for (const cube of cubes) {
      const [cohort, horizon] = cube.split('\u0000').map(Number);
      const cells = new Map<string, { value: number; status: LongStatus }>();
      tasks.forEach((task, i) => {
        const done = protectedCubes[i];
        if (task.cube !== cube || done === undefined) return;
        const { table, verdict } = done;
        if (!verdict.ok) failures.push(`suivi-${scheme} ${cohort} ${horizon} ${task.outcome ?? nested?.dimension.name} : ${verdict.detail}`);
        for (const cell of table.cells) {
          const [g, grp] = cell.codes;
          // a chain cube's third code is its outcome (`NESTED`)
          const outcome = task.outcome ?? cell.codes[2];
          if (!published.has(grp) || !geoRank.has(g)) continue;
          const status = cell.status === 's' ? longStatus.published : longStatus.secret;
          audit[scheme].push({ cohort, horizon, outcome, geo: g, group: grp, value: cell.value, contributors: cell.contributors, status: cell.status });
          // the differences are protected and kept in the audit trail, never written
          if (task.outcome === undefined && !nested?.outcomes.includes(outcome)) continue;
          cells.set(key(g, grp, outcome), { value: cell.value, status });
          long[scheme].push({ geo: g, cohort, horizon, group: grp, outcome, value: status === longStatus.published ? cell.value : 's', status });
        }
      });
      // rates, from the published counts only
      const denominators = [...cells.entries()].filter(([k]) => k.endsWith(`\u0000enfants`)).map(([k]) => k.split('\u0000'));
      for (const [g, grp] of denominators) {
        for (const rate of RATES[scheme]) {
          const num = cells.get(key(g, grp, rate.numerator)) ?? { value: 0, status: longStatus.published };
          const den = cells.get(key(g, grp, rate.denominator));
          if (den === undefined || den.value === 0) continue;
          const secret = num.status === longStatus.secret || den.status === longStatus.secret;
          const value = secret ? 's' : den.value < config.minDenominator ? 'ns' : Math.round((1000 * num.value) / den.value) / 10;
          long[scheme].push({ geo: g, cohort, horizon, group: grp, outcome: rate.outcome, value, status: secret ? longStatus.secret : longStatus.published });
        }
      }
    }
    const outcomeRank = new Map([...OUTCOMES[scheme], ...RATES[scheme].map((r) => r.outcome)].map((o, i) => [o, i]));
    long[scheme].sort((a, b) => a.cohort - b.cohort || a.horizon - b.horizon || geoRank.get(a.geo)! - geoRank.get(b.geo)! || groupRank.get(a.group)! - groupRank.get(b.group)! || outcomeRank.get(a.outcome)! - outcomeRank.get(b.outcome)!);
  }
  // the departments with a row in either scheme's table (a child counted there), in the geography's order
  // (per scheme when they differ: a department without mediation service has no mediation cohort)
  const coveredBy = (schemes: readonly Scheme[]) => {
    const present = new Set(schemes.flatMap((scheme) => long[scheme].map((r) => r.geo)));
    const covered = geography.departments.filter((d) => present.has(d.code));
    return { names: covered.map((d) => geography.labels[d.code] ?? d.code), all: covered.length === geography.departments.length };
  };
  const withRows = SCHEMES.filter((scheme) => long[scheme].length > 0);
  const each = withRows.map((scheme) => ({ scheme, ...coveredBy([scheme]) }));
  const same = each.every((e) => e.names.join() === each[0].names.join());
  const union = coveredBy(SCHEMES);
  const champ = same ? suiviMessages.champ(union.names, union.all) : suiviMessages.champBySchemes(each);
  return { long, minDenominator: config.minDenominator, champ, audit, failures };
}
