/**
 * French messages about one survey return's content, from its bytes (src/format/survey-return.ts):
 * empty, too big, unreadable, binary, of an unknown format, beyond a workbook's limits. Each names the
 * file (its path below the input folder). Messages about the folders are in src/ingest/messages.ts.
 */

const int = (n: number) => n.toLocaleString('fr-FR').replace(/\u202f/g, ' ');
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} Mio`;

export const returnMessages = {
  unreadable: (path: string, why: string) => `Fichier illisible « ${path} » : ${why}.`,
  empty: (path: string) => `Fichier vide « ${path} » : aucune ligne à lire.`,
  unsupportedFormat: (path: string) => `Format non pris en charge pour « ${path} » (attendus : .csv, .txt, .tsv, .xlsx) : enregistrez-le en .xlsx ou en .csv puis relancez.`,
  bomButWindows1252: (path: string) => `Fichier « ${path} » : BOM UTF-8 mais contenu Windows-1252 : lu en Windows-1252.`,
  binary: (path: string) => `Fichier « ${path} » : contenu binaire, ce n'est pas un fichier CSV lisible.`,
  tooBig: (path: string, bytes: number, max: number) =>
    `Fichier « ${path} » refusé sans être lu : ${mib(bytes)} pour une limite de ${mib(max)} par réponse (une réponse compte quelques dizaines de lignes) ; vérifiez qu'il s'agit bien d'une réponse à l'enquête, ou découpez-le par service.`,
  tooManyRows: (path: string, rows: number, max: number) =>
    `Fichier « ${path} » refusé : ${int(rows)} lignes pour une limite de ${int(max)} par réponse (une réponse compte quelques dizaines de lignes) ; aucune ligne n'est acceptée.`,
  xlsxRange: (path: string, sheet: number, corner: string, rows: number, columns: number, maxRows: number, maxColumns: number) =>
    `Classeur « ${path} » refusé : la feuille n° ${sheet} a une valeur jusqu'à la cellule ${corner} (${int(rows)} lignes, ${int(columns)} colonnes), au-delà de la limite d'une réponse (${int(maxRows)} lignes, ${int(maxColumns)} colonnes) ; effacez les cellules hors du tableau (Ctrl+Fin montre la dernière) puis relancez.`,
  xlsxTooLarge: (path: string, bytes: number, max: number) =>
    `Classeur « ${path} » refusé : décompressé, il dépasse ${mib(max)} (au moins ${mib(bytes)}), bien au-delà d'une réponse ; aucune ligne n'est lue.`,
  badXlsx: (path: string) => `Classeur « ${path} » illisible (fichier XLSX endommagé ou protégé).`,
};
