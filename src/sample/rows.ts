/**
 * One year's rows for every open unit, internally consistent by construction: outcomes, frames,
 * durations and conflicts all split the same number of ended mediations; origins and kinds both split
 * the new measures; children ≥ families; everything ≥ 0. National totals follow `targets.ts`.
 */
import type { MediationRow, RencontreRow } from '../model/rows.ts';
import { jitter, splitInteger, type Rng } from './prng.ts';
import { MEDIATION_TARGETS, RENCONTRE_TARGETS } from './targets.ts';
import type { Unit } from './universe.ts';

/** Units open in `year`, each with its share of the national activity (yearly noise ±10 %). */
function shares(rng: Rng, units: readonly Unit[], year: number): { unit: Unit; share: number }[] {
  const open = units.filter((u) => u.years.includes(year));
  const w = open.map((u) => u.weight * rng.uniform(0.9, 1.1));
  const total = w.reduce((a, b) => a + b, 0);
  return open.map((unit, i) => ({ unit, share: w[i] / total }));
}

/** `target × share`, with row-level noise, rounded to an integer ≥ min. */
function count(rng: Rng, target: number, share: number, spread = 0.2, min = 0): number {
  return Math.max(min, Math.round(target * share * rng.uniform(1 - spread, 1 + spread)));
}

const round = (x: number, decimals: number) => Math.round(x * 10 ** decimals) / 10 ** decimals;

export function mediationRows(rng: Rng, units: readonly Unit[], year: number, scale: number): MediationRow[] {
  const t = MEDIATION_TARGETS[year];
  return shares(rng, units, year).map(({ unit, share }) => {
    const r = rng.fork(`${unit.id}:${year}`);
    const s = share; // shares sum to 1 over scale × units: per-unit sizes stay realistic
    const k = scale;
    const terminees = count(r, t.terminees * k, s, 0.25, 3);
    const [conventionnelles, judiciaires] = splitInteger(terminees, jitter(r, [0.69, 0.31], 0.25));
    const issues = splitInteger(terminees, jitter(r, [0.28, 0.34, 0.15, 0.23], 0.35));
    const conflits = splitInteger(terminees, jitter(r, [0.77, 0.13, 0.1], 0.3));
    const durees = splitInteger(terminees, jitter(r, [0.61, 0.28, 0.11], 0.3));
    const etp = Math.max(0.3, round(t.etp * k * s * r.uniform(0.8, 1.2), 2));
    const finScale = (target: number, spread: number) => count(r, target * k, s, spread);
    return {
      annee: year,
      service_id: unit.id,
      service_nom: unit.name,
      departement: unit.departement,
      gestionnaire: unit.gestionnaire,
      etp_mediateurs: etp,
      mediateurs: Math.max(1, Math.ceil(etp / r.uniform(0.45, 0.9))),
      lieux_accueil: count(r, t.lieux * k, s, 0.4, 1),
      reunions_information: count(r, t.reunions * k, s, 0.5),
      entretiens_prealables: Math.max(terminees, count(r, t.entretiens * k, s, 0.25)),
      seances: Math.max(terminees, count(r, t.seances * k, s, 0.25)),
      terminees_conventionnelles: conventionnelles,
      terminees_judiciaires: judiciaires,
      issue_accord_ecrit: issues[0],
      issue_accord_oral: issues[1],
      issue_sans_accord: issues[2],
      issue_interrompue: issues[3],
      conflit_separation: conflits[0],
      conflit_intergenerationnel: conflits[1],
      conflit_autre: conflits[2],
      duree_moins_3_mois: durees[0],
      duree_3_6_mois: durees[1],
      duree_plus_6_mois: durees[2],
      // at least two people in every ended mediation, a few more where grand-parents or children come
      personnes: Math.max(2 * terminees, Math.round(terminees * r.uniform(2.05, 2.3))),
      fin_caf: finScale(t.finCaf, 0.2),
      fin_justice: r.chance(0.8) ? finScale(t.finJustice / 0.8, 0.6) : 0,
      fin_msa: r.chance(0.6) ? finScale(t.finMsa / 0.6, 0.6) : 0,
      fin_collectivites: r.chance(0.85) ? finScale(t.finCollectivites / 0.85, 0.7) : 0,
      fin_familles: finScale(t.finFamilles, 0.5),
      fin_autre: r.chance(0.4) ? finScale(t.finAutre / 0.4, 0.8) : 0,
    };
  });
}

/** Median days between the judge's order and the first meeting: a few weeks, a tail of months. */
function waitingDays(r: Rng): number | null {
  if (r.chance(0.08)) return null; // not answered
  return Math.min(540, Math.max(3, Math.round(r.lognormal(28, 0.8))));
}

export function rencontreRows(rng: Rng, units: readonly Unit[], year: number, scale: number): RencontreRow[] {
  const t = RENCONTRE_TARGETS[year];
  return shares(rng, units, year).map(({ unit, share }) => {
    const r = rng.fork(`${unit.id}:${year}`);
    const s = share;
    const k = scale;
    const familles = count(r, t.familles * k, s, 0.2, 4);
    const enfants = Math.max(familles, Math.round(familles * r.uniform(1.25, 1.65)));
    const nouvelles = Math.min(familles, count(r, t.mesuresNouvelles * k, s, 0.25, 2));
    const origines = splitInteger(nouvelles, jitter(r, [0.8, 0.12, 0.03, 0.05], 0.4));
    const [visites, remises] = splitInteger(nouvelles, jitter(r, [0.7, 0.3], 0.3));
    const terminees = Math.round(nouvelles * r.uniform(0.75, 1.05));
    const fins = splitInteger(terminees, jitter(r, [0.45, 0.41, 0.14], 0.3));
    const etp = Math.max(0.5, round(t.etp * k * s * r.uniform(0.8, 1.2), 2));
    const hasWaitingList = r.chance(0.59);
    const fin = (target: number, spread: number) => count(r, target * k, s, spread);
    return {
      annee: year,
      structure_id: unit.id,
      structure_nom: unit.name,
      departement: unit.departement,
      sites: 1 + (r.chance(0.35) ? r.int(1, 3) : 0),
      etp,
      heures_ouverture_hebdo: Math.min(60, Math.max(6, Math.round(8 + etp * r.uniform(4, 8)))),
      familles,
      enfants,
      mesures_nouvelles: nouvelles,
      mesures_jaf: origines[0],
      mesures_je: origines[1],
      mesures_cour_appel: origines[2],
      mesures_conventionnelles_autres: origines[3],
      mesures_visites: visites,
      mesures_remises: remises,
      rencontres: Math.max(enfants, Math.round(enfants * r.uniform(2.8, 4))),
      fin_exercice_autonome: fins[0],
      fin_interrompue: fins[1],
      fin_autre: fins[2],
      mesures_violences: Math.round(nouvelles * r.uniform(0.05, 0.25)),
      familles_attente_31dec: hasWaitingList ? count(r, t.attente31dec * k / 0.59, s, 0.8, 1) : 0,
      delai_attente_median_jours: waitingDays(r),
      fin_caf: fin(t.finCaf, 0.2),
      fin_justice: r.chance(0.9) ? fin(t.finJustice / 0.9, 0.5) : 0,
      fin_departement: r.chance(0.6) ? fin(t.finDepartement / 0.6, 0.7) : 0,
      fin_msa: r.chance(0.4) ? fin(t.finMsa / 0.4, 0.6) : 0,
      fin_autre_financeur: r.chance(0.5) ? fin(t.finAutre / 0.5, 0.8) : 0,
    };
  });
}
