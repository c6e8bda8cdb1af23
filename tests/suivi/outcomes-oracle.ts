/**
 * The follow-up outcomes computed by plain loops over plain arrays, as the methodology words them:
 * the independent reference the DuckDB cohort stage is compared with (tests/suivi/cohorts.test.ts on
 * hand-checked fixtures, tests/e2e/suivi-cohorts.test.ts over the whole shipped follow-up sample).
 */
import type { SuiviFile, SuiviRow } from '../../src/format/suivi.ts';
import { compareCounts, type OutcomeCount, type Scheme } from '../../src/suivi/outcomes.ts';

/** Month number of `AAAA-MM[-JJ]`. */
const month = (d: string) => Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7)) - 1;

/** Plain loops over plain arrays: the outcomes as the methodology words them. */
export function bruteForce(files: readonly SuiviFile[], latest: number): OutcomeCount[] {
  const rows = (source: string) => files.filter((f) => f.source === source).flatMap((f) => f.rows);
  const decisions: Record<string, number[]> = {};
  for (const r of rows('justice')) (decisions[String(r.enfant)] ??= []).push(month(String(r.decision)));
  const caf: Record<string, Record<number, SuiviRow[]>> = {};
  for (const r of rows('caf')) ((caf[String(r.enfant)] ??= {})[Number(r.annee)] ??= []).push(r);
  const flag = (list: SuiviRow[] | undefined, name: string) => (list ?? []).some((r) => Number(r[name]) === 1);
  const starts: Record<string, number[]> = {};
  for (const r of rows('rencontre')) (starts[String(r.enfant)] ??= []).push(month(String(r.debut)));
  const out = new Map<string, OutcomeCount>();
  const add = (base: Omit<OutcomeCount, 'outcome' | 'value'>, outcome: string) => {
    const key = JSON.stringify([base, outcome]);
    const current = out.get(key) ?? { ...base, outcome, value: 0 };
    current.value++;
    out.set(key, current);
  };
  for (const scheme of ['mediation', 'rencontre'] as Scheme[]) {
    const [unitCol, g1Col] = scheme === 'mediation' ? ['service', 'cadre'] : ['structure', 'origine'];
    // the last ended episode per child and year of end
    const chosen: Record<string, SuiviRow> = {};
    const key = (r: SuiviRow) => [String(r.fin), String(r.debut), String(r[unitCol]), String(r.departement), String(r[g1Col]), String(r.issue)];
    for (const r of rows(scheme)) {
      const id = `${r.enfant}|${String(r.fin).slice(0, 4)}`;
      const before = chosen[id];
      if (before === undefined) chosen[id] = r;
      else {
        const [a, b] = [key(r), key(before)];
        // later end first, then later start, then the smaller unit, department, group, result
        const i = a.findIndex((x, k) => x !== b[k]);
        if (i >= 0 && (i < 2 ? a[i] > b[i] : a[i] < b[i])) chosen[id] = r;
      }
    }
    for (const r of Object.values(chosen)) {
      const cohort = Number(String(r.fin).slice(0, 4));
      const end = month(String(r.fin));
      for (const horizon of [12, 24]) {
        if (cohort + horizon / 12 > latest) continue;
        const base = { scheme, cohort, horizon, departement: String(r.departement), unit: String(r[unitCol]), g1: String(r[g1Col]), g2: String(r.issue) };
        const child = String(r.enfant);
        const courtWithin = (h: number) => (decisions[child] ?? []).some((m) => m >= end && m <= end + h);
        add(base, 'enfants');
        if (courtWithin(horizon)) add(base, 'retour_juge');
        if (scheme === 'rencontre' && r.issue === 'exercice_autonome') {
          add(base, 'exercice_autonome');
          const again = (starts[child] ?? []).some((m) => m > end && m <= end + 12);
          if (!again && !courtWithin(12)) add(base, 'autonomie_durable');
        }
        const before = caf[child]?.[Number(String(r.debut).slice(0, 4)) - 1];
        const after = caf[child]?.[cohort + horizon / 12];
        if (before && after) {
          add(base, 'connus_caf');
          for (const f of ['asf', 'intermediation', 'af_partagees']) {
            if (flag(before, f)) add(base, `${f}_avant`);
            if (flag(after, f)) add(base, `${f}_horizon`);
          }
        }
      }
    }
  }
  return [...out.values()].sort(compareCounts);
}
