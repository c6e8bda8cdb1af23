/**
 * Messages of the commands themselves (arguments, files that cannot be read or written, what was
 * done), in French (STYLE §6). Messages about the content of a file live with its stage or format.
 */

export const cliMissingOption = (command: string, option: string) => `mfer ${command} : l'option ${option} est obligatoire.`;
export const cliCannotRead = (path: string) => `Impossible de lire le fichier « ${path} ».`;
export const cliCannotWrite = (path: string) => `Impossible d'écrire le fichier « ${path} ».`;
export const cliOutIsInput = (path: string) => `mfer protect : --out « ${path} » est aussi un fichier d'entrée ; les cellules l'écraseraient. Choisissez un autre fichier de sortie.`;
export const protectDone = (out: string, cells: number, primary: number, secondary: number) =>
  `mfer protect : ${cells} cellules écrites dans ${out} (${primary} sous secret primaire, ${secondary} sous secret secondaire).`;
export const protectNotProven = (rounds: number) =>
  `mfer protect : attention, après ${rounds} tours la protection n'est pas entièrement prouvée ; lancez mfer audit avant toute diffusion.`;
export const auditPassed = (checked: number) =>
  checked === 0
    ? 'mfer audit : aucune cellule sous secret primaire, rien à protéger ; les statuts sont conformes aux règles.'
    : checked === 1
      ? 'mfer audit : la cellule sous secret primaire est protégée (exigences A, B et C).'
      : `mfer audit : les ${checked} cellules sous secret primaire sont protégées (exigences A, B et C).`;
export const auditInsiderSkipped = (cells: number, limit: number) =>
  `mfer audit : attention, exigence C (l'initié) non vérifiée : tableau de comptages de ${cells} cellules, au-delà de la limite de ${limit}.`;
export const auditFailed = (failures: number) => `mfer audit : ${failures} vérification(s) en échec.`;

/** Messages of `mfer annual` itself (arguments, nothing to do, configuration that cannot be read). */
export const annualMessages = {
  badYear: (value: string) => `mfer annual : année invalide « ${value} » (attendu : quatre chiffres, par exemple 2024).`,
  unknownOption: (option: string) => `mfer annual : option inconnue « ${option} ».`,
  missingValue: (option: string) => `mfer annual : l'option ${option} attend une valeur.`,
  outputOverReturns: (path: string) =>
    `mfer annual : « ${path} » est le dossier des réponses ; les sorties de chaque année y remplaceraient les réponses de cette année. Choisissez un autre dossier pour --out et --reports.`,
  sameOutputs: (path: string) =>
    `mfer annual : --out et --reports désignent le même dossier « ${path} » ; chacun y écrit un dossier par année, les rapports remplaceraient les tables.`,
  badSourceDateEpoch: (value: string) =>
    `mfer annual : la variable d'environnement SOURCE_DATE_EPOCH vaut « ${value.length > 40 ? `${value.slice(0, 40)}…` : value} » ; attendu : un nombre entier de secondes depuis le 1er janvier 1970 donnant une date avant l'an 275760 (par exemple 1767225600 pour le 1er janvier 2026), ou la variable absente.`,
  missingInput: (path: string) => `mfer annual : dossier d'entrée introuvable « ${path} ».`,
  noYear: (path: string) => `mfer annual : aucune année à traiter sous « ${path}/returns/ » (dossiers attendus : returns/<année>/mediation et returns/<année>/rencontre).`,
  yearAbsent: (year: number, path: string) => `mfer annual : pas de dossier « ${path}/returns/${year} ».`,
  nothingAccepted: () => 'mfer annual : aucune ligne acceptée, rien n’a pu être traité.',
  strictRejects: (count: number) => `mfer annual : ${count} rejet(s) et l’option --strict est active.`,
  failed: (message: string) => `mfer annual : ${message}`,
  /** The run's last line: both output folders, what was set aside, what is left to check. */
  done: (run: { years: readonly number[]; out: string; reports: string; rejected: number; dropped: number; unpublished?: readonly number[]; checks?: number }) =>
    `mfer annual : terminé (${run.years.join(', ')}) ; tables dans « ${run.out} », rapports dans « ${run.reports} » ; ${run.rejected} ligne(s) rejetée(s) et ${run.dropped} fichier(s) écarté(s) (rejects.csv)${(run.checks ?? 0) > 0 ? ` ; ${run.checks} valeur(s) à vérifier (a-verifier.csv)` : ''}${(run.unpublished ?? []).length > 0 ? ` ; non publiée(s), aucune ligne acceptée : ${(run.unpublished ?? []).join(', ')}` : ''}.`,
  strictChecks: (count: number) => `mfer annual : ${count} valeur(s) à vérifier (a-verifier.csv) et l’option --strict est active.`,
};
