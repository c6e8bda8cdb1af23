/**
 * Synthetic separated families for the proof of the impact method (issue 24): treatment depends on the
 * covariates (selection: richer families and older children go to mediation more, and return to court
 * less anyway), outcomes depend on the covariates plus a planted effect, and a family-level random
 * effect makes the children of one family correlated. Rows follow issue 23's contract (caf,
 * mediation, justice), tokens `[A-Z2-7]`, dates `AAAA-MM-JJ`.
 *
 * Outcomes are linear in probability and designed never to leave [0, 1], so the average effect on the
 * treated is exactly the planted one (in points).
 *
 * @example
 *   const connection = await (await DuckDBInstance.create(':memory:')).connect();
 *   await loadSynthetic(connection, { seed: 1, families: 3000, cohorts: [2023], lastYear: 2025, effects: { retour_juge: -6 } });
 */
import type { DuckDBAppender, DuckDBConnection } from '@duckdb/node-api';
import { createRng, type Rng } from '../sample/prng.ts';
import type { Outcome } from './rules.ts';

export interface SyntheticOptions {
  seed: number;
  /** separating families per cohort */
  families: number;
  cohorts: readonly number[];
  /** last year of the data (no CAF situation nor court case after it) */
  lastYear: number;
  /** planted effects in percentage points (0 when absent) */
  effects?: Partial<Record<Outcome, number>>;
  /** departments drawn uniformly (default: four) */
  departments?: readonly string[];
  /** strength of the selection into mediation, 0 = none (default 1) */
  selection?: number;
}

export const PLANTED: Readonly<Record<Outcome, number>> = { retour_juge: -6, asf: -2, af_partagees: 4, intermediation: 2 };

export type CafRow = [enfant: string, famille: string, annee: number, departement: string, age: number, quintile: number, monoparentale: number, asf: number, intermediation: number, af_partagees: number];
export type MediationRow = [enfant: string, famille: string, service: string, departement: string, debut: string, fin: string, cadre: string, issue: string];
export type JusticeRow = [enfant: string, famille: string, departement: string, saisine: string, decision: string, nature: string, residence: string, droit_visite: string];

export interface SyntheticSink {
  caf(row: CafRow): void;
  mediation(row: MediationRow): void;
  justice(row: JusticeRow): void;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
export function token(rng: Rng, length = 20): string {
  let s = '';
  for (let i = 0; i < length; i++) s += ALPHABET[Math.floor(rng.next() * 32)];
  return s;
}

/** month index (year × 12 + month − 1) → `AAAA-MM-15` */
export function dateOf(mi: number): string {
  const y = Math.floor(mi / 12);
  return `${y}-${String((mi % 12) + 1).padStart(2, '0')}-15`;
}

const bernoulli = (rng: Rng, p: number): number => (rng.next() < Math.min(1, Math.max(0, p)) ? 1 : 0);

/** Streams the rows of the synthetic families to `sink`, deterministically for a seed. */
export function generateSynthetic(options: SyntheticOptions, sink: SyntheticSink): void {
  const rng = createRng(options.seed);
  const eff = (o: Outcome): number => (options.effects?.[o] ?? 0) / 100;
  const depts = options.departments ?? ['13', '59', '69', '75'];
  const sel = options.selection ?? 1;
  const last = options.lastYear;
  for (const c of options.cohorts) {
    for (let f = 0; f < options.families; f++) {
      const famille = token(rng, 24);
      const dept = depts[Math.floor(rng.next() * depts.length)];
      const nChildren = 1 + rng.weighted([0.45, 0.38, 0.17]);
      const youngest = rng.int(1, 15);
      const q = rng.int(1, 5);
      const prior = bernoulli(rng, 0.15);
      const asfBefore = bernoulli(rng, 0.08 + 0.03 * (3 - q));
      const older = (youngest >= 6 ? 1 : 0) + (youngest >= 11 ? 0.5 : 0);
      const pTreat = 0.16 + sel * (0.06 * (q - 3) + 0.1 * older);
      const treated = bernoulli(rng, pTreat) === 1;
      const u = rng.uniform(-0.06, 0.06);
      const v = rng.uniform(-0.04, 0.04);
      const tr = treated ? 1 : 0;
      // a mediation outside the treatment window, for a few untreated families (must not count)
      const outside = !treated && rng.next() < 0.03;
      const medStart = (c - 1) * 12 + 6 + rng.int(0, 29);
      for (let k = 0; k < nChildren; k++) {
        const enfant = token(rng, 20);
        const age = k === 0 ? youngest : Math.min(17, youngest + rng.int(1, 5));
        const pRetour = 0.38 - 0.05 * (q - 3) - 0.1 * (youngest >= 6 ? 1 : 0) - 0.05 * (youngest >= 11 ? 1 : 0) + 0.1 * prior + u + eff('retour_juge') * tr;
        const pAf = 0.14 + 0.04 * (q - 3) + 0.08 * (youngest >= 6 ? 1 : 0) + v + eff('af_partagees') * tr;
        const pAsf = 0.15 - 0.03 * (q - 3) + 0.15 * asfBefore + eff('asf') * tr;
        const pInter = 0.05 + 0.1 * asfBefore + eff('intermediation') * tr;
        const retour = bernoulli(rng, pRetour);
        const retourMonth = rng.int(1, 24);
        const y = [bernoulli(rng, pAsf), bernoulli(rng, pInter), bernoulli(rng, pAf)];
        const courtAtSeparation = rng.next() < 0.4;
        const priorMonth = (c - 2) * 12 + rng.int(0, 11);
        sink.caf([enfant, famille, c - 1, dept, age - 1, q, 0, asfBefore, 0, 0]);
        sink.caf([enfant, famille, c, dept, age, q, 1, asfBefore, 0, 0]);
        if (c + 1 <= last) sink.caf([enfant, famille, c + 1, dept, age + 1, q, 1, asfBefore, 0, 0]);
        if (c + 2 <= last) sink.caf([enfant, famille, c + 2, dept, age + 2, q, 1, y[0], y[1], y[2]]);
        if (treated) sink.mediation([enfant, famille, 'S' + dept, dept, dateOf(medStart), dateOf(medStart + 3), 'conventionnelle', 'accord_ecrit']);
        if (outside) sink.mediation([enfant, famille, 'S' + dept, dept, dateOf((c - 3) * 12), dateOf((c - 3) * 12 + 2), 'judiciaire', 'sans_accord']);
        if (prior) sink.justice([enfant, famille, dept, dateOf(priorMonth), dateOf(priorMonth + 3), 'premiere_demande', 'mere', 'libre']);
        if (courtAtSeparation) {
          const m = c * 12 + rng.int(0, 11);
          sink.justice([enfant, famille, dept, dateOf(m), dateOf(m + 2), 'premiere_demande', 'mere', 'libre']);
        }
        const mi = (c + 1) * 12 + retourMonth - 1;
        if (retour && Math.floor(mi / 12) <= last) sink.justice([enfant, famille, dept, dateOf(mi), dateOf(mi + 2), 'modification', 'alternee', 'libre']);
      }
    }
    // families already single-parent before, or never: outside the population
    for (let f = 0; f < Math.ceil(options.families / 5); f++) {
      const famille = token(rng, 24);
      const dept = depts[Math.floor(rng.next() * depts.length)];
      const mono = rng.next() < 0.5 ? 1 : 0;
      const enfant = token(rng, 20);
      for (let a = c - 1; a <= Math.min(last, c + 2); a++) sink.caf([enfant, famille, a, dept, 8 + a - c, rng.int(1, 5), mono, 0, 0, 0]);
    }
  }
}

export const SUIVI_TABLES_SQL = `
CREATE OR REPLACE TABLE suivi_caf (enfant VARCHAR, famille VARCHAR, annee INTEGER, departement VARCHAR, age INTEGER, quintile_niveau_vie INTEGER, monoparentale INTEGER, asf INTEGER, intermediation INTEGER, af_partagees INTEGER);
CREATE OR REPLACE TABLE suivi_mediation (enfant VARCHAR, famille VARCHAR, service VARCHAR, departement VARCHAR, debut VARCHAR, fin VARCHAR, cadre VARCHAR, issue VARCHAR);
CREATE OR REPLACE TABLE suivi_justice (enfant VARCHAR, famille VARCHAR, departement VARCHAR, saisine VARCHAR, decision VARCHAR, nature VARCHAR, residence VARCHAR, droit_visite VARCHAR);`;

function appendRow(appender: DuckDBAppender, row: readonly (string | number)[]): void {
  for (const v of row) {
    if (typeof v === 'number') appender.appendInteger(v);
    else appender.appendVarchar(v);
  }
  appender.endRow();
}

/** Creates `suivi_caf`, `suivi_mediation`, `suivi_justice` and fills them with the synthetic families. */
export async function loadSynthetic(connection: DuckDBConnection, options: SyntheticOptions): Promise<void> {
  await connection.run(SUIVI_TABLES_SQL);
  const caf = await connection.createAppender('suivi_caf');
  const mediation = await connection.createAppender('suivi_mediation');
  const justice = await connection.createAppender('suivi_justice');
  generateSynthetic(options, {
    caf: (r) => appendRow(caf, r),
    mediation: (r) => appendRow(mediation, r),
    justice: (r) => appendRow(justice, r),
  });
  for (const a of [caf, mediation, justice]) {
    a.flushSync();
    a.closeSync();
  }
}
