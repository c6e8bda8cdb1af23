/**
 * French messages of the run machinery (lock, atomic publication, run log). Code and tests call the
 * same functions, so no test hard-codes a sentence (STYLE §6).
 */

/** A second run found the lock of a live one. */
export function lockBusy(lockPath: string, pid: number): string {
  return `mfer : une autre exécution (processus ${pid}) est déjà en cours (verrou « ${lockPath} ») ; attendez qu'elle se termine puis relancez.`;
}

/** A lock left by a dead process was taken over. */
export function lockStale(lockPath: string, pid: number): string {
  return `mfer : verrou abandonné par le processus ${pid}, qui n'existe plus (« ${lockPath} ») ; il est repris.`;
}

/** A swap interrupted by an earlier run (killed between its two renames) was undone. */
export function swapRecovered(path: string): string {
  return `mfer : publication interrompue détectée, version précédente remise en place (« ${path} »).`;
}

/** An output path that does not start with one of the run's years (a programming error). */
export function outputOutsideYears(path: string, years: readonly number[]): string {
  return `mfer : le fichier de sortie « ${path} » ne commence pas par une des années traitées (${years.join(', ')}).`;
}

/** Two output files with the same path (a programming error). */
export function duplicateOutput(path: string): string {
  return `mfer : deux fichiers de sortie portent le même chemin « ${path} ».`;
}

/** An output folder that exists but cannot be written (read-only): said before anything is written. */
export function rootNotWritable(path: string): string {
  return `mfer : impossible d'écrire dans « ${path} » (dossier en lecture seule ?) ; rien n'a été publié, les sorties précédentes sont intactes. Rendez-le accessible en écriture ou choisissez un autre dossier (--out, --reports).`;
}
