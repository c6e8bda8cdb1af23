/**
 * One run at a time: an exclusive lock file (`<dir>/.mfer.lock`, created with `wx`, holding the pid).
 * A second run stops at once with a French message naming the pid of the first; a lock whose pid is
 * dead (a run killed with `kill -9`) is taken over.
 *
 * @example
 *   await withLock('data-out', () => annual(options)); // throws LockBusyError if a run is going on
 */
import { mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { lockBusy, lockStale } from './run-messages.ts';

export const LOCK_NAME = '.mfer.lock';

export class LockBusyError extends Error {
  constructor(
    readonly lockPath: string,
    readonly pid: number,
  ) {
    super(lockBusy(lockPath, pid));
    this.name = 'LockBusyError';
  }
}

/** True when a process with this pid exists (EPERM: it exists but belongs to someone else). */
export function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readPid(path: string): number | undefined {
  try {
    const text = readFileSync(path, 'utf8').trim();
    return /^\d+$/.test(text) ? Number(text) : Number.NaN;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function tryCreate(path: string): boolean {
  try {
    writeFileSync(path, `${process.pid}\n`, { flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/**
 * Takes the lock or throws `LockBusyError`. `onStale` hears about a dead owner's lock being taken over.
 * Returns the lock file's path.
 */
export async function acquireLock(dir: string, onStale: (message: string) => void = () => {}): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const path = resolve(join(dir, LOCK_NAME));
  for (let attempt = 0; attempt < 20; attempt++) {
    if (tryCreate(path)) return path;
    let pid = readPid(path);
    if (pid === undefined) continue; // released between our two calls
    if (Number.isNaN(pid)) {
      // the owner may be between creating the file and writing its pid
      await sleep(50);
      pid = readPid(path);
      if (pid === undefined) continue;
    }
    if (!Number.isNaN(pid) && isAlive(pid)) throw new LockBusyError(path, pid);
    // Stale: move it aside under a name of our own, so two runs taking it over at the same time
    // cannot both succeed (only one rename of the same file wins; the loser retries and finds our lock).
    const aside = `${path}.stale-${process.pid}`;
    try {
      renameSync(path, aside);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw error;
    }
    const movedPid = readPid(aside);
    if (movedPid !== undefined && !Number.isNaN(movedPid) && movedPid !== pid && isAlive(movedPid)) {
      // we moved a live run's fresh lock: put it back and give way
      renameSync(aside, path);
      throw new LockBusyError(path, movedPid);
    }
    unlinkSync(aside);
    onStale(lockStale(path, Number.isNaN(pid) ? 0 : pid));
  }
  throw new LockBusyError(path, readPid(path) ?? 0);
}

/** Removes the lock if it is still ours. */
export function releaseLock(path: string): void {
  if (readPid(path) === process.pid) unlinkSync(path);
}

/** Runs `fn` holding the lock of `dir`; the lock is released however `fn` ends. */
export async function withLock<T>(dir: string, fn: () => Promise<T>, onStale?: (message: string) => void): Promise<T> {
  const path = await acquireLock(dir, onStale);
  try {
    return await fn();
  } finally {
    releaseLock(path);
  }
}
