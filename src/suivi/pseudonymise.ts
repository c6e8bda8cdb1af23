/**
 * A partner's raw follow-up file (a grid of text cells with identifiers) → the contract's file:
 * `enfant` and `famille` become pseudonyms (HMAC-SHA-256 under the key, see `pseudonym.ts`), every
 * identifier column is dropped, the other columns of the source's dictionary are copied in its order,
 * and with `months` the exact dates are coarsened to `AAAA-MM`. A row whose identifier is invalid
 * becomes a reject (its line and the reason, never the identifier).
 *
 * The child is identified by its NIR when the row gives one (key checked, Corsica's 2A/2B), else by
 * surname, first names, birth date and sex, normalised (`identity.ts`). The family is identified by
 * its parents: each parent's identifier, sorted, so that the order in which a partner lists the
 * parents does not matter; a parent whose columns are all empty is skipped (a lone parent).
 *
 * @example
 *   const out = pseudonymiseGrid(grid, dictionary, identifiers, key, { months: false });
 *   out.header; // ["enfant", "famille", "service", "departement", …]
 */
import type { IdentifierConfig, PersonColumns, SuiviDictionary } from './contract.ts';
import { identityText } from './identity.ts';
import { suiviMessages as m } from './messages.ts';
import { normaliseNir, nirProblem } from './nir.ts';
import { pseudonym } from './pseudonym.ts';

export interface PseudonymiseOptions {
  /** coarsen the identifier config's date columns to `AAAA-MM` */
  months: boolean;
}

export interface PseudonymiseReject {
  /** the raw file's line (header = 1) */
  ligne: number;
  motif: string;
}

export interface PseudonymisedGrid {
  header: string[];
  rows: string[][];
  rejects: PseudonymiseReject[];
}

/** The columns a raw file must have besides its identifiers: the dictionary's, pseudonyms aside. */
export function copiedColumns(dictionary: SuiviDictionary): string[] {
  return Object.entries(dictionary.fields).filter(([, f]) => f.type !== 'pseudonym').map(([name]) => name);
}

type Cells = (column: string) => string;

/** One person's identifier text, `undefined` when all their columns are empty, or a reason. */
function personIdentifier(person: PersonColumns, cell: Cells, who: string): { id: string } | { reason: string } | undefined {
  const nir = cell(person.nir).trim();
  if (nir !== '') {
    const problem = nirProblem(nir);
    if (problem === 'forme') return { reason: m.nirShape(person.nir) };
    if (problem === 'cle') return { reason: m.nirKey(person.nir) };
    return { id: `NIR:${normaliseNir(nir)}` };
  }
  const parts = { nom: cell(person.nom), prenoms: cell(person.prenoms), naissance: cell(person.naissance), sexe: cell(person.sexe) };
  if (Object.values(parts).every((v) => v.trim() === '')) return undefined;
  const identity = identityText(parts);
  return 'problem' in identity ? { reason: m.identity(who, identity.problem) } : { id: `ID:${identity.text}` };
}

export function pseudonymiseGrid(grid: readonly (readonly string[])[], dictionary: SuiviDictionary, identifiers: IdentifierConfig, key: Uint8Array, options: PseudonymiseOptions): PseudonymisedGrid {
  const [rawHeader = [], ...body] = grid;
  const index = new Map(rawHeader.map((h, i) => [h.trim(), i] as const));
  const copied = copiedColumns(dictionary);
  const header = Object.keys(dictionary.fields);
  const dates = new Set(options.months ? identifiers.dates : []);
  const rows: string[][] = [];
  const rejects: PseudonymiseReject[] = [];
  body.forEach((raw, r) => {
    const ligne = r + 2;
    if (raw.every((c) => c.trim() === '')) return; // a blank line is no row
    const cell: Cells = (column) => {
      const i = index.get(column);
      return i === undefined ? '' : (raw[i] ?? '');
    };
    const child = personIdentifier(identifiers.enfant, cell, 'enfant');
    if (child === undefined) return rejects.push({ ligne, motif: m.noIdentifier('enfant') });
    if ('reason' in child) return rejects.push({ ligne, motif: child.reason });
    const parents: string[] = [];
    for (const [i, person] of identifiers.parents.entries()) {
      const parent = personIdentifier(person, cell, `parent ${i + 1}`);
      if (parent === undefined) continue;
      if ('reason' in parent) return rejects.push({ ligne, motif: parent.reason });
      parents.push(parent.id);
    }
    if (parents.length === 0) return rejects.push({ ligne, motif: m.noIdentifier('parents') });
    const values: Record<string, string> = {
      enfant: pseudonym(key, 'enfant', child.id),
      famille: pseudonym(key, 'famille', parents.sort().join('+')),
    };
    for (const column of copied) {
      const value = cell(column).trim();
      if (dates.has(column) && value !== '') {
        if (!/^\d{4}-\d{2}(-\d{2})?$/.test(value)) return rejects.push({ ligne, motif: m.badDate(column) });
        values[column] = value.slice(0, 7);
      } else values[column] = value;
    }
    rows.push(header.map((h) => values[h] ?? ''));
  });
  return { header, rows, rejects };
}

/** The raw columns a file lacks: copied columns, and the child's identifier (NIR, or all four parts). */
export function missingRawColumns(rawHeader: readonly string[], dictionary: SuiviDictionary, identifiers: IdentifierConfig): string[] {
  const present = new Set(rawHeader.map((h) => h.trim()));
  const missing = copiedColumns(dictionary).filter((c) => !present.has(c));
  const child = identifiers.enfant;
  const byName = [child.nom, child.prenoms, child.naissance, child.sexe];
  if (!present.has(child.nir) && !byName.every((c) => present.has(c))) missing.push(...[child.nir, ...byName].filter((c) => !present.has(c)));
  return missing;
}
