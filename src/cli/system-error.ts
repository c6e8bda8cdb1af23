/**
 * The file system's errors said in French for the command line: a statistician reads « permission
 * refusée », not `EACCES: permission denied, mkdir '…'`. Errors without a known code keep their
 * message (ours are already French).
 *
 * @example
 *   systemErrorText(error); // "permission refusée sur « data-out » (droits du dossier, ou fichier protégé)"
 */

/** `path` may be unknown (an error on an open file descriptor names none). */
const named = (path: string | undefined) => (path === undefined ? 'un fichier' : `« ${path} »`);

export const systemErrors = {
  denied: (path?: string) => `permission refusée sur ${named(path)} (droits du dossier, ou fichier protégé)`,
  readOnly: (path?: string) => `${named(path)} est sur un disque en lecture seule`,
  full: (path?: string) => `plus de place sur le disque en écrivant ${named(path)}`,
  missing: (path?: string) => `${named(path)} introuvable`,
  notFolder: (path?: string) => `${named(path)} : un élément du chemin est un fichier, pas un dossier`,
  isFolder: (path?: string) => `${named(path)} est un dossier, un fichier était attendu`,
  busy: (path?: string) => `${named(path)} est utilisé par un autre programme (ouvert dans Excel ?)`,
  tooManyOpen: () => 'trop de fichiers ouverts à la fois pour le système',
};

const BY_CODE: Record<string, (path?: string) => string> = {
  EACCES: systemErrors.denied,
  EPERM: systemErrors.denied,
  EROFS: systemErrors.readOnly,
  ENOSPC: systemErrors.full,
  EDQUOT: systemErrors.full,
  ENOENT: systemErrors.missing,
  ENOTDIR: systemErrors.notFolder,
  EISDIR: systemErrors.isFolder,
  EBUSY: systemErrors.busy,
  EMFILE: systemErrors.tooManyOpen,
  ENFILE: systemErrors.tooManyOpen,
};

/** `prefix` goes before a translated error only (the command's own errors carry theirs). */
export function systemErrorText(error: unknown, prefix = ''): string {
  // not `instanceof Error`: an error raised in another realm (a worker, a vm context) is no instance
  if (typeof error !== 'object' || error === null || typeof (error as Error).message !== 'string') return String(error);
  const { code, path } = error as NodeJS.ErrnoException;
  const say = code === undefined ? undefined : BY_CODE[code];
  return say ? `${prefix}${say(path)}` : (error as Error).message;
}
