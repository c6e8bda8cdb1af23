/** Messages of `mfer protect` / `mfer audit` about the dialect of their CSV files (French, naming the file and row). */

/** The formats both commands read, as one phrase. */
export const EXPECTED_CSV =
  "un CSV séparé par des virgules (point décimal) ou par des points-virgules (virgule décimale, comme les tables de mfer), encodé en UTF-8 (avec ou sans BOM) ou en Windows-1252";

export const csvNotText = (file: string) => `${file} : ce n'est pas un fichier texte (contenu binaire : un classeur ?) ; attendu : ${EXPECTED_CSV}.`;

export const csvUnreadableDialect = (file: string, detail: string) => `${file} : CSV illisible (${detail}) ; attendu : ${EXPECTED_CSV}.`;

export const csvTooFewFields = (file: string, row: number, fields: number, expected: number) =>
  `${file}, ligne ${row} : ${fields} champ(s) pour ${expected} colonnes dans l'en-tête (un champ manque ; un champ vide s'écrit entre deux séparateurs).`;
