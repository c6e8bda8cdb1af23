/**
 * Reads every return of one year: `<input>/returns/<year>/{mediation,rencontre}/*`, files in name
 * order. Each file becomes a `RawReturn` (grids of cells, its hash and encoding); a file that cannot
 * be read still becomes one, with a French `problem` naming it, so that the manifest records it; a
 * file read with a `notice` (an odd encoding) adds it to the year's notices.
 * User data never raises: only a programming error would.
 *
 * @example
 *   const { returns } = await readReturns('data-raw', 2024);
 *   returns[0].path; // "returns/2024/mediation/caf-01-ain.csv"
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { SURVEYS } from '../validate/fields.ts';
import { decodeText } from './decode.ts';
import { fileMessages as m } from './messages.ts';
import { parseCsvText } from './parse-csv.ts';
import { readXlsx } from './read-xlsx.ts';
import type { RawReturn, YearReturns } from './types.ts';
import type { SurveyId } from '../model/rows.ts';

const TEXT_EXTENSIONS = /\.(csv|txt|tsv)$/i;

/**
 * Files that sit beside the returns without being one: the lock file Excel (`~$name.xlsx`) or
 * LibreOffice (`.~lock.name.xlsx#`) leaves while a workbook is open, and the files Windows and macOS
 * add to a folder (`Thumbs.db`, `desktop.ini`, `.DS_Store`, `._name`, any hidden file). They hold no
 * rows, so skipping them loses nothing; the year's notices name each one.
 */
export function isSystemFile(name: string): boolean {
  return name.startsWith('~$') || name.startsWith('.') || /^(thumbs\.db|desktop\.ini)$/i.test(name);
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/** The years present under `<input>/returns/` (folders named by four digits), oldest first. */
export function listYears(inputDir: string): number[] {
  const root = join(inputDir, 'returns');
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .filter((name) => /^\d{4}$/.test(name) && statSync(join(root, name)).isDirectory())
    .map(Number)
    .sort((a, b) => a - b);
}

/** Pure: one file's bytes → `RawReturn`. */
export async function readReturnBytes(survey: SurveyId, folderYear: number, path: string, bytes: Uint8Array): Promise<RawReturn> {
  const base = { survey, folderYear, path, sha256: createHash('sha256').update(bytes).digest('hex') };
  const isZip = ZIP_MAGIC.every((b, i) => bytes[i] === b);
  const format = /\.xlsx$/i.test(path) || isZip ? 'xlsx' : TEXT_EXTENSIONS.test(path) ? 'csv' : 'inconnu';
  if (bytes.length === 0) return { ...base, format, encoding: 'inconnu', sheets: [], problem: m.empty(path) };
  if (format === 'xlsx') {
    try {
      const sheets = await readXlsx(bytes);
      return { ...base, format: 'xlsx', encoding: 'xlsx', sheets };
    } catch {
      return { ...base, format: 'xlsx', encoding: 'inconnu', sheets: [], problem: m.badXlsx(path) };
    }
  }
  if (format === 'inconnu') return { ...base, format: 'inconnu', encoding: 'inconnu', sheets: [], problem: m.unsupportedFormat(path) };
  const decoded = decodeText(bytes);
  if ('binary' in decoded) return { ...base, format: 'csv', encoding: 'inconnu', sheets: [], problem: m.binary(path) };
  if (decoded.text.trim() === '') return { ...base, format: 'csv', encoding: decoded.encoding, sheets: [], problem: m.empty(path) };
  try {
    const { delimiter, rows } = parseCsvText(decoded.text);
    const notice = decoded.bomMismatch ? { notice: m.bomButWindows1252(path) } : {};
    return { ...base, format: 'csv', encoding: decoded.encoding, delimiter, sheets: [{ name: '', rows }], ...notice };
  } catch (error) {
    return { ...base, format: 'csv', encoding: decoded.encoding, sheets: [], problem: m.unreadable(path, (error as Error).message) };
  }
}

export async function readReturns(inputDir: string, year: number): Promise<YearReturns> {
  const returns: RawReturn[] = [];
  const notices: string[] = [];
  for (const survey of SURVEYS) {
    const relativeFolder = `returns/${year}/${survey}`;
    const folder = join(inputDir, relativeFolder);
    if (!existsSync(folder)) {
      notices.push(m.missingSurveyFolder(relativeFolder));
      continue;
    }
    for (const name of readdirSync(folder).sort()) {
      const path = `${relativeFolder}/${name}`;
      const full = join(folder, name);
      let bytes: Uint8Array;
      try {
        if (!statSync(full).isFile()) continue;
        if (isSystemFile(name)) {
          notices.push(m.systemFile(path));
          continue;
        }
        bytes = readFileSync(full);
      } catch (error) {
        returns.push({ survey, folderYear: year, path, sha256: '', format: 'inconnu', encoding: 'inconnu', sheets: [], problem: m.unreadable(path, (error as NodeJS.ErrnoException).code ?? 'erreur de lecture') });
        continue;
      }
      const raw = await readReturnBytes(survey, year, path, bytes);
      if (raw.notice !== undefined) notices.push(raw.notice);
      returns.push(raw);
    }
  }
  return { year, returns, notices };
}
