/**
 * The partners' secret key on disk: `writeNewKey` writes 32 random bytes to a new file readable by
 * its owner only (never over an existing file: a lost key makes every pseudonym unlinkable);
 * `readKeyFile` refuses a key that lies inside a git working tree (it would end up committed) or
 * that others than its owner may read or write, and one that is not 32 bytes long.
 *
 * @example
 *   writeNewKey('/secure/mfer.key');
 *   const key = readKeyFile('/secure/mfer.key'); // Uint8Array(32)
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { suiviMessages as m } from '../suivi/messages.ts';

export const KEY_BYTES = 32;

/** The git working tree (a folder holding `.git`) a path lies in, if any. */
export function repositoryOf(path: string): string | undefined {
  let dir = dirname(resolve(path));
  for (;;) {
    if (existsSync(join(dir, '.git'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** Why a key file is refused, or undefined when it may be used. */
export function keyFileProblem(path: string): string | undefined {
  if (!existsSync(path)) return m.keyMissing(path);
  const real = realpathSync(path);
  const repository = repositoryOf(real);
  if (repository !== undefined) return m.keyInRepository(path, repository);
  const stat = statSync(real);
  if ((stat.mode & 0o077) !== 0) return m.keyLoose(path, (stat.mode & 0o777).toString(8).padStart(3, '0'));
  if (typeof process.getuid === 'function' && stat.uid !== process.getuid()) return m.keyNotOwned(path);
  if (stat.size !== KEY_BYTES) return m.keySize(path, stat.size);
  return undefined;
}

/** The key's 32 bytes; throws the French reason when the file is refused. */
export function readKeyFile(path: string): Uint8Array {
  const problem = keyFileProblem(path);
  if (problem !== undefined) throw new Error(problem);
  return new Uint8Array(readFileSync(path));
}

/** Writes a new random key (mode 600); throws when the file exists or would lie in a repository. */
export function writeNewKey(path: string): void {
  if (existsSync(path)) throw new Error(m.keyExists(path));
  const repository = repositoryOf(path);
  if (repository !== undefined) throw new Error(m.keyInRepository(path, repository));
  writeFileSync(path, randomBytes(KEY_BYTES), { mode: 0o600, flag: 'wx' });
}
