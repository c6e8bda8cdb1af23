/**
 * Tiny named fixtures shared by the indicators tests: a four-department geography whose two
 * hierarchies do not nest (`twoHierarchies`), and survey rows built from a few fields.
 */
import { coverageOf } from '../../src/harmonize/coverage.ts';
import type { KnownService } from '../../src/model/coverage.ts';
import type { Geography } from '../../src/model/geography.ts';
import type { HarmonizedYear } from '../../src/model/harmonized.ts';
import type { MediationRow, RencontreRow } from '../../src/model/rows.ts';

/** D1, D2 in region RA; D3, D4 in region RB; courts: CA-X = D1, D3; CA-Y = D2, D4 (they do not nest). */
export const twoHierarchies: Geography = (() => {
  const departments = [
    { code: 'D1', name: 'Un', region: 'RA', court: 'CA-X', population: 200_000 },
    { code: 'D2', name: 'Deux', region: 'RA', court: 'CA-Y', population: 300_000 },
    { code: 'D3', name: 'Trois', region: 'RB', court: 'CA-X', population: 100_000 },
    { code: 'D4', name: 'Quatre', region: 'RB', court: 'CA-Y', population: 400_000 },
  ];
  const regions = [
    { code: 'RA', name: 'Région A' },
    { code: 'RB', name: 'Région B' },
  ];
  const courts = [
    { code: 'CA-X', name: "Cour d'appel de X" },
    { code: 'CA-Y', name: "Cour d'appel de Y" },
  ];
  const population: Record<string, number> = { FR: 0 };
  for (const d of departments) {
    population[d.code] = d.population;
    population[d.region] = (population[d.region] ?? 0) + d.population;
    population[d.court] = (population[d.court] ?? 0) + d.population;
    population.FR += d.population;
  }
  return {
    departments,
    regions,
    courts,
    zones: [],
    regionHierarchy: [...departments.map((d) => ({ child: d.code, parent: d.region })), ...regions.map((r) => ({ child: r.code, parent: 'FR' }))],
    courtHierarchy: [...departments.map((d) => ({ child: d.code, parent: d.court })), ...courts.map((c) => ({ child: c.code, parent: 'FR' }))],
    labels: Object.fromEntries([['FR', 'France'], ...[...departments, ...regions, ...courts].map((a) => [a.code, a.name])]),
    population,
  };
})();

const zeroMediation: Omit<MediationRow, 'service_id' | 'departement'> = {
  annee: 2024, service_nom: 'Service', gestionnaire: 'association', etp_mediateurs: 0, mediateurs: 0, lieux_accueil: 0,
  reunions_information: 0, entretiens_prealables: 0, seances: 0, terminees_conventionnelles: 0, terminees_judiciaires: 0,
  issue_accord_ecrit: 0, issue_accord_oral: 0, issue_sans_accord: 0, issue_interrompue: 0, conflit_separation: 0,
  conflit_intergenerationnel: 0, conflit_autre: 0, duree_moins_3_mois: 0, duree_3_6_mois: 0, duree_plus_6_mois: 0, personnes: 0,
  fin_caf: 0, fin_justice: 0, fin_msa: 0, fin_collectivites: 0, fin_familles: 0, fin_autre: 0,
};

const zeroRencontre: Omit<RencontreRow, 'structure_id' | 'departement'> = {
  annee: 2024, structure_nom: 'Espace', sites: 1, etp: 1, heures_ouverture_hebdo: 20, familles: 0, enfants: 0, mesures_nouvelles: 0,
  mesures_jaf: 0, mesures_je: 0, mesures_cour_appel: 0, mesures_conventionnelles_autres: 0, mesures_visites: 0, mesures_remises: 0,
  rencontres: 0, fin_exercice_autonome: 0, fin_interrompue: 0, fin_autre: 0, mesures_violences: 0, familles_attente_31dec: 0,
  delai_attente_median_jours: null, fin_caf: 0, fin_justice: 0, fin_departement: 0, fin_msa: 0, fin_autre_financeur: 0,
};

/** A mediation service; ended mediations split by frame, the other breakdowns kept consistent. */
export function service(id: string, departement: string, fields: Partial<MediationRow> = {}): MediationRow {
  return { ...zeroMediation, service_id: id, departement, ...fields };
}

export function structure(id: string, departement: string, fields: Partial<RencontreRow> = {}): RencontreRow {
  return { ...zeroRencontre, structure_id: id, departement, ...fields };
}

/** Test-only: the harmonize stage is the one producer of HarmonizedYear in the pipeline. */
export function harmonizedYear(year: number, mediation: MediationRow[], rencontre: RencontreRow[], geography: Geography = twoHierarchies, register: readonly KnownService[] = []): HarmonizedYear {
  const coverage = coverageOf(register, year, {
    mediation: mediation.map((r) => ({ id: r.service_id, departement: r.departement })),
    rencontre: rencontre.map((r) => ({ id: r.structure_id, departement: r.departement })),
  });
  return { year, geography, mediation, rencontre, coverage } as unknown as HarmonizedYear;
}

/** The fields of a mediation service with `conv` conventional and `jud` judicial ended mediations, every breakdown consistent. */
export const ended = (conv: number, jud: number) => ({
  terminees_conventionnelles: conv, terminees_judiciaires: jud,
  issue_accord_ecrit: conv, issue_accord_oral: 0, issue_sans_accord: jud, issue_interrompue: 0,
  conflit_separation: conv + jud, duree_moins_3_mois: conv + jud,
  etp_mediateurs: 1.5, fin_caf: 50_000, seances: 40,
});
