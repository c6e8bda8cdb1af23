/**
 * The DuckDB cohort stage against an independent brute-force computation in plain TypeScript, on
 * tiny hand-checked fixtures (horizon edges); over the whole shipped follow-up sample in
 * tests/e2e/suivi-cohorts.test.ts.
 */
import { cohortOutcomes } from '../../src/suivi/cohorts.ts';
import type { SuiviFile } from '../../src/format/suivi.ts';
import { bruteForce } from './outcomes-oracle.ts';

const file = (source: SuiviFile['source'], rows: Record<string, string | number>[]): SuiviFile => ({ source, year: 0, path: source, rows, rejects: [], missing: [] });
const A = 'AAAAAAAAAAAAAAAA';
const B = 'BBBBBBBBBBBBBBBB';

describe('cohorts and outcomes (DuckDB)', () => {
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
