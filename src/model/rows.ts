/**
 * Canonical row types of the two surveys, after validation. Field names are the column names of
 * `data-out/<year>/clean/*.csv`. Department codes are always strings ("01", "2A", "976").
 * Amounts are euros, FTE are decimals, everything else is a non-negative integer count.
 */

export const MANAGER_TYPES = ['association', 'caf', 'collectivite', 'autre'] as const;
export type ManagerType = (typeof MANAGER_TYPES)[number];

/** Family mediation (CNAF activity questionnaire): one row per mediation service and year. */
export interface MediationRow {
  annee: number;
  service_id: string;
  service_nom: string;
  departement: string;
  gestionnaire: ManagerType;
  etp_mediateurs: number;
  mediateurs: number;
  lieux_accueil: number;
  reunions_information: number;
  entretiens_prealables: number;
  seances: number;
  terminees_conventionnelles: number;
  terminees_judiciaires: number;
  issue_accord_ecrit: number;
  issue_accord_oral: number;
  issue_sans_accord: number;
  issue_interrompue: number;
  conflit_separation: number;
  conflit_intergenerationnel: number;
  conflit_autre: number;
  duree_moins_3_mois: number;
  duree_3_6_mois: number;
  duree_plus_6_mois: number;
  personnes: number;
  fin_caf: number;
  fin_justice: number;
  fin_msa: number;
  fin_collectivites: number;
  fin_familles: number;
  fin_autre: number;
}

/** Espaces de rencontre (Ministry of Justice survey): one row per structure and year. */
export interface RencontreRow {
  annee: number;
  structure_id: string;
  structure_nom: string;
  departement: string;
  sites: number;
  etp: number;
  heures_ouverture_hebdo: number;
  familles: number;
  enfants: number;
  mesures_nouvelles: number;
  mesures_jaf: number;
  mesures_je: number;
  mesures_cour_appel: number;
  mesures_conventionnelles_autres: number;
  mesures_visites: number;
  mesures_remises: number;
  rencontres: number;
  fin_exercice_autonome: number;
  fin_interrompue: number;
  fin_autre: number;
  mesures_violences: number;
  familles_attente_31dec: number;
  delai_attente_median_jours: number | null;
  fin_caf: number;
  fin_justice: number;
  fin_departement: number;
  fin_msa: number;
  fin_autre_financeur: number;
}

export type SurveyId = 'mediation' | 'rencontre';
export interface SurveyRows {
  mediation: MediationRow;
  rencontre: RencontreRow;
}
