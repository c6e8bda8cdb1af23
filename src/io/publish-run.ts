/**
 * Atomic publication of a run. Every output file is first written into a temporary directory beside
 * each root (`<root>/../.mfer-tmp-<pid>-<n>/`, same file system, so renames are atomic), in sorted
 * path order; then, year by year, `<root>/<year>` is swapped in: the old folder is renamed aside
 * (`<root>/.<year>.mfer-old`), the new one renamed in, the old one removed. A failure before the swap
 * removes the temporary directories and leaves the previous outputs untouched. A run killed between
 * the two renames leaves `<year>` missing and its set-aside copy present: the next run puts it back
 * before doing anything else (`recoverInterruptedSwaps`).
 *
 * @example
 *   await publishRun({ roots: { 'data-out': 'data-out', reports: 'reports' }, years: [2024],
 *     files: [{ root: 'data-out', path: '2024/rejects.csv', content: '\ufefffile;row;column;value;reason\n' }] });
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { OutputFile } from '../model/output.ts';
import { isAlive } from './lock.ts';
import { duplicateOutput, outputOutsideYears, swapRecovered } from './run-messages.ts';

export type Roots = { 'data-out': string; reports: string };
export interface PublishOptions {
  roots: Roots;
  years: readonly number[];
  files: readonly OutputFile[];
  /** hears about interrupted swaps that were undone (default: stderr) */
  onRecover?: (message: string) => void;
}

const ROOT_NAMES = ['data-out', 'reports'] as const;
let tmpCounter = 0;

/** Name of the set-aside copy of `<root>/<year>` during a swap. */
export function asideName(year: number | string): string {
  return `.${year}.mfer-old`;
}

/**
 * Undoes what a killed run left behind under `root`: a `<year>` missing with its set-aside copy present
 * is put back; a set-aside copy beside a present `<year>` (killed after the swap, before the clean-up)
 * is removed; temporary directories of dead runs beside the root are removed.
 */
export function recoverInterruptedSwaps(root: string, onRecover: (message: string) => void = () => {}): void {
  if (existsSync(root)) {
    for (const name of readdirSync(root)) {
      const match = /^\.(.+)\.mfer-old$/.exec(name);
      if (!match) continue;
      const target = join(root, match[1]);
      const aside = join(root, name);
      if (existsSync(target)) rmSync(aside, { recursive: true, force: true });
      else {
        renameSync(aside, target);
        onRecover(swapRecovered(target));
      }
    }
  }
  const parent = dirname(resolve(root));
  if (!existsSync(parent)) return;
  for (const name of readdirSync(parent)) {
    const match = /^\.mfer-tmp-(\d+)-\d+$/.exec(name);
    if (match && Number(match[1]) !== process.pid && !isAlive(Number(match[1]))) {
      rmSync(join(parent, name), { recursive: true, force: true });
    }
  }
}

/** `recoverInterruptedSwaps` on both roots: what a run does first, under its lock. */
export function recoverRoots(roots: Roots, onRecover: (message: string) => void = () => {}): void {
  for (const name of ROOT_NAMES) recoverInterruptedSwaps(roots[name], onRecover);
}

function checkPaths(files: readonly OutputFile[], years: readonly number[]): void {
  const allowed = new Set(years.map(String));
  const seen = new Set<string>();
  for (const file of files) {
    const key = `${file.root}/${file.path}`;
    if (seen.has(key)) throw new Error(duplicateOutput(key));
    seen.add(key);
    const parts = file.path.split('/');
    if (!allowed.has(parts[0]) || parts.length < 2 || parts.some((p) => p === '' || p === '.' || p === '..')) {
      throw new Error(outputOutsideYears(file.path, years));
    }
  }
}

/** Writes the run's files and swaps each `<root>/<year>` into place. */
export async function publishRun(opts: PublishOptions): Promise<void> {
  const { roots, years, files } = opts;
  const onRecover = opts.onRecover ?? ((m: string) => void process.stderr.write(`${m}\n`));
  checkPaths(files, years);
  recoverRoots(roots, onRecover);

  const tmps = new Map<(typeof ROOT_NAMES)[number], string>();
  try {
    for (const name of ROOT_NAMES) {
      const root = resolve(roots[name]);
      const tmp = join(dirname(root), `.mfer-tmp-${process.pid}-${++tmpCounter}`);
      tmps.set(name, tmp);
      mkdirSync(tmp, { recursive: true });
      for (const year of years) mkdirSync(join(tmp, String(year)), { recursive: true });
    }
    const sorted = [...files].sort((a, b) => (a.root + '/' + a.path < b.root + '/' + b.path ? -1 : 1));
    for (const file of sorted) {
      const target = join(tmps.get(file.root)!, ...file.path.split('/'));
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, file.content);
    }
  } catch (error) {
    for (const tmp of tmps.values()) rmSync(tmp, { recursive: true, force: true });
    throw error;
  }

  for (const name of ROOT_NAMES) {
    const root = resolve(roots[name]);
    const tmp = tmps.get(name)!;
    mkdirSync(root, { recursive: true });
    for (const year of [...years].sort((a, b) => a - b)) {
      const target = join(root, String(year));
      const aside = join(root, asideName(year));
      if (existsSync(target)) renameSync(target, aside);
      renameSync(join(tmp, String(year)), target);
      rmSync(aside, { recursive: true, force: true });
    }
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** The temporary directories a run of this process would leave beside `root` (for tests). */
export function tmpDirsBeside(root: string): string[] {
  const parent = dirname(resolve(root));
  return existsSync(parent) ? readdirSync(parent).filter((n) => n.startsWith('.mfer-tmp-')).map((n) => join(parent, basename(n))) : [];
}
