/**
 * The DuckDB cohort stage against an independent brute-force computation in plain TypeScript, over
 * the whole shipped follow-up sample, and on tiny hand-checked fixtures (horizon edges).
 */
import { join } from 'node:path';
import { readFollowUp } from '../../src/ingest/suivi.ts';
import { cohortOutcomes } from '../../src/suivi/cohorts.ts';
import type { SuiviFile, SuiviRow } from '../../src/format/suivi.ts';
import { compareCounts, type OutcomeCount, type Scheme } from '../../src/suivi/outcomes.ts';

const root = join(import.meta.dirname, '..', '..');

/** Month number of `AAAA-MM[-JJ]`. */
const month = (d: string) => Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7)) - 1;

/** Plain loops over plain arrays: the outcomes as the methodology words them. */
function bruteForce(files: readonly SuiviFile[], latest: number): OutcomeCount[] {
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

const file = (source: SuiviFile['source'], rows: Record<string, string | number>[]): SuiviFile => ({ source, year: 0, path: source, rows, rejects: [], missing: [] });
const A = 'AAAAAAAAAAAAAAAA';
const B = 'BBBBBBBBBBBBBBBB';

describe('cohorts and outcomes (DuckDB)', () => {
  it('equal a brute-force computation over the shipped follow-up sample', async () => {
    const files = readFollowUp(join(root, 'data-raw'), join(root, 'pipelines', 'config', 'suivi')).flatMap((y) => y.files);
    expect(files.filter((f) => f.source === 'caf').length).toBeGreaterThanOrEqual(5);
    const expected = bruteForce(files, 2025);
    const counts = await cohortOutcomes(files, 2025);
    expect(counts.length).toBeGreaterThan(1000);
    expect(counts).toEqual(expected);
    // at least two cohorts reach their 24-month horizon in the 2025 run
    const at24 = new Set(counts.filter((c) => c.horizon === 24).map((c) => `${c.scheme}:${c.cohort}`));
    expect([...at24].sort()).toEqual(['mediation:2022', 'mediation:2023', 'rencontre:2022', 'rencontre:2023']);
  });

  it('give the same counts when rows and files come in another order, or a file is split in two (metamorphic)', async () => {
    const files = readFollowUp(join(root, 'data-raw'), join(root, 'pipelines', 'config', 'suivi')).flatMap((y) => y.files);
    const reordered = [...files].reverse().flatMap((f) => {
      const rows = [...f.rows].reverse();
      const half = Math.ceil(rows.length / 2);
      return [{ ...f, rows: rows.slice(0, half) }, { ...f, rows: rows.slice(half) }];
    });
    expect(await cohortOutcomes(reordered, 2025)).toEqual(await cohortOutcomes(files, 2025));
  });

  it('counts a decision up to the horizon month and not after; a horizon is published once observable', async () => {
    const files = [
      file('mediation', [
        { enfant: A, famille: B, service: 'S1', departement: '05', debut: '2022-01-10', fin: '2022-03-20', cadre: 'judiciaire', issue: 'sans_accord' },
        { enfant: B, famille: B, service: 'S1', departement: '05', debut: '2022-01', fin: '2022-03', cadre: 'conventionnelle', issue: 'accord_ecrit' },
      ]),
      file('justice', [
        { enfant: A, decision: '2023-03-31' }, // end + 12 months: within 12
        { enfant: B, decision: '2023-04-01' }, // end + 13 months: within 24 only
        { enfant: B, decision: '2021-12-01' }, // before the end: not a return
      ]),
      file('caf', []),
    ];
    const counts = await cohortOutcomes(files, 2024);
    const returns = counts.filter((c) => c.outcome === 'retour_juge').map((c) => `${c.g1}:${c.horizon}`).sort();
    expect(returns).toEqual(['conventionnelle:24', 'judiciaire:12', 'judiciaire:24']);
    expect(counts).toEqual(bruteForce(files, 2024));
    // with 2023 as the latest year, only the 12-month horizon of cohort 2022 is observable
    expect(new Set((await cohortOutcomes(files, 2023)).map((c) => c.horizon))).toEqual(new Set([12]));
  });

  it('keeps one episode per child and year (the last ended), and lasting autonomy needs 12 quiet months', async () => {
    const files = [
      file('rencontre', [
        { enfant: A, famille: B, structure: 'E1', departement: '2A', debut: '2022-01-01', fin: '2022-02-01', origine: 'jaf', issue: 'arret' },
        { enfant: A, famille: B, structure: 'E1', departement: '2A', debut: '2022-03-01', fin: '2022-06-30', origine: 'jaf', issue: 'exercice_autonome' },
        { enfant: B, famille: B, structure: 'E2', departement: '2B', debut: '2022-01-01', fin: '2022-06-30', origine: 'spontanee', issue: 'exercice_autonome' },
        { enfant: B, famille: B, structure: 'E2', departement: '2B', debut: '2023-05-01', fin: '2023-09-30', origine: 'jaf', issue: 'arret' },
      ]),
      file('justice', []),
      file('caf', []),
    ];
    const counts = await cohortOutcomes(files, 2024);
    const of = (outcome: string, cohort: number) => counts.filter((c) => c.outcome === outcome && c.cohort === cohort && c.horizon === 12).map((c) => c.unit);
    expect(of('enfants', 2022)).toEqual(['E1', 'E2']);
    expect(of('exercice_autonome', 2022)).toEqual(['E1', 'E2']);
    expect(of('autonomie_durable', 2022)).toEqual(['E1']); // B's new measure starts 10 months after
    expect(counts).toEqual(bruteForce(files, 2024));
  });
});
