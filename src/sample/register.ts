/**
 * The register of known services written beside the sample (`reference/services.csv`): every unit of
 * the sample universe open that year, whether it sent a return or not — the synthetic stand-in for
 * the CNAF list of approved mediation services and the Justice list of espaces de rencontre.
 *
 * Contract (read by the pipeline): UTF-8 without BOM, `,`-separated, header
 * `annee,enquete,service,departement,sites,consentement`, one row per known service per year, sorted by annee,
 * enquete, service (code-unit order).
 *
 * @example
 *   registerCsv(universe, [2024]).split('\n')[1]; // "2024,mediation,MF-01-001,01,4,2023-05-17": annee, enquete, service, departement, sites, consentement
 */
import { createHash } from 'node:crypto';
import type { Universe } from './universe.ts';

/** Where the register goes, below `data-raw/`. */
export const REGISTER_PATH = 'reference/services.csv';

/**
 * The register's own listing, beside it: the sha256 of the register the sample wrote. `mfer sample`
 * replaces `REGISTER_PATH` only when it is still that file — never a real register put in its place —,
 * and the listing travels with `reference/` when that folder is copied without the returns.
 */
export const REGISTER_LIST = 'reference/.mfer-sample';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** The content of `REGISTER_LIST` for the register `register` (its bytes). */
export function registerListing(register: Uint8Array): string {
  return `# registre écrit par mfer sample : il ne le remplace que s'il est resté tel quel\n${sha256(register)}  services.csv\n`;
}

/** Whether `register` (bytes on disk) is the very file that the listing `listing` records. */
export function writtenBySample(listing: string, register: Uint8Array): boolean {
  return listing.split('\n').some((line) => line === `${sha256(register)}  services.csv`);
}

export const REGISTER_HEADER = ['annee', 'enquete', 'service', 'departement', 'sites', 'consentement'] as const;

export interface RegisterRow {
  annee: number;
  enquete: 'mediation' | 'rencontre';
  service: string;
  departement: string;
  sites: number;
  /** date of the agreement to publish the service's own figures (AAAA-MM-JJ), or '' */
  consentement: string;
}

/**
 * A sample choice: about two services in three agreed to the publication of their own figures, on a
 * date of their first year open, both drawn from a hash of the service's code (stable whatever the
 * seed, so the register's consents do not move when the returns are drawn again).
 */
export function sampleConsent(service: string, firstYear: number): string {
  const h = createHash('sha256').update(`consentement:${service}`).digest();
  if (h[0] % 3 === 0) return '';
  return `${firstYear}-${String(1 + (h[1] % 12)).padStart(2, '0')}-${String(1 + (h[2] % 28)).padStart(2, '0')}`;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The register's rows for `years`, sorted as the contract says. */
export function registerRows(universe: Universe, years: readonly number[]): RegisterRow[] {
  const rows: RegisterRow[] = [];
  for (const annee of [...years].sort((a, b) => a - b)) {
    for (const enquete of ['mediation', 'rencontre'] as const) {
      const open = universe[enquete].filter((u) => u.years.includes(annee));
      for (const u of [...open].sort((a, b) => compare(a.id, b.id))) rows.push({ annee, enquete, service: u.id, departement: u.departement, sites: u.sites, consentement: sampleConsent(u.id, Math.min(...u.years)) });
    }
  }
  return rows;
}

/** The register as the CSV text of the contract (no field needs quoting: codes and integers only). */
export function registerCsv(universe: Universe, years: readonly number[]): string {
  const lines = registerRows(universe, years).map((r) => [r.annee, r.enquete, r.service, r.departement, r.sites, r.consentement].join(','));
  return `${[REGISTER_HEADER.join(','), ...lines].join('\n')}\n`;
}
