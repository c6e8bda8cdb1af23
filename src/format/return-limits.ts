/**
 * What a survey return may weigh before it is read. A return is one CAF's or one court of appeal's
 * services: tens of rows, a few kilobytes (the shipped sample's largest file is 11 KB). A file beyond
 * these limits is refused with a message saying which limit and by how much, before it is read whole,
 * so that no single input file, whatever its size or shape, can exhaust the run's memory.
 * Documented in docs/methodology.md (« Lecture des fichiers »).
 */
export interface ReturnLimits {
  maxFileBytes: number;
  maxRows: number;
  maxColumns: number;
  maxUnzippedBytes: number;
}

export const RETURN_LIMITS: Readonly<ReturnLimits> = {
  /** size of one file on disk (CSV or XLSX) */
  maxFileBytes: 10 * 1024 * 1024,
  /** rows of one CSV (physical lines) or one worksheet's used range (last row holding a value) */
  maxRows: 20_000,
  /** columns of one worksheet's used range (last column holding a value) */
  maxColumns: 500,
  /** uncompressed size of all the parts of one workbook (a zip bomb is refused by this) */
  maxUnzippedBytes: 64 * 1024 * 1024,
};
