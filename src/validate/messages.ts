/**
 * French reasons written in `rejects.csv` (column `reason`) and in the progress lines. Code and tests
 * call the same functions, so no test hard-codes a sentence (STYLE §6).
 */
const fr = (n: number) => String(n).replace('.', ',');

export const reasons = {
  missingValue: () => 'valeur manquante',
  notANumber: () => 'nombre attendu (texte dans un champ numérique)',
  dateInNumber: () => 'nombre attendu, la cellule contient une date (Excel convertit parfois une saisie comme « 3/4 » en date)',
  formulaError: () => 'nombre attendu, la cellule contient une erreur de formule Excel : corrigez la formule ou saisissez la valeur',
  notInteger: () => 'nombre entier attendu',
  negative: () => 'valeur négative : un effectif ou un montant ne peut pas être négatif',
  belowMin: (min: number) => `valeur inférieure au minimum plausible (${fr(min)})`,
  aboveMax: (max: number) => `valeur supérieure au maximum plausible (${fr(max)})`,
  tooLong: (max: number) => `texte trop long (plus de ${max} caractères)`,
  unknownCode: (codes: readonly string[]) => `modalité inconnue (attendues : ${codes.join(', ')})`,
  unknownDepartment: () => 'département inconnu du référentiel géographique',
  corsicaBefore1976: () =>
    'département « 20 » inconnu : la Corse est codée 2A (Corse-du-Sud) ou 2B (Haute-Corse) depuis 1976 ; indiquez 2A ou 2B',
  badYear: () => 'année invalide',
  otherYear: (rowYear: string, folderYear: number) => `réponse de l'année ${rowYear} placée dans le dossier de l'année ${folderYear}`,
  missingColumn: (field: string, headers: readonly string[]) =>
    `colonne absente du fichier pour le champ « ${field} » (en-têtes reconnus : ${headers.join(' / ')})`,
  twinColumns: (label: string, first: number, other: number) => `${label} (colonnes ${first} et ${other})`,
  twinValues: (first: string, other: string) => `${first} ≠ ${other}`,
  twinDisagree: (field: string) =>
    `deux colonnes portent l'en-tête du champ « ${field} » et leurs valeurs diffèrent : impossible de savoir laquelle retenir (renommez ou supprimez la colonne en trop)`,
  duplicateKey: (key: string, file: string, row: number) =>
    `réponse en double : l'identifiant ${key} figure déjà dans « ${file} », ligne ${row} (cette ligne est écartée, l'autre est conservée)`,
  duplicateFile: (file: string) => `fichier identique à « ${file} » déjà lu : réponse en double, ses lignes sont écartées`,
  fileProblem: (message: string) => message,
  noHeaderFile: (path: string) =>
    `fichier « ${path} » : aucune ligne d'en-tête reconnue (les colonnes ne correspondent pas au dictionnaire de l'enquête) ; aucune ligne n'est acceptée`,
  wrongSurvey: (path: string, survey: string, folder: string) =>
    `fichier « ${path} » : ses colonnes sont celles de l'enquête ${survey}, il est rangé dans le dossier ${folder} ; déplacez-le puis relancez (aucune ligne n'est acceptée)`,
  wrongSurveyRow: (survey: string) => `ligne non lue : réponse à l'enquête ${survey} rangée dans le mauvais dossier`,
  repeatedHeader: (headerRow: number) => `ligne d'en-tête répétée (la même qu'à la ligne ${headerRow}) : ce n'est pas une réponse ; deux fichiers collés l'un sous l'autre ?`,
  otherSheetUnread: (path: string, sheet: string, read: string) =>
    `classeur « ${path} » : la feuille « ${sheet} » a aussi un en-tête de réponses mais n'est pas lue (seule la feuille « ${read} » l'est) ; réunissez les réponses sur une feuille ou faites-en un fichier par feuille`,
  otherDictionary: (survey: string, year: number, used: number) =>
    `pas de dictionnaire ${year} pour l'enquête ${survey} : celui de ${used} est utilisé (en-têtes, modalités et bornes)`,
  noDataRows: (path: string, headerRow: number) =>
    `fichier « ${path} » : en-tête reconnu (ligne ${headerRow}) mais aucune ligne de données en dessous ; aucune réponse lue`,
  tooManyFields: (fields: number, expected: number) =>
    `ligne avec ${fields} champs au lieu de ${expected} : valeur(s) hors de toute colonne (séparateur en trop dans un texte ?), ligne écartée`,
  beyondHeader: (first: number, last: number) => (first === last ? `colonne ${first} (sans en-tête)` : `colonnes ${first} à ${last} (sans en-tête)`),
  missingInShortRow: (fields: number, expected: number) => `valeur manquante (ligne de ${fields} champs au lieu de ${expected})`,
  strayQuote: ([first, last]: [number, number]) =>
    `lignes ${first} à ${last} réunies par un guillemet : une cellule entre guillemets s'étend sur plusieurs lignes et contient des séparateurs (guillemet isolé dans un nom ?) ; ces lignes sont écartées, retirez le guillemet puis relancez`,
  cafSender: (code: string) => `la CAF du département ${code}`,
  courtSender: (court: string) => `la ${court.charAt(0).toLowerCase()}${court.slice(1)}`,
  foreignService: (department: string, sender: string, owner?: string) =>
    `service du département ${department} dans la réponse de ${sender} (d'après le nom du fichier) : un service appartient à un seul département, ligne écartée${owner ? ` ; ce service est déclaré par « ${owner} », dont la ligne est retenue` : ''}`,
  registeredElsewhere: (declared: string, registered: string, owner?: string) =>
    `service inscrit au registre des services (reference/services.csv) dans le département ${registered}, déclaré ici dans le département ${declared} : ligne écartée${owner ? ` ; ce service est déclaré par « ${owner} », dont la ligne est retenue` : ''}`,
  fieldValue: (field: string, value: number) => `${field} = ${fr(value)}`,
  noHeaderRow: () => "ligne non lue : aucune ligne d'en-tête reconnue dans le fichier",
  editRuleValue: (left: number, right: number) => `${fr(left)} ≠ ${fr(right)}`,
  atLeastValue: (left: number, right: number) => `${fr(left)} < ${fr(right)}`,
};

/** Progress lines (stderr) of the ingest, validate and harmonize stages. */
export const progress = {
  read: (year: number, files: number, unreadable: number) =>
    `${year} · lecture : ${files} fichier(s) lu(s)${unreadable > 0 ? `, ${unreadable} illisible(s) ou non reconnu(s)` : ''}`,
  validated: (year: number, read: number, accepted: number, rejected: number) =>
    `${year} · validation : ${read} ligne(s) lue(s), ${accepted} acceptée(s), ${rejected} rejetée(s)`,
  harmonized: (year: number, mediation: number, rencontre: number) =>
    `${year} · harmonisation : ${mediation} service(s) de médiation, ${rencontre} espace(s) de rencontre`,
  rendered: (year: number, reports: number, courts: number, workbooks: number) =>
    `${year} · rendu : ${reports} rapport(s) national(aux), ${courts} page(s) de cour d'appel, ${workbooks} classeur(s) départemental(aux)`,
  notice: (message: string) => `  ${message}`,
  checks: (year: number, count: number) =>
    `${year} · vraisemblance : ${count} valeur(s) acceptée(s) à vérifier (règles de vraisemblance des dictionnaires), listée(s) dans « ${year}/a-verifier.csv »`,
  yearUnusable: (year: number, rejects: number) =>
    `${year} · aucune ligne acceptée (${rejects} rejet(s)) : aucun tableau ni rapport n'est publié pour ${year}, et les sorties déjà publiées (de cette année comme des autres) restent en place (rejets, manifeste et journal sont écrits dans « ${year}/ » s'il n'existait pas) ; corrigez les réponses ci-dessous ou retirez le dossier « returns/${year} »`,
  reject: (r: { file: string; row: number | null; column: string; reason: string }) =>
    `« ${r.file} »${r.row !== null ? `, ligne ${r.row}` : ''}${r.column !== '' ? `, colonne « ${r.column} »` : ''} : ${r.reason}`,
  moreRejects: (count: number) => `… et ${count} autre(s) rejet(s)`,
};
