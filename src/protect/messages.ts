/**
 * Every message of the protection engine and of the files of its contract (SPEC.json, CONTRIB.csv,
 * CELLS.csv: src/format/), in French (STYLE §6). The commands' own messages are in src/cli/messages.ts.
 */

export const specNotJson = (detail: string) => `Spécification : le fichier n'est pas un JSON valide (${detail}).`;
export const specField = (path: string, expected: string) => `Spécification : le champ « ${path} » doit être ${expected}.`;
export const specDuplicateCode = (dimension: string, code: string) =>
  `Spécification : le code « ${code} » de la dimension « ${dimension} » ne recouvre pas les mêmes feuilles partout où il apparaît (un code désigne un seul ensemble de feuilles).`;
export const specCycle = (dimension: string, hierarchy: string, code: string) =>
  `Spécification : la hiérarchie « ${hierarchy} » de la dimension « ${dimension} » ne remonte pas jusqu'au total depuis le code « ${code} ».`;
export const specLeavesDiffer = (dimension: string, hierarchy: string, code: string) =>
  `Spécification : la feuille « ${code} » de la dimension « ${dimension} » manque dans la hiérarchie « ${hierarchy} » (toutes les hiérarchies d'une dimension ont les mêmes feuilles).`;
export const specUnknownKey = (at: string, key: string, allowed: readonly string[]) =>
  `Spécification : clé inconnue « ${key} » dans « ${at} » (clés possibles : ${allowed.join(', ')}) ; une règle mal orthographiée serait ignorée, d'où le refus.`;
export const specColumnTwice = (name: string) =>
  `Spécification : le nom « ${name} » désigne deux colonnes (dimensions, contributeur et valeur doivent porter des noms distincts).`;
export const specUnknownDimension = (table: string, dimension: string) =>
  `Spécification : le tableau « ${table} » utilise la dimension inconnue « ${dimension} ».`;

/**
 * What a rule set's parameter must be (`src/protect/rule-set.ts`), shared by SPEC.json of `mfer protect`
 * and `pipelines/config/protect.json`: each bound says why a smaller value would hide nothing.
 */
export const ruleBounds = {
  minValue: 'doit être un entier d’au moins 2 (une valeur de 1 à minValue − 1 est masquée : à 1, aucune ne le serait)',
  minFrequency: 'doit être un entier d’au moins 2 (une cellule de moins de minFrequency contributeurs est masquée : à 1, aucune ne le serait)',
  dominanceN: 'doit être un entier d’au moins 1 (le nombre de plus gros contributeurs additionnés)',
  dominanceK: 'doit être un pourcentage strictement compris entre 0 et 100 (à 100, les plus gros contributeurs ne dépassent jamais la cellule entière : rien ne serait masqué)',
  pPercent: 'doit être un pourcentage strictement positif (à 0, la règle p % ne masquerait rien)',
  protectionPercent: 'doit être un pourcentage strictement positif, au plus 100 (à 0, l’intervalle laissé à un montant masqué se réduirait à une unité)',
  ruleSet: 'doit être un objet de règles (minValue, minFrequency, dominance, pPercent, protectionPercent)',
  dominance: 'doit être un objet { "n": entier ≥ 1, "k": pourcentage }',
};
/** A rule set's parameter out of its bounds in SPEC.json (`why`: one of `ruleBounds`). */
export const specRule = (path: string, why: string) => `Spécification : le champ « ${path} » ${why}.`;

export const csvMissingColumn = (file: string, column: string) => `${file} : la colonne « ${column} » manque dans l'en-tête.`;
export const csvDuplicateColumn = (file: string, column: string) =>
  `${file} : la colonne « ${column} » figure deux fois dans l'en-tête ; laquelle lire ne peut pas se deviner.`;
export const csvNotCommas = (file: string, separator: string) =>
  `${file} : l'en-tête est séparé par des ${separator === '\t' ? 'tabulations' : `« ${separator} »`} ; mfer protect et mfer audit lisent des CSV séparés par des virgules (enregistrez le fichier en « CSV (séparateur : virgule) »).`;
export const csvTooManyFields = (file: string, row: number, fields: number, expected: number) =>
  `${file}, ligne ${row} : ${fields} champs pour ${expected} colonnes dans l'en-tête (une virgule de trop dans un code ou un nom ? mettez-le entre guillemets).`;
export const csvUnknownCode = (file: string, row: number, column: string, code: string) =>
  `${file}, ligne ${row}, colonne « ${column} » : le code « ${code} » n'est pas une feuille de la dimension.`;
export const csvCellCode = (file: string, row: number, column: string, code: string) =>
  `${file}, ligne ${row}, colonne « ${column} » : le code « ${code} » n'appartient pas à la dimension.`;
export const csvBadNumber = (file: string, row: number, column: string, value: string) =>
  `${file}, ligne ${row}, colonne « ${column} » : « ${value} » n'est pas un nombre positif ou nul.`;
export const csvEmptyContributor = (file: string, row: number, column: string) =>
  `${file}, ligne ${row}, colonne « ${column} » : le contributeur est vide.`;
export const csvBadStatus = (file: string, row: number, value: string) =>
  `${file}, ligne ${row}, colonne « status » : « ${value} » n'est pas un statut (s, u ou x).`;
export const csvUnreadable = (file: string, detail: string) => `${file} : CSV illisible (${detail}).`;
export const csvDuplicateCell = (file: string, row: number) => `${file}, ligne ${row} : cette cellule apparaît deux fois.`;

/** Reading a CONTRIB.csv or CELLS.csv in either dialect (src/format/contract-dialect.ts). */
/** The formats both commands read, as one phrase. */
export const EXPECTED_CSV =
  "un CSV séparé par des virgules (point décimal) ou par des points-virgules (virgule décimale, comme les tables de mfer), encodé en UTF-8 (avec ou sans BOM) ou en Windows-1252";

export const csvNotText = (file: string) => `${file} : ce n'est pas un fichier texte (contenu binaire : un classeur ?) ; attendu : ${EXPECTED_CSV}.`;

export const csvUnreadableDialect = (file: string, detail: string) => `${file} : CSV illisible (${detail}) ; attendu : ${EXPECTED_CSV}.`;

export const csvTooFewFields = (file: string, row: number, fields: number, expected: number) =>
  `${file}, ligne ${row} : ${fields} champ(s) pour ${expected} colonnes dans l'en-tête (un champ manque ; un champ vide s'écrit entre deux séparateurs).`;

export const auditMissingCell = (codes: readonly string[]) => `cellule ${codes.join(' × ')} : absente du fichier de cellules.`;
export const auditWrongValue = (codes: readonly string[], expected: number, found: number) =>
  `cellule ${codes.join(' × ')} : valeur ${found} alors que les contributions donnent ${expected}.`;
export const auditNotSuppressed = (codes: readonly string[]) =>
  `cellule ${codes.join(' × ')} : une règle primaire l'exige sous secret, or elle est publiée.`;
/** `lo`/`hi` undefined: that side of the interval was not needed to prove the failure ("…"). */
export const auditInterval = (codes: readonly string[], value: number, lo: number | undefined, hi: number | undefined, needLo: number, needHi: number) =>
  `cellule ${codes.join(' × ')} (valeur ${value}) : l'attaquant l'encadre dans [${bound(lo)} ; ${bound(hi)}], il faudrait au plus ${fmt(needLo)} et au moins ${fmt(needHi)} (exigence A).`;
export const auditExact = (codes: readonly string[], value: number) =>
  `cellule ${codes.join(' × ')} (valeur ${value}) : sachant que les cellules masquées valent au moins 1, l'attaquant la retrouve exactement (exigence B).`;
/** Requirement C, in the audit trail only (names a contributor: never in a public file). */
export const auditInsider = (codes: readonly string[], value: number, contributor: string, knows: number, exact: boolean, lo: number | undefined, hi: number | undefined, needLo: number, needHi: number) =>
  `cellule ${codes.join(' × ')} (valeur ${value}) : le contributeur « ${contributor} », qui connaît ${knows === 1 ? 'la cellule masquée dont il est le seul contributeur' : `les ${knows} cellules masquées dont il est le seul contributeur`}, ` +
  (exact ? `la retrouve exactement (exigence C).` : `l'encadre dans [${bound(lo)} ; ${bound(hi)}], il faudrait au plus ${fmt(needLo)} et au moins ${fmt(needHi)} (exigence C).`);
export const inconsistentSharedCell = (codes: readonly string[]) =>
  `Tableaux liés : la cellule ${codes.join(' × ')} n'a pas la même valeur dans tous les tableaux qui la contiennent.`;
export const solverFailed = (status: string) => `Le solveur de programmation linéaire a échoué (statut ${status}).`;
export const solverMissing = () => `Aucun solveur de programmation linéaire n'est installé (le runtime installe HiGHS avant la première protection).`;
export const solverStopped = () => `Le solveur de programmation linéaire s'est arrêté sur une erreur interne (module WebAssembly).`;

function fmt(x: number): string {
  if (Number.isFinite(x)) return String(Math.round(x * 1000) / 1000);
  return x < 0 ? '−∞' : '+∞';
}

function bound(x: number | undefined): string {
  return x === undefined ? '…' : fmt(x);
}
