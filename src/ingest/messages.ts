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
    `Référentiel géographique : dans « ${file} », le département « ${code} » doit être rattaché à un niveau intermédiaire lui-même rattaché à « FR ».`,
};

export const fileMessages = {
  missingSurveyFolder: (path: string) => `Dossier absent : « ${path} » ; aucune réponse lue pour cette enquête.`,
  unreadable: (path: string, why: string) => `Fichier illisible « ${path} » : ${why}.`,
  empty: (path: string) => `Fichier vide « ${path} » : aucune ligne à lire.`,
  unsupportedFormat: (path: string) => `Format non pris en charge pour « ${path} » (attendus : .csv, .txt, .tsv, .xlsx) : enregistrez-le en .xlsx ou en .csv puis relancez.`,
  bomButWindows1252: (path: string) => `Fichier « ${path} » : BOM UTF-8 mais contenu Windows-1252 : lu en Windows-1252.`,
  binary: (path: string) => `Fichier « ${path} » : contenu binaire, ce n'est pas un fichier CSV lisible.`,
  systemFile: (path: string) =>
    `Fichier « ${path} » ignoré : verrou d'un classeur ouvert (Excel, LibreOffice) ou fichier du système (Windows, macOS), ce n'est pas une réponse.`,
  badXlsx: (path: string) => `Classeur « ${path} » illisible (fichier XLSX endommagé ou protégé).`,
  noDictionary: (path: string) => `Dictionnaire d'enquête introuvable ou invalide : « ${path} ».`,
  dictionaryInvalid: (path: string, detail: string) => `Dictionnaire d'enquête invalide « ${path} » : ${detail}.`,
};

/** Messages of `mfer annual` itself (arguments, nothing to do, configuration that cannot be read). */
export const annualMessages = {
  badYear: (value: string) => `mfer annual : année invalide « ${value} » (attendu : quatre chiffres, par exemple 2024).`,
  unknownOption: (option: string) => `mfer annual : option inconnue « ${option} ».`,
  missingValue: (option: string) => `mfer annual : l'option ${option} attend une valeur.`,
  outputOverReturns: (path: string) =>
    `mfer annual : « ${path} » est le dossier des réponses ; les sorties de chaque année y remplaceraient les réponses de cette année. Choisissez un autre dossier pour --out et --reports.`,
  sameOutputs: (path: string) =>
    `mfer annual : --out et --reports désignent le même dossier « ${path} » ; chacun y écrit un dossier par année, les rapports remplaceraient les tables.`,
  missingInput: (path: string) => `mfer annual : dossier d'entrée introuvable « ${path} ».`,
  noYear: (path: string) => `mfer annual : aucune année à traiter sous « ${path}/returns/ » (dossiers attendus : returns/<année>/mediation et returns/<année>/rencontre).`,
  yearAbsent: (year: number, path: string) => `mfer annual : pas de dossier « ${path}/returns/${year} ».`,
  nothingAccepted: () => 'mfer annual : aucune ligne acceptée, rien n’a pu être traité.',
  strictRejects: (count: number) => `mfer annual : ${count} rejet(s) et l’option --strict est active.`,
  failed: (message: string) => `mfer annual : ${message}`,
  done: (years: readonly number[], out: string) => `mfer annual : terminé (${years.join(', ')}), résultats dans « ${out} ».`,
};

export const registerMessages = {
  missingColumns: (path: string, columns: readonly string[]) =>
    `Registre des services connus « ${path} » : colonne(s) absente(s) : ${columns.join(', ')} (en-tête attendu : annee,enquete,service,departement,sites).`,
  invalid: (path: string, row: number, column: string, value: string, expected: string) =>
    `Registre des services connus « ${path} », ligne ${row}, colonne « ${column} » : « ${value} » n'est pas ${expected}.`,
  duplicate: (path: string, row: number, service: string, year: number) =>
    `Registre des services connus « ${path} », ligne ${row} : le service « ${service} » figure deux fois pour ${year}.`,
};
