/** What the ingest stage hands to validation: every return file as grids of cells, nothing interpreted yet. */
import type { SurveyId } from '../model/rows.ts';

/** A cell as read: text (CSV, or a text cell of a workbook) or a number (a numeric workbook cell). */
export type Cell = string | number;

/** One grid of cells; `rows[i]` is row `i + 1` of the user's file (CSV record or sheet row). */
export interface Sheet {
  name: string;
  rows: readonly (readonly Cell[])[];
  /** CSV: indices of rows cut out of a quoted cell that spanned lines and held separators (a stray quote) */
  suspect?: readonly number[];
}

export type ReturnFormat = 'csv' | 'xlsx' | 'inconnu';

export interface RawReturn {
  survey: SurveyId;
  /** the year of the folder the file was found in */
  folderYear: number;
  /** below the input folder, `/`-separated: "returns/2024/mediation/caf-01-ain.csv" */
  path: string;
  sha256: string;
  format: ReturnFormat;
  /** "utf-8", "utf-8-bom", "windows-1252", "utf-16le", "xlsx", or "inconnu" */
  encoding: string;
  /** CSV only */
  delimiter?: ';' | ',' | '\t';
  /** CSV: one sheet; XLSX: every worksheet in order */
  sheets: readonly Sheet[];
  /** set when nothing could be read from the file (French message naming it) */
  problem?: string;
  /** set when the file was read but something about it deserves a word (French message naming it) */
  notice?: string;
}

export interface YearReturns {
  year: number;
  returns: readonly RawReturn[];
  /** French messages about the year's folders and files (a survey folder missing, an odd encoding, …) */
  notices: readonly string[];
  /** files under `returns/<year>/` that are not read (wrong folder, link leaving the input folder), each with its French reason */
  unread?: readonly { path: string; reason: string }[];
}
