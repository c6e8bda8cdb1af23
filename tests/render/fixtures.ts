/**
 * Test publications for the renderers (test code only: it brands tables by hand with
 * `sealProtected`, which production code may never do).
 *
 * - `smallGeography`: three departments, two regions, two courts — for goldens.
 * - `fullGeography()`: the real 101 departments from data-raw/reference.
 * - `fixturePublication(geography, { year, sentinel })`: every table of the shared contract plus an
 *   extra table unknown to the renderers ("test-ajout", whose label starts with "="), each contract
 *   table shown as the committed catalogue says (`display` of pipelines/config/tables.json), values from a
 *   seeded hash, some department, region and France cells suppressed (`u` or `x`). With `sentinel`,
 *   every suppressed cell's true value is `SENTINEL`, so a leak test can look for it everywhere.
 */
import { join } from 'node:path';
import { loadGeography } from '../../src/ingest/geography.ts';
import { loadPublicationConfig } from '../../src/ingest/publication-config.ts';
import { FRANCE, type Geography } from '../../src/model/geography.ts';
import type { Publication, PublicationTable, Publisher, SecrecyRules, TableSurvey } from '../../src/model/publication.ts';
import { sealProtected } from '../../src/protect/protected-table.ts';
import type { Cell, CellStatus } from '../../src/protect/types.ts';

export const SENTINEL = 987654;

export function fullGeography(): Geography {
  return loadGeography(join(import.meta.dirname, '..', '..', 'data-raw', 'reference'));
}

export const smallGeography: Geography = {
  departments: [
    { code: '01', name: 'Ain', region: 'R84', court: 'CA-LYON', population: 679344 },
    { code: '69', name: 'Rhône', region: 'R84', court: 'CA-LYON', population: 1900000 },
    { code: '2A', name: 'Corse-du-Sud', region: 'R94', court: 'CA-BASTIA', population: 160000 },
  ],
  regions: [
    { code: 'R84', name: 'Auvergne-Rhône-Alpes' },
    { code: 'R94', name: 'Corse' },
  ],
  courts: [
    { code: 'CA-BASTIA', name: "Cour d'appel de Bastia" },
    { code: 'CA-LYON', name: "Cour d'appel de Lyon" },
  ],
  zones: [],
  regionHierarchy: [
    { child: '01', parent: 'R84' },
    { child: '69', parent: 'R84' },
    { child: '2A', parent: 'R94' },
    { child: 'R84', parent: FRANCE },
    { child: 'R94', parent: FRANCE },
  ],
  courtHierarchy: [
    { child: '01', parent: 'CA-LYON' },
    { child: '69', parent: 'CA-LYON' },
    { child: '2A', parent: 'CA-BASTIA' },
    { child: 'CA-LYON', parent: FRANCE },
    { child: 'CA-BASTIA', parent: FRANCE },
  ],
  labels: {
    FR: 'France',
    '01': 'Ain',
    '69': 'Rhône',
    '2A': 'Corse-du-Sud',
    R84: 'Auvergne-Rhône-Alpes',
    R94: 'Corse',
    'CA-LYON': "Cour d'appel de Lyon",
    'CA-BASTIA': "Cour d'appel de Bastia",
  },
  population: { FR: 2739344, '01': 679344, '69': 1900000, '2A': 160000, R84: 2579344, R94: 160000, 'CA-LYON': 2579344, 'CA-BASTIA': 160000 },
};

interface Spec {
  id: string;
  survey: TableSurvey;
  dim: string;
  codes: string[];
  total: boolean;
  unit: string;
  decimals: number;
  link?: string;
  /** units of codes that differ from the table's */
  units?: Record<string, string>;
  /** decimals of codes that differ from the table's */
  codeDecimals?: Record<string, number>;
  /** a table of changes: each code's source cell and kind */
  changes?: PublicationTable['changes'];
}

/** How the committed catalogue shows each table (charts, maps, key figures, court role). */
const displays = new Map(loadPublicationConfig(join(import.meta.dirname, '..', '..', 'pipelines', 'config')).tables.map((t) => [t.id, t.display]));

const u = 'En nombre';
/** The shared contract's tables (ids, second dimension, codes), plus one the renderers do not know. */
export const catalogue: readonly Spec[] = [
  { id: 'med-terminees-cadre', survey: 'mediation', dim: 'cadre', codes: ['conventionnelle', 'judiciaire'], total: true, unit: u, decimals: 0, link: 'med-terminees' },
  { id: 'med-terminees-issue', survey: 'mediation', dim: 'issue', codes: ['accord_ecrit', 'accord_oral', 'sans_accord', 'interrompue'], total: true, unit: u, decimals: 0, link: 'med-terminees' },
  { id: 'med-terminees-conflit', survey: 'mediation', dim: 'conflit', codes: ['separation', 'intergenerationnel', 'autre'], total: true, unit: u, decimals: 0, link: 'med-terminees' },
  { id: 'med-terminees-duree', survey: 'mediation', dim: 'duree', codes: ['moins_3_mois', '3_6_mois', 'plus_6_mois'], total: true, unit: u, decimals: 0, link: 'med-terminees' },
  { id: 'med-activite', survey: 'mediation', dim: 'indicateur', codes: ['reunions_information', 'entretiens_prealables', 'seances'], total: false, unit: u, decimals: 0 },
  { id: 'med-moyens', survey: 'mediation', dim: 'indicateur', codes: ['services', 'etp_mediateurs', 'mediateurs', 'lieux_accueil'], total: false, unit: 'En nombre et en équivalents temps plein', decimals: 0, units: { services: u, etp_mediateurs: 'En équivalents temps plein', mediateurs: u, lieux_accueil: u }, codeDecimals: { etp_mediateurs: 1 } },
  { id: 'med-financement', survey: 'mediation', dim: 'financeur', codes: ['caf', 'justice', 'msa', 'collectivites', 'familles', 'autre'], total: true, unit: 'En euros', decimals: 0 },
  { id: 'er-accueil', survey: 'rencontre', dim: 'indicateur', codes: ['structures', 'familles', 'enfants', 'rencontres'], total: false, unit: u, decimals: 0 },
  { id: 'er-mesures-origine', survey: 'rencontre', dim: 'origine', codes: ['jaf', 'je', 'cour_appel', 'conventionnelle_autre'], total: true, unit: u, decimals: 0, link: 'er-mesures' },
  { id: 'er-mesures-nature', survey: 'rencontre', dim: 'nature', codes: ['visites', 'remises'], total: true, unit: u, decimals: 0, link: 'er-mesures' },
  { id: 'er-mesures-fin', survey: 'rencontre', dim: 'fin', codes: ['exercice_autonome', 'interrompue', 'autre'], total: true, unit: u, decimals: 0 },
  { id: 'er-violences', survey: 'rencontre', dim: 'indicateur', codes: ['mesures_violences'], total: false, unit: u, decimals: 0 },
  { id: 'er-attente', survey: 'rencontre', dim: 'indicateur', codes: ['familles_attente', 'delai_median_jours'], total: false, unit: 'En nombre de familles et en jours', decimals: 0, units: { familles_attente: 'En nombre de familles', delai_median_jours: 'En jours' } },
  { id: 'er-financement', survey: 'rencontre', dim: 'financeur', codes: ['caf', 'justice', 'departement', 'msa', 'autre'], total: true, unit: 'En euros', decimals: 0 },
  { id: 'croise-taux', survey: 'croise', dim: 'indicateur', codes: ['mediations_100k', 'enfants_er_100k', 'etp_100k', 'part_judiciaire', 'taux_accord', 'part_exercice_autonome'], total: false, unit: 'Pour 100 000 habitants et en %', decimals: 1, units: { mediations_100k: 'Pour 100 000 habitants', enfants_er_100k: 'Pour 100 000 habitants', etp_100k: 'Pour 100 000 habitants', part_judiciaire: 'En %', taux_accord: 'En %', part_exercice_autonome: 'En %' } },
  { id: 'croise-couverture', survey: 'croise', dim: 'indicateur', codes: ['departements', 'sans_mediation', 'sans_er', 'sans_aucun'], total: false, unit: 'En nombre de départements', decimals: 0 },
  {
    id: 'croise-evolution',
    survey: 'croise',
    dim: 'indicateur',
    codes: ['mediations_terminees', 'enfants_er', 'etp_mediateurs', 'familles_attente', 'part_judiciaire'],
    total: false,
    unit: 'En % ou en points de %',
    decimals: 1,
    changes: {
      mediations_terminees: { table: 'med-terminees-issue', code: 'ENS', change: 'percent' },
      enfants_er: { table: 'er-accueil', code: 'enfants', change: 'percent' },
      etp_mediateurs: { table: 'med-moyens', code: 'etp_mediateurs', change: 'percent' },
      familles_attente: { table: 'er-attente', code: 'familles_attente', change: 'percent' },
      part_judiciaire: { table: 'croise-taux', code: 'part_judiciaire', change: 'points' },
    },
  },
  { id: 'test-ajout', survey: 'croise', dim: 'indicateur', codes: ['formule'], total: false, unit: u, decimals: 0 },
];

/** FNV-1a: a stable pseudo-random integer per key. */
function hash(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

function labelOf(code: string): string {
  if (code === 'formule') return '=SOMME(B3:B9)';
  if (code === 'ENS') return 'Ensemble';
  const text = code.replace(/_/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The status a fixture cell gets: a few department cells, one region cell per table, rarely France. */
function statusOf(key: string, level: 'dep' | 'area' | 'fr'): CellStatus {
  const h = hash(`status|${key}`);
  const rate = level === 'dep' ? 5 : level === 'area' ? 9 : 13;
  if (h % rate !== 0) return 's';
  return (h >> 8) % 2 === 0 ? 'u' : 'x';
}

export function fixtureTable(geography: Geography, spec: Spec, year: number, number: number, sentinel: boolean): PublicationTable {
  const codes = spec.total ? [...spec.codes, 'ENS'] : spec.codes;
  const scale = spec.decimals > 0 ? 10 ** spec.decimals : 1;
  const cells: Cell[] = [];
  const h = (dep: string, code: string) => hash(`${year}|${spec.id}|${dep}|${code}`);
  // coverage flags are 0/1 per department (1 department; white zones in about one in three)
  const leafValue = (dep: string, code: string) =>
    spec.id === 'croise-couverture' ? (code === 'departements' ? 1 : h(dep, code) % 3 === 0 ? 1 : 0) : (h(dep, code) % 4000) + 5;
  const areas: [string, string[], 'area' | 'fr'][] = [
    ...geography.regions.map((r) => [r.code, geography.departments.filter((d) => d.region === r.code).map((d) => d.code), 'area'] as [string, string[], 'area']),
    ...geography.courts.map((c) => [c.code, geography.departments.filter((d) => d.court === c.code).map((d) => d.code), 'area'] as [string, string[], 'area']),
    ...geography.zones.map((z) => [z.code, geography.departments.filter((d) => d.zone === z.code).map((d) => d.code), 'area'] as [string, string[], 'area']),
    [FRANCE, geography.departments.map((d) => d.code), 'fr'],
  ];
  const geos: [string, string[], 'dep' | 'area' | 'fr'][] = [...geography.departments.map((d) => [d.code, [d.code], 'dep'] as [string, string[], 'dep']), ...areas];
  for (const [geo, members, level] of geos) {
    if (members.length === 0) continue;
    for (const code of codes) {
      const parts = code === 'ENS' ? spec.codes : [code];
      const raw = members.reduce((sum, d) => sum + parts.reduce((s, c) => s + leafValue(d, c), 0), 0);
      const status = statusOf(`${year}|${spec.id}|${geo}|${code}`, level);
      const value = sentinel && status !== 's' ? SENTINEL : raw / scale;
      cells.push({ codes: [geo, code], value, contributors: members.length, status });
    }
  }
  const primary = cells.filter((c) => c.status === 'u').length;
  const secondary = cells.filter((c) => c.status === 'x').length;
  const labels: Record<string, Record<string, string>> = { geo: { ...geography.labels }, [spec.dim]: Object.fromEntries(codes.map((c) => [c, labelOf(c)])) };
  return {
    meta: {
      id: spec.id,
      number,
      title: `Tableau ${number} – ${spec.id} par territoire, en ${year}`,
      unit: spec.unit,
      survey: spec.survey,
      ...(spec.link ? { link: spec.link } : {}),
      lecture: `En ${year}, en France, lecture du tableau ${spec.id}.`,
      reading: { template: `En ${year}, en France, {valeur} lectures du tableau ${spec.id}.`, code: spec.codes[0] },
      champ: 'Champ de test, France (hors collectivités d’outre-mer).',
      source: `Source de test ${year}.`,
      note: 's : secret statistique.',
    },
    ...(displays.get(spec.id) ? { display: displays.get(spec.id) } : {}),
    year,
    table: sealProtected(['geo', spec.dim], cells),
    labels,
    order: { [spec.dim]: codes },
    ...(spec.total ? { total: 'ENS' } : {}),
    ...(spec.units ? { units: spec.units } : {}),
    ...(spec.codeDecimals ? { codeDecimals: spec.codeDecimals } : {}),
    ...(spec.changes ? { changes: spec.changes } : {}),
    decimals: spec.decimals,
    marks: new Map(),
    protection: { cells: cells.length, suppressed: primary + secondary, shareSuppressed: (primary + secondary) / cells.length, audit: 'ok' },
  };
}

export function fixtureTables(geography: Geography, year: number, sentinel: boolean, first: boolean): PublicationTable[] {
  return catalogue
    .filter((s) => !(first && s.id === 'croise-evolution'))
    .map((spec, i) => fixtureTable(geography, spec, year, i + 1, sentinel));
}

/** Who publishes the fixture publication (the sample's block is fictitious too). */
export const fixturePublisher: Publisher = {
  producers: ['Producteur de test A', 'Producteur de test B'],
  contact: 'contact@exemple.invalid',
  date: '2026-12-15',
  fictitious: true,
};

/** The secrecy rules the fixture publication states: the sample's (pipelines/config/protect.json) at the time of writing. */
export const fixtureSecrecy: SecrecyRules = {
  ruleSets: {
    personnes: { label: 'Effectifs de personnes, de familles, d’enfants ou de mesures', minValue: 5, protectionPercent: 10 },
    services: { label: 'Montants et moyens des services (financements, ETP, médiateurs, lieux)', minFrequency: 3, dominance: { n: 1, k: 85 }, protectionPercent: 10 },
    public: { label: 'Nombre de services, de structures et de départements sans offre', protectionPercent: 10 },
  },
  medianMinStructures: 3,
};

/** A publication for `year` with the previous year as history (its first year: no evolution table). */
export function fixturePublication(geography: Geography, options: { year?: number; sentinel?: boolean; history?: boolean } = {}): Publication {
  const year = options.year ?? 2024;
  const sentinel = options.sentinel ?? false;
  const history = options.history ?? true;
  return {
    year,
    publisher: fixturePublisher,
    geography,
    tables: fixtureTables(geography, year, sentinel, !history),
    history: history ? [{ year: year - 1, tables: fixtureTables(geography, year - 1, sentinel, true) }] : [],
    secrecy: fixtureSecrecy,
  };
}
