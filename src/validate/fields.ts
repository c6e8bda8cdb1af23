/**
 * The canonical fields of each survey, in the order of `src/model/rows.ts` (and of the clean CSV).
 * The `satisfies` clauses make the compiler check the lists against the row types: adding a field to
 * `MediationRow` without listing it here fails to compile.
 */
import type { MediationRow, RencontreRow, SurveyId } from '../model/rows.ts';

type Exhaustive<Row, List extends readonly (keyof Row)[]> = Exclude<keyof Row, List[number]> extends never ? List : never;

const mediation = [
  'annee', 'service_id', 'service_nom', 'departement', 'gestionnaire', 'etp_mediateurs', 'mediateurs', 'lieux_accueil',
  'reunions_information', 'entretiens_prealables', 'seances', 'terminees_conventionnelles', 'terminees_judiciaires',
  'issue_accord_ecrit', 'issue_accord_oral', 'issue_sans_accord', 'issue_interrompue', 'conflit_separation',
  'conflit_intergenerationnel', 'conflit_autre', 'duree_moins_3_mois', 'duree_3_6_mois', 'duree_plus_6_mois', 'personnes',
  'fin_caf', 'fin_justice', 'fin_msa', 'fin_collectivites', 'fin_familles', 'fin_autre',
] as const satisfies readonly (keyof MediationRow)[];

const rencontre = [
  'annee', 'structure_id', 'structure_nom', 'departement', 'sites', 'etp', 'heures_ouverture_hebdo', 'familles', 'enfants',
  'mesures_nouvelles', 'mesures_jaf', 'mesures_je', 'mesures_cour_appel', 'mesures_conventionnelles_autres',
  'mesures_visites', 'mesures_remises', 'rencontres', 'fin_exercice_autonome', 'fin_interrompue', 'fin_autre',
  'mesures_violences', 'familles_attente_31dec', 'delai_attente_median_jours', 'fin_caf', 'fin_justice',
  'fin_departement', 'fin_msa', 'fin_autre_financeur',
] as const satisfies readonly (keyof RencontreRow)[];

export const MEDIATION_FIELDS: Exhaustive<MediationRow, typeof mediation> = mediation;
export const RENCONTRE_FIELDS: Exhaustive<RencontreRow, typeof rencontre> = rencontre;

export const SURVEYS: readonly SurveyId[] = ['mediation', 'rencontre'];

export const CANONICAL_FIELDS: Readonly<Record<SurveyId, readonly string[]>> = {
  mediation: MEDIATION_FIELDS,
  rencontre: RENCONTRE_FIELDS,
};
