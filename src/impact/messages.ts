/**
 * Every French text of the impact estimates: labels of the published table and of the report's section.
 *
 * @example
 *   impactMessages.outcome('retour_juge'); // "Retour devant le juge aux affaires familiales"
 */
import type { Method, Outcome } from './rules.ts';
import { DROM, METRO } from './territories.ts';

const OUTCOME_LABELS: Readonly<Record<Outcome, string>> = {
  retour_juge: 'Retour devant le juge aux affaires familiales',
  asf: 'Allocation de soutien familial (pension non versée)',
  af_partagees: 'Allocations familiales partagées (résidence alternée)',
  intermediation: 'Intermédiation financière des pensions',
};

const METHOD_LABELS: Readonly<Record<Method, string>> = {
  matched: 'Appariement exact sur variables regroupées',
  naive: 'Différence brute',
};

export const impactMessages = {
  outcome: (o: Outcome): string => OUTCOME_LABELS[o],
  method: (m: Method): string => METHOD_LABELS[m],
  territoryLabels: { [METRO]: 'France métropolitaine', [DROM]: 'Départements et régions d’outre-mer' } as Readonly<Record<string, string>>,
  status: { published: 'publié', insufficient: 'effectif insuffisant' } as const,
  csvTitle: (year: number): string =>
    `Effets estimés de la médiation familiale à 24 mois sur les enfants de familles séparées, cohortes publiées en ${year}`,
  csvUnit: 'Écarts en points de pourcentage (traités moins comparaison), effectifs en nombre d’enfants, support en %',
  csvHeader: [
    'Code', 'Territoire', 'Cohorte (année de séparation)', 'Résultat', 'Méthode', 'Effet (points)',
    'IC 95 % bas', 'IC 95 % haut', 'Enfants avec médiation', 'Enfants de comparaison', 'Support commun (%)',
    'E-value', 'Statut',
  ] as const,
  csvNotes: [
    'Lecture : un effet de −6 signifie 6 points de pourcentage de moins chez les enfants dont la famille est allée en médiation que chez des enfants comparables sans médiation.',
    'Champ : enfants dont la famille devient monoparentale dans l’année (fichiers des CAF), médiation commencée de 6 mois avant à 12 mois après cette année.',
    'Méthode : appariement exact sur variables regroupées (département, nombre d’enfants, âge du plus jeune, quintile de niveau de vie, procédure antérieure, ASF antérieure) ; intervalles à 95 % par bootstrap de Poisson sur les familles (500 réplications) ; E-value de VanderWeele et Ding.',
    'Ces estimations ne tiennent compte que des caractéristiques observées : une différence non mesurée entre familles peut en expliquer une partie (voir la E-value).',
    'Source : CNAF, ministère de la Justice, fichiers de suivi pseudonymisés ; traitement mfer.',
  ] as const,
  insufficient: 'effectif insuffisant',
};
