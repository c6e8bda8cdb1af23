/**
 * One year's rows for every open unit, internally consistent by construction: outcomes, frames,
 * durations and conflicts all split the same number of ended mediations; origins and kinds both split
 * the new measures; children ≥ families; everything ≥ 0. National totals follow `targets.ts`.
 *
 * A panel: what makes one service differ from another (its mix of outcomes, its funders, how many
 * meetings it holds for its size…) is drawn from the unit's own seed, the same draws every year; the
 * year only moves its size (`Unit.activity`) and adds a small wobble to each figure (`PANEL_MOVES`).
 */
import { round } from '../format/round.ts';
import type { MediationRow, RencontreRow } from '../model/rows.ts';
import { createRng, jitter, splitInteger, type Rng } from './prng.ts';
import { MEDIATION_TARGETS, PANEL_MOVES, RENCONTRE_TARGETS } from './targets.ts';
import type { Unit } from './universe.ts';

/** Units open in `year`, each with its share of the national activity that year. */
function shares(units: readonly Unit[], year: number): { unit: Unit; share: number }[] {
  const open = units.filter((u) => u.years.includes(year));
  const total = open.reduce((a, u) => a + u.activity[year], 0);
  return open.map((unit) => ({ unit, share: unit.activity[year] / total }));
}

/**
 * Draws for one unit in one year: `unit` draws are the unit's traits (the same sequence every year, so
 * they must never depend on the year), `year` draws its yearly wobble.
 */
interface Draws {
  unit: Rng;
  year: Rng;
}

function draws(rng: Rng, unit: Unit, year: number): Draws {
  return { unit: createRng(unit.seed), year: rng.fork(`${unit.id}:${year}`) };
}

/** The yearly wobble of one figure: a factor within ±`PANEL_MOVES.wobble`. */
const wobble = (d: Draws) => d.year.uniform(1 - PANEL_MOVES.wobble, 1 + PANEL_MOVES.wobble);

/** `target × share`, times the unit's own level for this figure (±spread) and the wobble, rounded to an integer ≥ min. */
function count(d: Draws, target: number, share: number, spread = 0.2, min = 0): number {
  return Math.max(min, Math.round(target * share * d.unit.uniform(1 - spread, 1 + spread) * wobble(d)));
}

/** The unit's own mix (±spread around the national shares), jittered a little each year. */
function mix(d: Draws, shares: readonly number[], spread: number): number[] {
  return jitter(d.year, jitter(d.unit, shares, spread), 0.04);
}

export function mediationRows(rng: Rng, units: readonly Unit[], year: number, scale: number): MediationRow[] {
  const t = MEDIATION_TARGETS[year];
  return shares(units, year).map(({ unit, share }) => {
    const d = draws(rng, unit, year);
    const s = share; // shares sum to 1 over scale × units: per-unit sizes stay realistic
    const k = scale;
    const terminees = count(d, t.terminees * k, s, 0.25, 3);
    const [conventionnelles, judiciaires] = splitInteger(terminees, mix(d, [0.69, 0.31], 0.25));
    const issues = splitInteger(terminees, mix(d, [0.28, 0.34, 0.15, 0.23], 0.35));
    const conflits = splitInteger(terminees, mix(d, [0.77, 0.13, 0.1], 0.3));
    const durees = splitInteger(terminees, mix(d, [0.61, 0.28, 0.11], 0.3));
    const etp = Math.max(0.3, round(t.etp * k * s * d.unit.uniform(0.8, 1.2) * wobble(d), 2));
    const perMediator = d.unit.uniform(0.45, 0.9);
    const reunions = count(d, t.reunions * k, s, 0.5);
    const entretiens = count(d, t.entretiens * k, s, 0.25);
    const seances = count(d, t.seances * k, s, 0.25);
    const perEnded = d.unit.uniform(2.05, 2.3);
    const fin = (target: number, spread: number) => count(d, target * k, s, spread);
    // which funders a service has is one of its traits: drawn before any amount, the same every year
    const funded = { justice: d.unit.chance(0.8), msa: d.unit.chance(0.6), collectivites: d.unit.chance(0.85), autre: d.unit.chance(0.4) };
    return {
      annee: year,
      service_id: unit.id,
      service_nom: unit.name,
      departement: unit.departement,
      gestionnaire: unit.gestionnaire,
      etp_mediateurs: etp,
      mediateurs: Math.max(1, Math.ceil(etp / perMediator)),
      lieux_accueil: unit.sites,
      reunions_information: reunions,
      entretiens_prealables: Math.max(terminees, entretiens),
      seances: Math.max(terminees, seances),
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
      personnes: Math.max(2 * terminees, Math.round(terminees * perEnded)),
      fin_caf: fin(t.finCaf, 0.2),
      fin_justice: funded.justice ? fin(t.finJustice / 0.8, 0.6) : 0,
      fin_msa: funded.msa ? fin(t.finMsa / 0.6, 0.6) : 0,
      fin_collectivites: funded.collectivites ? fin(t.finCollectivites / 0.85, 0.7) : 0,
      fin_familles: fin(t.finFamilles, 0.5),
      fin_autre: funded.autre ? fin(t.finAutre / 0.4, 0.8) : 0,
    };
  });
}

/** Median days between the judge's order and the first meeting: a few weeks, a tail of months (the unit's own level, ±15 % a year). */
function waitingDays(d: Draws, level: number): number | null {
  if (d.year.chance(0.08)) return null; // not answered
  return Math.min(540, Math.max(3, Math.round(level * d.year.uniform(0.85, 1.15))));
}

export function rencontreRows(rng: Rng, units: readonly Unit[], year: number, scale: number): RencontreRow[] {
  const t = RENCONTRE_TARGETS[year];
  return shares(units, year).map(({ unit, share }) => {
    const d = draws(rng, unit, year);
    const s = share;
    const k = scale;
    const familles = count(d, t.familles * k, s, 0.2, 4);
    const enfants = Math.max(familles, Math.round(familles * d.unit.uniform(1.25, 1.65)));
    const nouvelles = Math.min(familles, count(d, t.mesuresNouvelles * k, s, 0.25, 2));
    const origines = splitInteger(nouvelles, mix(d, [0.8, 0.12, 0.03, 0.05], 0.4));
    const [visites, remises] = splitInteger(nouvelles, mix(d, [0.7, 0.3], 0.3));
    const terminees = Math.round(nouvelles * d.unit.uniform(0.75, 1.05));
    const fins = splitInteger(terminees, mix(d, [0.45, 0.41, 0.14], 0.3));
    const etp = Math.max(0.5, round(t.etp * k * s * d.unit.uniform(0.8, 1.2) * wobble(d), 2));
    const hoursPerEtp = d.unit.uniform(4, 8);
    const perChild = d.unit.uniform(2.8, 4);
    const violences = d.unit.uniform(0.05, 0.25);
    const hasWaitingList = d.unit.chance(0.59);
    const attente = count(d, (t.attente31dec * k) / 0.59, s, 0.8, 1);
    const waitingLevel = d.unit.lognormal(28, 0.8);
    const fin = (target: number, spread: number) => count(d, target * k, s, spread);
    const funded = { justice: d.unit.chance(0.9), departement: d.unit.chance(0.6), msa: d.unit.chance(0.4), autre: d.unit.chance(0.5) };
    return {
      annee: year,
      structure_id: unit.id,
      structure_nom: unit.name,
      departement: unit.departement,
      sites: unit.sites,
      etp,
      heures_ouverture_hebdo: Math.min(60, Math.max(6, Math.round(8 + etp * hoursPerEtp))),
      familles,
      enfants,
      mesures_nouvelles: nouvelles,
      mesures_jaf: origines[0],
      mesures_je: origines[1],
      mesures_cour_appel: origines[2],
      mesures_conventionnelles_autres: origines[3],
      mesures_visites: visites,
      mesures_remises: remises,
      rencontres: Math.max(enfants, Math.round(enfants * perChild)),
      fin_exercice_autonome: fins[0],
      fin_interrompue: fins[1],
      fin_autre: fins[2],
      mesures_violences: Math.round(nouvelles * violences),
      familles_attente_31dec: hasWaitingList ? attente : 0,
      delai_attente_median_jours: waitingDays(d, waitingLevel),
      fin_caf: fin(t.finCaf, 0.2),
      fin_justice: funded.justice ? fin(t.finJustice / 0.9, 0.5) : 0,
      fin_departement: funded.departement ? fin(t.finDepartement / 0.6, 0.7) : 0,
      fin_msa: funded.msa ? fin(t.finMsa / 0.4, 0.6) : 0,
      fin_autre_financeur: funded.autre ? fin(t.finAutre / 0.5, 0.8) : 0,
    };
  });
}
