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
import { createReadStream, existsSync, lstatSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import { SURVEYS } from '../validate/fields.ts';
import { formatOfName, parseReturn } from '../format/survey-return.ts';
import { fileMessages as m } from './messages.ts';
import { returnMessages } from '../format/messages.ts';
import { RETURN_LIMITS, type ReturnLimits } from '../format/return-limits.ts';
import type { RawReturn, YearReturns } from './types.ts';
import type { SurveyId } from '../model/rows.ts';

/**
 * Files that sit beside the returns without being one: the lock file Excel (`~$name.xlsx`) or
 * LibreOffice (`.~lock.name.xlsx#`) leaves while a workbook is open, and the files Windows and macOS
 * add to a folder (`Thumbs.db`, `desktop.ini`, `.DS_Store`, `._name`, any hidden file). They hold no
 * rows, so skipping them loses nothing; the year's notices name each one.
 */
export function isSystemFile(name: string): boolean {
  return name.startsWith('~$') || name.startsWith('.') || /^(thumbs\.db|desktop\.ini)$/i.test(name);
}

/** The years present under `<input>/returns/` (folders named by four digits), oldest first. */
export function listYears(inputDir: string): number[] {
  const root = join(inputDir, 'returns');
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .filter((name) => /^\d{4}$/.test(name) && isFolderInside(join(root, name), inputDir))
    .map(Number)
    .sort((a, b) => a - b);
}

/** Streams a file through SHA-256 without holding it (a file refused for its size is still identified). */
async function sha256Of(full: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(full)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** A folder, or a link to a folder inside `root` (a link is never followed out of the input folder). */
function isFolderInside(full: string, root: string): boolean {
  try {
    if (!lstatSync(full).isSymbolicLink()) return lstatSync(full).isDirectory();
    const target = realpathSync(full);
    const base = realpathSync(root);
    return target.startsWith(base + sep) && statSync(target).isDirectory();
  } catch {
    return false;
  }
}

/** Whether `full` (a link) leads to a file inside `root`, and which. */
function linkInside(full: string, root: string): string | undefined {
  try {
    const target = realpathSync(full);
    const base = realpathSync(root);
    return (target === base || target.startsWith(base + sep)) && statSync(target).isFile() ? target : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Every entry under `<input>/returns/<year>/` that is not a file directly in a survey folder, with why
 * it is not read: a file beside the survey folders or in a sub-folder, a folder of another name, a
 * link that leaves the input folder. Links are never followed outward, and nothing of what they
 * point to is read; directories are walked without following links.
 */
function strays(inputDir: string, year: number): { path: string; reason: string }[] {
  const found: { path: string; reason: string }[] = [];
  const entries = (relative: string) => {
    try {
      return readdirSync(join(inputDir, relative), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
    } catch (error) {
      found.push({ path: relative, reason: returnMessages.unreadable(relative, (error as NodeJS.ErrnoException).code ?? 'erreur de lecture') });
      return [];
    }
  };
  const walk = (relative: string, reason: (path: string) => string) => {
    for (const entry of entries(relative)) {
      const path = `${relative}/${entry.name}`;
      if (entry.isSymbolicLink()) found.push({ path, reason: m.linkSkipped(path) });
      else if (entry.isDirectory()) walk(path, reason);
      else if (!isSystemFile(entry.name)) found.push({ path, reason: reason(path) });
    }
  };
  const yearFolder = `returns/${year}`;
  for (const entry of entries(yearFolder)) {
    const path = `${yearFolder}/${entry.name}`;
    if ((SURVEYS as readonly string[]).includes(entry.name) && entry.isDirectory()) {
      for (const inner of entries(path)) {
        if (inner.isDirectory()) walk(`${path}/${inner.name}`, (p) => m.inSubfolder(p, path));
      }
    } else if (entry.isSymbolicLink()) found.push({ path, reason: m.linkSkipped(path) });
    else if (entry.isDirectory()) walk(path, (p) => m.wrongFolder(p, yearFolder));
    else if (!isSystemFile(entry.name)) found.push({ path, reason: m.wrongFolder(path, yearFolder) });
  }
  return found;
}

export async function readReturns(inputDir: string, year: number, limits: ReturnLimits = RETURN_LIMITS): Promise<YearReturns> {
  const returns: RawReturn[] = [];
  const notices: string[] = [];
  const unread = existsSync(join(inputDir, 'returns', String(year))) ? strays(inputDir, year) : [];
  for (const survey of SURVEYS) {
    const relativeFolder = `returns/${year}/${survey}`;
    const folder = join(inputDir, relativeFolder);
    if (!existsSync(folder)) {
      notices.push(m.missingSurveyFolder(relativeFolder));
      continue;
    }
    if (!isFolderInside(folder, inputDir)) continue; // a link out of the input folder: named by strays()
    for (const name of readdirSync(folder).sort()) {
      const path = `${relativeFolder}/${name}`;
      let full = join(folder, name);
      let bytes: Uint8Array;
      try {
        const entry = lstatSync(full);
        if (entry.isSymbolicLink()) {
          const target = linkInside(full, inputDir);
          if (target === undefined) {
            unread.push({ path, reason: m.linkSkipped(path) });
            continue;
          }
          full = target;
        } else if (!entry.isFile()) continue; // a sub-folder: listed by strays()
        if (isSystemFile(name)) {
          notices.push(m.systemFile(path));
          continue;
        }
        const size = statSync(full).size;
        if (size > limits.maxFileBytes) {
          // refused before it is read: only its hash is computed, by a stream
          returns.push({ survey, folderYear: year, path, sha256: await sha256Of(full), format: formatOfName(name), encoding: 'inconnu', sheets: [], problem: returnMessages.tooBig(path, size, limits.maxFileBytes) });
          continue;
        }
        bytes = readFileSync(full);
      } catch (error) {
        returns.push({ survey, folderYear: year, path, sha256: '', format: 'inconnu', encoding: 'inconnu', sheets: [], problem: returnMessages.unreadable(path, (error as NodeJS.ErrnoException).code ?? 'erreur de lecture') });
        continue;
      }
      const raw = await parseReturn(survey, year, path, bytes, limits);
      if (raw.notice !== undefined) notices.push(raw.notice);
      returns.push(raw);
    }
  }
  unread.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { year, returns, notices: [...notices, ...unread.map((u) => u.reason)], unread };
}
