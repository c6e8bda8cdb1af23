/**
 * Every stage that produces files returns them in memory; only `src/io/` writes them, into a
 * temporary directory swapped into place at the end of the run (atomic runs).
 */
export interface OutputFile {
  /** `data-out` (tables, clean data, audit trail) or `reports` (HTML, XLSX) */
  root: 'data-out' | 'reports';
  /** path below the root, with `/` separators, starting with the year: "2024/tables/med-cadre.csv" */
  path: string;
  content: string | Uint8Array;
}
