/**
 * The fictitious units behind the sample, a panel: mediation services and espaces de rencontre, each
 * in one department for good, with a stable id, a name, a number of sites, a size that moves a little
 * from year to year, and the years it is open. Departments get units in proportion to their
 * population, very unevenly, and a handful get none (white zones).
 */
import type { Department } from '../model/geography.ts';
import type { ManagerType } from '../model/rows.ts';
import type { Rng } from './prng.ts';
import { MEDIATION_LIFESPANS, MEDIATION_TARGETS, PANEL_MOVES, RENCONTRE_LIFESPANS, SAMPLE_FACTS, SAMPLE_YEARS } from './targets.ts';

export interface Unit {
  id: string;
  name: string;
  departement: string;
  /** relative size (share of the national activity, before the yearly moves) */
  weight: number;
  /** relative size each sample year: `weight` moved by a small random walk (`PANEL_MOVES.drift`) */
  activity: Readonly<Record<number, number>>;
  /** lieux d'accueil (mediation) or sites (rencontre): the same every year */
  sites: number;
  /** seed of the unit's own traits (its mix of outcomes, funders…), drawn the same every year */
  seed: number;
  years: readonly number[];
  gestionnaire: ManagerType;
}

export interface Universe {
  mediation: readonly Unit[];
  rencontre: readonly Unit[];
  /** departments with no mediation service / no espace de rencontre */
  whiteZones: { mediation: readonly string[]; rencontre: readonly string[] };
}

/** Departments that must keep units: the sample's `2a` defect needs a service in Corse-du-Sud. */
const NEVER_WHITE = new Set(['2A', '2B', '75', '13', '59']);

/** `count` white zones: the forced ones present among `departments`, then small departments at random. */
function chooseWhiteZones(rng: Rng, departments: readonly Department[], count: number, forced: readonly string[], spared: readonly string[]): string[] {
  const present = forced.filter((code) => departments.some((d) => d.code === code));
  const small = departments
    .filter((d) => d.population < 330_000 && !NEVER_WHITE.has(d.code) && !spared.includes(d.code) && !present.includes(d.code))
    .map((d) => d.code);
  return [...present, ...rng.shuffle(small).slice(0, Math.max(0, count - present.length))].sort();
}

/** Relative size each year: a random walk from `weight`, at most ±`PANEL_MOVES.drift` a year. */
function walk(rng: Rng, weight: number): Record<number, number> {
  const activity: Record<number, number> = {};
  let level = weight;
  for (const year of SAMPLE_YEARS) {
    activity[year] = level;
    level *= rng.uniform(1 - PANEL_MOVES.drift, 1 + PANEL_MOVES.drift);
  }
  return activity;
}

/** Spreads `n` units over departments: one each, then the rest by population^1.2 (big ones lead). */
function allocate(rng: Rng, departments: readonly Department[], n: number): Map<string, number> {
  const counts = new Map(departments.map((d) => [d.code, 1]));
  const weights = departments.map((d) => Math.pow(d.population, 1.2) * rng.lognormal(1, 0.25));
  for (let k = departments.length; k < n; k++) {
    const code = departments[rng.weighted(weights)].code;
    counts.set(code, counts.get(code)! + 1);
  }
  return counts;
}

const MEDIATION_NAMES = [
  (d: Department) => `Association de médiation familiale – ${d.name}`,
  (d: Department) => `UDAF ${d.code} – service de médiation familiale`,
  (d: Department) => `Service de médiation familiale de la CAF (${d.name})`,
  (d: Department) => `Espace Famille Médiation – ${d.name}`,
  (d: Department) => `Centre d'information sur les droits des femmes et des familles (${d.name})`,
  (d: Department) => `Sauvegarde de l'enfance – médiation familiale, ${d.name}`,
  (d: Department) => `APMF – Accueil et médiation des familles, ${d.name}`,
];

const RENCONTRE_NAMES = [
  (d: Department) => `Espace de rencontre « Le Trait d'union » – ${d.name}`,
  (d: Department) => `Point rencontre parents-enfants (${d.name})`,
  (d: Department) => `Lieu d'accueil enfants-parents « La Passerelle », ${d.name}`,
  (d: Department) => `Espace de rencontre de l'UDAF ${d.code}`,
  (d: Department) => `Association Enfance et Familles – espace de rencontre, ${d.name}`,
];

const MANAGERS: readonly ManagerType[] = ['association', 'caf', 'collectivite', 'autre'];
const MANAGER_WEIGHTS = [0.8, 0.09, 0.07, 0.04];

function buildUnits(
  rng: Rng,
  departments: readonly Department[],
  lifespans: readonly { years: readonly number[]; count: number }[],
  scale: number,
  white: readonly string[],
  prefix: 'MF' | 'ER',
  keepOpen: readonly string[] = [],
): Unit[] {
  const served = departments.filter((d) => !white.includes(d.code));
  const spans = lifespans.flatMap((s) => Array.from({ length: Math.round(s.count * scale) }, () => s.years));
  const counts = allocate(rng, served, spans.length);
  const names = prefix === 'MF' ? MEDIATION_NAMES : RENCONTRE_NAMES;
  const units: Unit[] = [];
  for (const d of served) {
    // big departments have bigger services too, on top of having more of them
    const sizeBoost = Math.pow(d.population / 700_000, 0.3);
    for (let k = 1; k <= counts.get(d.code)!; k++) {
      const name = names[(k - 1 + d.code.charCodeAt(d.code.length - 1)) % names.length](d);
      const id = `${prefix}-${d.code}-${String(k).padStart(3, '0')}`;
      const weight = rng.lognormal(1, 0.55) * sizeBoost;
      units.push({
        id,
        name: k > names.length ? `${name} (${k})` : name,
        departement: d.code,
        weight,
        activity: walk(rng.fork(`walk:${id}`), weight),
        sites: 0,
        seed: rng.fork(`traits:${id}`).int(0, 2 ** 31 - 1),
        years: [],
        gestionnaire: MANAGERS[rng.weighted(MANAGER_WEIGHTS)],
      });
    }
  }
  // sites: a mediation service's lieux d'accueil follow its size (≈ 1 700 in France); an espace de
  // rencontre has one site, sometimes two to four
  const totalWeight = units.reduce((a, u) => a + u.weight, 0);
  for (const u of units) {
    const r = rng.fork(`sites:${u.id}`);
    u.sites =
      prefix === 'MF'
        ? Math.max(1, Math.round(((MEDIATION_TARGETS[2024].lieux * scale * u.weight) / totalWeight) * r.uniform(0.6, 1.4)))
        : 1 + (r.chance(0.35) ? r.int(1, 3) : 0);
  }
  // lifespans handed out at random, so openings and closings fall anywhere — except in the departments
  // whose services must be known every year (the longest lifespans come first)
  const kept = units.map((u, i) => (keepOpen.includes(u.departement) ? i : -1)).filter((i) => i >= 0);
  const order = [...kept, ...rng.shuffle(units.map((_, i) => i).filter((i) => !kept.includes(i)))];
  // (a sample scaled below one unit per department keeps its extra units open every year)
  order.forEach((unitIndex, k) => (units[unitIndex] = { ...units[unitIndex], years: spans[k] ?? SAMPLE_YEARS }));
  return units;
}

/**
 * Builds the units of both surveys. `scale` multiplies the number of units (×10 for the benchmark).
 *
 * @example
 *   const u = buildUniverse(createRng(1), departments, 1);
 *   u.mediation.filter((s) => s.years.includes(2024)).length; // 272
 */
export function buildUniverse(rng: Rng, departments: readonly Department[], scale: number): Universe {
  const whiteMediation = chooseWhiteZones(rng.fork('white-mediation'), departments, 4, [], SAMPLE_FACTS.silentMediation);
  const whiteRencontre = chooseWhiteZones(rng.fork('white-rencontre'), departments, 6, SAMPLE_FACTS.noRencontre, []);
  return {
    mediation: buildUnits(rng.fork('mediation'), departments, MEDIATION_LIFESPANS, scale, whiteMediation, 'MF', SAMPLE_FACTS.silentMediation),
    rencontre: buildUnits(rng.fork('rencontre'), departments, RENCONTRE_LIFESPANS, scale, whiteRencontre, 'ER'),
    whiteZones: { mediation: whiteMediation, rencontre: whiteRencontre },
  };
}
