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

const OUTCOME_SHORT: Readonly<Record<Outcome, string>> = {
  retour_juge: 'Retour devant le juge',
  asf: 'ASF (pension non versée)',
  af_partagees: 'Résidence alternée (AF partagées)',
  intermediation: 'Intermédiation des pensions',
};

export const impactMessages = {
  outcome: (o: Outcome): string => OUTCOME_LABELS[o],
  /** for chart axes */
  outcomeShort: (o: Outcome): string => OUTCOME_SHORT[o],
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
    'Source : Cnaf, fichiers des allocataires ; ministère de la Justice, décisions des juges aux affaires familiales ; services de médiation familiale ; fichiers de suivi pseudonymisés.',
  ] as const,
  insufficient: 'effectif insuffisant',
  badConfig: (file: string, where: string, why: string): string => `Paramètres de la méthode d’impact invalides dans ${file}, à « ${where || 'la racine'} » : ${why}.`,
  report: {
    title: 'Impact de la médiation familiale : ce que l’on peut estimer',
    compared: (cohort: number, treated: number, compared: number, support: number | null): string =>
      `Enfants dont les parents se sont séparés en ${cohort} : ${formatCount(treated)} enfants dont la famille a commencé une médiation (de six mois avant à douze mois après la séparation) sont comparés à ${formatCount(compared)} enfants sans médiation, de même département, même nombre d’enfants, même âge du plus jeune, même niveau de vie, même passé judiciaire et même situation d’ASF avant la séparation.` +
      (support === null ? '' : ` Ces ${formatCount(treated)} enfants sont les ${formatPercent(support)} des enfants avec médiation qui ont trouvé de tels enfants comparables (support commun) ; les autres sont écartés.`),
    chartTitle: (cohort: number): string => `Écart à 24 mois entre enfants avec et sans médiation, cohorte ${cohort} (points de pourcentage, intervalle à 95 %)`,
    chartAlt: (lines: readonly string[]): string => `Effets estimés : ${lines.join(' ; ')}`,
    survivalTitle: 'Part des enfants sans retour devant le juge, mois après mois depuis la fin de l’année de séparation',
    /** the unit line, Champ and Source under each chart, as for every chart of the report */
    units: { effects: 'En points de pourcentage', survival: 'En % des enfants', paths: 'En % des enfants' } as const,
    champ: 'Enfants dont la famille devient monoparentale dans l’année (fichiers des CAF) ; médiation commencée de 6 mois avant à 12 mois après cette année.',
    champPaths: 'Enfants dont la mesure en espace de rencontre s’est terminée par l’exercice autonome du droit de visite.',
    source: 'Cnaf, fichiers des allocataires ; ministère de la Justice, décisions des juges aux affaires familiales ; services de médiation familiale et espaces de rencontre ; fichiers de suivi pseudonymisés.',
    survivalAlt: (last: string): string => `Courbes de maintien hors du tribunal : ${last}`,
    survivalNote: (minAtRisk: number, minEvents: number): string =>
      `Une marche de la courbe n’est montrée que si chaque groupe compte au moins ${minAtRisk} enfants suivis et si les retours survenus depuis la marche précédente sont 0 ou au moins ${minEvents} ; les bandes sont des intervalles à 95 %.`,
    pathsHeading: 'Espaces de rencontre : ce que deviennent les visites autonomes',
    pathsIntro:
      'Pour les espaces de rencontre, aucun effet n’est estimé : les mesures sont ordonnées par le juge dans les situations les plus conflictuelles et aucun groupe d’enfants comparables n’existe. La courbe décrit seulement, pour les enfants dont la mesure s’est terminée par l’exercice autonome du droit de visite, la part qui le garde durablement (ni nouvelle mesure ni retour devant le juge), mois après mois, selon l’origine de la mesure.',
    pathsTitle: 'Part des enfants en visite autonome durable après la fin de la mesure, selon l’origine de la mesure',
    pathsAlt: (lines: string): string => `Maintien de l’exercice autonome : ${lines}`,
    pathsAbsent: (origins: readonly string[]): string =>
      `Sans courbe, faute d’enfants assez nombreux pour en montrer une marche : ${origins.join(', ')}.`,
    origin: { jaf: 'Juge aux affaires familiales', juge_enfants: 'Juge des enfants', spontanee: 'Démarche spontanée' } as const,
    armTreated: 'Avec médiation',
    armCompared: 'Comparables sans médiation (pondérés)',
    effect: 'Effet estimé',
    tableHeader: ['Résultat à 24 mois', 'Effet après appariement (points)', 'Intervalle à 95 %', 'Différence brute (points)', 'E-value'] as const,
    regionsTitle: 'Effets par région (retour devant le juge), là où les effectifs le permettent',
    regionsHeader: ['Territoire', 'Effet (points)', 'Intervalle à 95 %', 'Enfants avec médiation', 'Comparables'] as const,
    none: 'Effectifs insuffisants : aucun effet n’est publié pour cette année (il faut au moins 200 enfants avec médiation et 200 enfants comparables).',
    reading:
      'Lecture : le point est l’écart estimé entre les enfants dont la famille est allée en médiation et des enfants comparables qui n’y sont pas allés ; le trait est l’intervalle à 95 %. La différence brute compare tous les enfants sans tenir compte de leurs différences : l’écart entre les deux montre ce que la comparaison à enfants semblables change.',
    evalue:
      'La E-value dit la force qu’un facteur non mesuré devrait avoir, à la fois sur le recours à la médiation et sur le résultat (en rapport de risques), pour expliquer à lui seul l’effet estimé : plus elle est proche de 1, plus l’effet est fragile.',
    limits: [
      'Ces chiffres ne sont pas le résultat d’une expérience : les familles choisissent la médiation, ou un juge la leur propose. La comparaison ne tient compte que de ce que les fichiers décrivent (département, enfants, niveau de vie, passé judiciaire, ASF) ; l’entente entre les parents, la violence ou la distance entre les domiciles ne sont pas observées et peuvent expliquer une partie des écarts.',
      'Un écart dont l’intervalle contient 0 n’est pas distinguable d’une absence d’effet.',
      'Les résultats portent sur les enfants avec médiation qui ont trouvé des enfants comparables ; ils ne disent rien des autres, ni des familles sans allocations.',
      'Les espaces de rencontre ne sont pas comparés : les mesures sont ordonnées par le juge dans les situations les plus conflictuelles, et aucun groupe de comparaison crédible n’existe.',
    ] as const,
  },
};

function formatCount(n: number): string {
  return Math.round(n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f');
}

function formatPercent(x: number): string {
  return `${String(x).replace('.', ',')} %`;
}
