/**
 * French messages of the ingest stage (files and reference data). Code and tests call the same
 * functions, so no test hard-codes a sentence (STYLE §6).
 */

export const geographyMessages = {
  missingFile: (path: string) => `Référentiel géographique : fichier introuvable « ${path} ».`,
  missingColumn: (file: string, column: string) => `Référentiel géographique : colonne « ${column} » absente de « ${file} ».`,
  departmentCount: (count: number, expected: number) =>
    `Référentiel géographique : ${count} départements trouvés dans departements.csv, ${expected} attendus.`,
  duplicateChild: (file: string, code: string) => `Référentiel géographique : le code « ${code} » a plusieurs parents dans « ${file} ».`,
  badPopulation: (file: string, code: string, value: string) =>
    `Référentiel géographique : dans « ${file} », la population du département « ${code} » doit être un nombre entier positif (trouvé : « ${value} »).`,
  departmentMissing: (file: string, code: string) => `Référentiel géographique : le département « ${code} » est absent de « ${file} ».`,
  unknownParent: (file: string, code: string, parent: string) =>
    `Référentiel géographique : « ${code} » a pour parent « ${parent} », inconnu dans « ${file} ».`,
  cycle: (file: string, code: string) => `Référentiel géographique : cycle dans « ${file} » à partir du code « ${code} ».`,
  roots: (file: string, roots: readonly string[]) =>
    `Référentiel géographique : « ${file} » doit avoir une seule racine « FR » (trouvé : ${roots.length === 0 ? 'aucune' : roots.join(', ')}).`,
  wrongDepth: (file: string, code: string) =>
    `Référentiel géographique : dans « ${file} », le département « ${code} » doit être rattaché à une région ou une cour d'appel, elle-même rattachée à une zone (France métropolitaine ou DROM) rattachée à « FR ».`,
  zonesDiffer: (regions: readonly string[], courts: readonly string[]) =>
    `Référentiel géographique : les zones de « region.csv » (${regions.join(', ')}) et de « cour-appel.csv » (${courts.join(', ')}) doivent être les mêmes, sous les mêmes noms.`,
  zoneMismatch: (code: string, byRegion: string, byCourt: string) =>
    `Référentiel géographique : le département « ${code} » est dans la zone « ${byRegion} » par sa région (region.csv) mais dans « ${byCourt} » par sa cour d'appel (cour-appel.csv).`,
};

export const fileMessages = {
  missingSurveyFolder: (path: string) => `Dossier absent : « ${path} » ; aucune réponse lue pour cette enquête.`,
  systemFile: (path: string) =>
    `Fichier « ${path} » ignoré : verrou d'un classeur ouvert (Excel, LibreOffice) ou fichier du système (Windows, macOS), ce n'est pas une réponse.`,
  wrongFolder: (path: string, yearFolder: string) =>
    `Fichier « ${path} » non lu : il n'est pas rangé dans « ${yearFolder}/mediation/ » ou « ${yearFolder}/rencontre/ » (seuls dossiers lus) ; déplacez-le dans le dossier de son enquête puis relancez.`,
  inSubfolder: (path: string, surveyFolder: string) =>
    `Fichier « ${path} » non lu : il est dans un sous-dossier de « ${surveyFolder}/ », dont seuls les fichiers placés directement sont lus ; déplacez-le d'un niveau puis relancez.`,
  linkSkipped: (path: string) =>
    `Lien « ${path} » non suivi : un lien symbolique n'est lu que s'il mène à un fichier du dossier d'entrée ; copiez-y la réponse elle-même.`,
  noDictionary: (path: string) => `Dictionnaire d'enquête introuvable ou invalide : « ${path} ».`,
  dictionaryInvalid: (path: string, detail: string) => `Dictionnaire d'enquête invalide « ${path} » : ${detail}.`,
};

export const registerMessages = {
  missingColumns: (path: string, columns: readonly string[]) =>
    `Registre des services connus « ${path} » : colonne(s) absente(s) : ${columns.join(', ')} (en-tête attendu : annee,enquete,service,departement,sites).`,
  invalid: (path: string, row: number, column: string, value: string, expected: string) =>
    `Registre des services connus « ${path} », ligne ${row}, colonne « ${column} » : « ${value} » n'est pas ${expected}.`,
  duplicate: (path: string, row: number, service: string, year: number) =>
    `Registre des services connus « ${path} », ligne ${row} : le service « ${service} » figure deux fois pour ${year}.`,
};
