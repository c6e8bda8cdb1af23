/**
 * French messages of the follow-up cohorts (issue 23): pseudonymisation, key files, follow-up files.
 * Code and tests call the same functions, so no test hard-codes a sentence (STYLE §6).
 */
import type { IdentityProblem } from './identity.ts';

/** « du seul département couvert par les fichiers de suivi transmis (Haute-Corse) », « de tous les départements » */
function coveredDepartments(names: readonly string[], all: boolean): string {
  if (all) return 'de tous les départements';
  return `${names.length === 1 ? 'du seul département couvert' : `des ${names.length} départements couverts`} par les fichiers de suivi transmis (${names.join(', ')})`;
}

export const suiviMessages = {
  dictionaryInvalid: (path: string, detail: string) => `Dictionnaire de suivi invalide « ${path} » : ${detail}.`,
  /** the follow-up tables' publication rules (`pipelines/config/suivi/publication.json`) */
  publicationInvalid: (path: string, key: string, why: string) => `Règles de publication du suivi « ${path} », ${key} : ${why}.`,
  publicationNoPrimaryRule: (path: string) =>
    `Règles de publication du suivi « ${path} » : le jeu « rules » n'a aucune règle primaire (minValue, minFrequency, dominance ou pPercent) ; les tableaux de suivi comptent des enfants, tout serait publié.`,
  /**
   * The follow-up tables' scope (Champ): the departments the follow-up files cover, named, or all of
   * them; France, the regions and the courts add up those departments only.
   */
  champ: (covered: readonly string[], all: boolean) =>
    all
      ? 'Champ : enfants de tous les départements.'
      : covered.length === 0
        ? 'Champ : aucun département couvert par les fichiers de suivi.'
        : `Champ : enfants ${coveredDepartments(covered, all)} ; les chiffres de la France, des régions et des cours d’appel ne portent que sur ${covered.length === 1 ? 'lui' : 'eux'}.`,
  /** the Champ line when the schemes cover different departments */
  champBySchemes: (each: readonly { scheme: 'mediation' | 'rencontre'; names: readonly string[]; all: boolean }[]) =>
    `Champ : ${each
      .map((e) => `${e.scheme === 'mediation' ? 'médiation familiale' : 'espaces de rencontre'}, enfants ${coveredDepartments(e.names, e.all)}`)
      .join(' ; ')} ; les chiffres de la France, des régions et des cours d’appel ne portent que sur ces départements.`,
  minDenominatorBound: () => 'doit être un nombre d’au moins 1 (le dénominateur en deçà duquel un taux est « ns »)',
  noDictionary: (path: string) => `Dictionnaires de suivi introuvables : « ${path} ».`,
  identifierHeader: (file: string, column: string) =>
    `Fichier de suivi « ${file} » refusé : la colonne « ${column} » ressemble à un identifiant direct (nom, prénom, adresse, téléphone, courriel, NIR) ; seuls des fichiers pseudonymisés (mfer pseudonymise) sont lus. Rien n'a été écrit.`,
  identifierValue: (file: string, column: string, row: number) =>
    `Fichier de suivi « ${file} » refusé : la colonne « ${column} » contient un NIR valide (ligne ${row}) ; seuls des fichiers pseudonymisés (mfer pseudonymise) sont lus. Rien n'a été écrit.`,
  missingColumns: (file: string, columns: readonly string[]) => `Fichier de suivi « ${file} » : colonne(s) absente(s) : ${columns.join(', ')}.`,
  workerStopped: (code?: number) => `mfer pseudonymise : un fil de calcul s'est arrêté${code === undefined ? '' : ` (code ${code})`} ; rien n'a été écrit.`,
  unreadable: (file: string) => `Fichier de suivi « ${file} » illisible (contenu binaire ou vide).`,
  badValue: (column: string, expected: string) => `valeur invalide dans « ${column} » (attendu : ${expected})`,
  // pseudonymise: one reason per rejected row (the identifier itself is never repeated)
  noIdentifier: (who: string) => `${who} : ni NIR ni nom, prénoms, date de naissance et sexe`,
  nirShape: (column: string) => `« ${column} » n'a pas la forme d'un NIR (13 caractères et une clé de 2 chiffres ; Corse 2A, 2B)`,
  nirKey: (column: string) => `« ${column} » : la clé du NIR ne correspond pas`,
  identity: (who: string, problem: IdentityProblem) =>
    `${who} : ${{ nom: 'nom absent', prenoms: 'prénoms absents', naissance: 'date de naissance absente ou invalide (AAAA-MM-JJ ou JJ/MM/AAAA)', sexe: 'sexe absent ou invalide (1, 2, M, F, H)' }[problem]}`,
  badDate: (column: string) => `« ${column} » n'est pas une date AAAA-MM-JJ`,
  // mfer pseudonymise itself
  usage: (detail: string) => `mfer pseudonymise : ${detail}.`,
  unknownSource: (source: string) => `mfer pseudonymise : source inconnue « ${source} » (attendues : mediation, rencontre, justice, caf).`,
  missingRawColumns: (file: string, columns: readonly string[]) =>
    `mfer pseudonymise : « ${file} » : colonne(s) absente(s) : ${columns.join(', ')}.`,
  noIdentifierColumns: (file: string) =>
    `mfer pseudonymise : « ${file} » n'a aucune colonne d'identifiant de l'enfant (nir_enfant, ou nom_enfant, prenoms_enfant, naissance_enfant, sexe_enfant).`,
  done: (out: string, rows: number, rejects: number, rejectsFile: string) =>
    `mfer pseudonymise : ${rows} ligne(s) écrite(s) dans « ${out} »${rejects > 0 ? ` ; ${rejects} ligne(s) rejetée(s), motifs dans « ${rejectsFile} »` : ''}.`,
  keyWritten: (path: string) => `mfer pseudonymise : clé de 32 octets écrite dans « ${path} » (lisible par vous seul) ; conservez-la hors du dépôt et transmettez-la aux seuls partenaires.`,
  keyExists: (path: string) => `mfer pseudonymise : « ${path} » existe déjà ; une clé n'est jamais remplacée (les pseudonymes ne seraient plus reliables).`,
  keyMissing: (path: string) => `mfer pseudonymise : fichier de clé introuvable « ${path} ».`,
  keyInRepository: (path: string, root: string) =>
    `mfer pseudonymise : la clé « ${path} » est dans le dépôt « ${root} » ; une clé ne doit jamais être versionnée ni livrée : déplacez-la hors du dépôt.`,
  keyLoose: (path: string, mode: string) =>
    `mfer pseudonymise : la clé « ${path} » est lisible par d'autres que son propriétaire (droits ${mode}) ; faites « chmod 600 ${path} » puis relancez.`,
  keyNotOwned: (path: string) => `mfer pseudonymise : la clé « ${path} » n'appartient pas à l'utilisateur qui lance la commande.`,
  keySize: (path: string, bytes: number) => `mfer pseudonymise : la clé « ${path} » fait ${bytes} octet(s) ; attendu : 32 octets (mfer pseudonymise --new-key FICHIER).`,
};
