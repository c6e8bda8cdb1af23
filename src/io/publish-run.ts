/**
 * Atomic publication of a run across both output roots, with one commit point.
 *
 * Every run writes a whole new **generation** (`<store>/g-<pid>-<n>/{data-out,reports}/<year>/…`,
 * files in sorted path order), where `<store>` is `.<out>.mfer-gen` beside `--out`. The years the run
 * does not publish are carried into the new generation as hard links of the current one, so a
 * generation is always complete. `<store>/current` is a symbolic link to the current generation, and
 * each `<root>/<year>` is a symbolic link to `<store>/current/<root>/<year>`, made once. Publishing is
 * then a single `rename` of a new `current` link over the old one: before it, both roots show the
 * previous generation, after it both show the new one, whatever kills the run and wherever (`kill -9`,
 * a full disk, a read-only folder). The previous generation is removed only after the switch; a
 * failure before it removes the new generation and whatever this run added.
 *
 * `recoverRoots` (what a run does first, under its lock) removes what killed runs left behind, and
 * turns the year folders of outputs written before generations existed into links, keeping their
 * content (the swap of each folder for its link is the only step that is not one rename; an
 * interruption there is undone as before: the set-aside folder is put back).
 *
 * @example
 *   await publishRun({ roots: { 'data-out': 'data-out', reports: 'reports' }, years: [2024],
 *     files: [{ root: 'data-out', path: '2024/rejects.csv', content: '\ufefffile;row;column;value;reason\n' }] });
 */
import { accessSync, constants, copyFileSync, existsSync, linkSync, lstatSync, mkdirSync, readdirSync, readlinkSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import type { OutputFile } from '../model/output.ts';
import { isAlive } from './lock.ts';
import { duplicateOutput, outputOutsideYears, rootNotWritable, swapRecovered } from './run-messages.ts';

export type Roots = { 'data-out': string; reports: string };
type RootName = keyof Roots;
export interface PublishOptions {
  roots: Roots;
  years: readonly number[];
  files: readonly OutputFile[];
  /**
   * paths (`<year>/<folder>`) of a root to keep from the previous generation when this run does not
   * write them: the court pages and workbooks of a year that is no longer the latest
   */
  keep?: readonly { root: RootName; path: string }[];
  /**
   * years written only where the outputs have none yet (a year without any accepted row: its rejects,
   * manifest and run log say why); an earlier publication of such a year is kept as it is
   */
  provisional?: readonly number[];
  /** hears about interrupted swaps that were undone (default: stderr) */
  onRecover?: (message: string) => void;
  /** for tests: called just before and just after the commit point */
  hooks?: { beforeCommit?: () => void; afterCommit?: () => void };
}

const ROOT_NAMES = ['data-out', 'reports'] as const;
const YEAR = /^\d{4}$/;
let counter = 0;

/** Name of the set-aside copy of `<root>/<year>` while a folder is swapped for its link. */
export function asideName(year: number | string): string {
  return `.${year}.mfer-old`;
}

/** The folder that holds the generations of an output tree: `.<out>.mfer-gen` beside `--out`. */
export function storeOf(roots: Roots): string {
  const out = resolve(roots['data-out']);
  return join(dirname(out), `.${basename(out)}.mfer-gen`);
}

const isLink = (path: string) => {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
};
const exists = (path: string) => isLink(path) || existsSync(path);

/** The current generation's folder, if there is one. */
function currentGeneration(store: string): string | undefined {
  const link = join(store, 'current');
  return isLink(link) ? join(store, readlinkSync(link)) : undefined;
}

/** Copies a tree as hard links (a copy where linking is refused); links inside are not followed. */
function linkTree(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    if (entry.isDirectory()) linkTree(source, target);
    else if (entry.isFile()) {
      try {
        linkSync(source, target);
      } catch {
        copyFileSync(source, target);
      }
    }
  }
}

/** The link target of `<root>/<year>`, relative to the root. */
function yearTarget(store: string, root: string, name: RootName, year: string): string {
  return relative(root, join(store, 'current', name, year));
}

/** Points `<store>/current` at `generation` by one rename (the commit point). */
function switchCurrent(store: string, generation: string): void {
  const next = join(store, `current.${process.pid}.new`);
  rmSync(next, { force: true });
  symlinkSync(basename(generation), next);
  renameSync(next, join(store, 'current'));
}

/**
 * Undoes what a killed run left behind under `root`: a `<year>` missing with its set-aside copy present
 * is put back; a set-aside copy beside a present `<year>` is removed; temporary directories of dead
 * runs beside the root are removed (outputs of versions before generations).
 */
export function recoverInterruptedSwaps(root: string, onRecover: (message: string) => void = () => {}): void {
  if (existsSync(root)) {
    for (const name of readdirSync(root)) {
      const match = /^\.(.+)\.mfer-old$/.exec(name);
      if (!match) continue;
      const target = join(root, match[1]);
      const aside = join(root, name);
      if (exists(target)) rmSync(aside, { recursive: true, force: true });
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
    if (match && Number(match[1]) !== process.pid && !isAlive(Number(match[1]))) rmSync(join(parent, name), { recursive: true, force: true });
  }
}

/** Generations of dead runs that never became current, and half-made `current` links, are removed. */
function removeAbandoned(store: string): void {
  if (!existsSync(store)) return;
  const current = currentGeneration(store);
  for (const name of readdirSync(store)) {
    const match = /^g-(\d+)-\d+$/.exec(name) ?? /^current\.(\d+)\.new$/.exec(name);
    if (match === null) continue;
    const path = join(store, name);
    if (path === current) continue;
    const pid = Number(match[1]);
    if (pid !== process.pid && !isAlive(pid)) rmSync(path, { recursive: true, force: true });
  }
}

/**
 * Year folders written before generations existed become links into a generation holding their
 * content (hard links); then nothing under the roots is a real year folder any more.
 */
function adoptFolders(roots: Roots, store: string): void {
  const legacy = ROOT_NAMES.flatMap((name) => {
    const root = resolve(roots[name]);
    if (!existsSync(root)) return [];
    return readdirSync(root, { withFileTypes: true }).filter((e) => YEAR.test(e.name) && e.isDirectory()).map((e) => ({ name, root, year: e.name }));
  });
  if (legacy.length === 0) return;
  const generation = join(store, `g-${process.pid}-${++counter}`);
  const current = currentGeneration(store);
  try {
    if (current !== undefined && existsSync(current)) linkTree(current, generation);
    for (const { name, root, year } of legacy) {
      rmSync(join(generation, name, year), { recursive: true, force: true });
      linkTree(join(root, year), join(generation, name, year));
    }
    for (const name of ROOT_NAMES) mkdirSync(join(generation, name), { recursive: true });
    switchCurrent(store, generation);
  } catch (error) {
    rmSync(generation, { recursive: true, force: true });
    throw error;
  }
  if (current !== undefined) rmSync(current, { recursive: true, force: true });
  for (const { name, root, year } of legacy) {
    // same content on both sides of this swap: an interruption here shows no mix
    const aside = join(root, asideName(year));
    renameSync(join(root, year), aside);
    symlinkSync(yearTarget(store, root, name, year), join(root, year));
    rmSync(aside, { recursive: true, force: true });
  }
}

/** What a run does first, under its lock: recovery of interrupted runs, on both roots and the store. */
export function recoverRoots(roots: Roots, onRecover: (message: string) => void = () => {}): void {
  for (const name of ROOT_NAMES) recoverInterruptedSwaps(roots[name], onRecover);
  const store = storeOf(roots);
  removeAbandoned(store);
  if (ROOT_NAMES.some((name) => existsSync(roots[name]))) {
    mkdirSync(store, { recursive: true });
    adoptFolders(roots, store);
  }
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

/** A root that exists but cannot be written is said before anything is written. */
function checkWritable(roots: Roots): void {
  for (const name of ROOT_NAMES) {
    // the root, or the nearest folder above it that exists (where it will be made)
    let where = resolve(roots[name]);
    while (!existsSync(where) && dirname(where) !== where) where = dirname(where);
    try {
      accessSync(where, constants.W_OK);
    } catch {
      throw new Error(rootNotWritable(where));
    }
  }
}

/** Writes the run's files as a new generation and makes it current in one step. */
export async function publishRun(opts: PublishOptions): Promise<void> {
  const { roots, years, files } = opts;
  const onRecover = opts.onRecover ?? ((m: string) => void process.stderr.write(`${m}\n`));
  checkPaths(files, years);
  checkWritable(roots);
  recoverRoots(roots, onRecover);

  const store = storeOf(roots);
  mkdirSync(store, { recursive: true });
  const previous = currentGeneration(store);
  const generation = join(store, `g-${process.pid}-${++counter}`);
  const madeLinks: string[] = [];
  const published = (year: string) => previous !== undefined && ROOT_NAMES.some((name) => existsSync(join(previous, name, year)));
  const provisional = new Set((opts.provisional ?? []).map(String));
  const kept = new Set([...provisional].filter(published));
  const run = new Set(years.map(String).filter((year) => !kept.has(year)));
  try {
    for (const name of ROOT_NAMES) {
      mkdirSync(join(generation, name), { recursive: true });
      // a provisional year gets only the folders it has files in
      for (const year of run) if (!provisional.has(year)) mkdirSync(join(generation, name, year), { recursive: true });
      // the years this run does not publish stay as they are
      const before = previous !== undefined ? join(previous, name) : undefined;
      if (before !== undefined && existsSync(before)) {
        for (const year of readdirSync(before)) if (!run.has(year)) linkTree(join(before, year), join(generation, name, year));
      }
    }
    const sorted = files.filter((file) => run.has(file.path.split('/')[0])).sort((a, b) => (a.root + '/' + a.path < b.root + '/' + b.path ? -1 : 1));
    for (const file of sorted) {
      const target = join(generation, file.root, ...file.path.split('/'));
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, file.content);
    }
    for (const { root, path } of opts.keep ?? []) {
      const from = previous !== undefined ? join(previous, root, ...path.split('/')) : undefined;
      const to = join(generation, root, ...path.split('/'));
      if (from !== undefined && existsSync(from) && !existsSync(to)) linkTree(from, to);
    }
    // a link per year and root, made once; a new year's link leads nowhere until the switch
    for (const name of ROOT_NAMES) {
      const root = resolve(roots[name]);
      mkdirSync(root, { recursive: true });
      for (const year of readdirSync(join(generation, name))) {
        const link = join(root, year);
        if (isLink(link)) continue;
        symlinkSync(yearTarget(store, root, name, year), link);
        madeLinks.push(link);
      }
    }
    opts.hooks?.beforeCommit?.();
    switchCurrent(store, generation); // the commit point
  } catch (error) {
    rmSync(generation, { recursive: true, force: true });
    for (const link of madeLinks) rmSync(link, { force: true });
    throw error;
  }
  opts.hooks?.afterCommit?.();
  if (previous !== undefined && previous !== generation) rmSync(previous, { recursive: true, force: true });
}

/** What a run of this process would leave behind if it failed: temporary folders, generations never made current. */
export function tmpDirsBeside(root: string, roots?: Roots): string[] {
  const parent = dirname(resolve(root));
  const tmps = existsSync(parent) ? readdirSync(parent).filter((n) => n.startsWith('.mfer-tmp-')).map((n) => join(parent, n)) : [];
  const store = storeOf(roots ?? { 'data-out': root, reports: root });
  if (!existsSync(store)) return tmps;
  const current = currentGeneration(store);
  return [...tmps, ...readdirSync(store).filter((n) => n !== 'current').map((n) => join(store, n)).filter((p) => p !== current)];
}
