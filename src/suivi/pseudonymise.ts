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
import { pseudonymiser } from './pseudonym.ts';

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

/** A person's raw columns as indices in the raw header (-1: absent, read as empty). */
type PersonIndices = Record<keyof PersonColumns, number>;

const cellAt = (raw: readonly string[], i: number): string => (i < 0 ? '' : (raw[i] ?? ''));

/** One person's identifier text, `undefined` when all their columns are empty, or a reason. */
function personIdentifier(person: PersonColumns, at: PersonIndices, raw: readonly string[], who: string): { id: string } | { reason: string } | undefined {
  const nir = cellAt(raw, at.nir).trim();
  if (nir !== '') {
    const normal = normaliseNir(nir);
    const problem = nirProblem(normal);
    if (problem === 'forme') return { reason: m.nirShape(person.nir) };
    if (problem === 'cle') return { reason: m.nirKey(person.nir) };
    return { id: `NIR:${normal}` };
  }
  const parts = { nom: cellAt(raw, at.nom), prenoms: cellAt(raw, at.prenoms), naissance: cellAt(raw, at.naissance), sexe: cellAt(raw, at.sexe) };
  if (parts.nom.trim() === '' && parts.prenoms.trim() === '' && parts.naissance.trim() === '' && parts.sexe.trim() === '') return undefined;
  const identity = identityText(parts);
  return 'problem' in identity ? { reason: m.identity(who, identity.problem) } : { id: `ID:${identity.text}` };
}

/** What became of one raw row: its contract row, its reject, or nothing (a blank line). */
export type RowOutcome = { row: string[] } | { reject: PseudonymiseReject } | undefined;

/**
 * The function that pseudonymises one raw row of a file whose header is `rawHeader` (`ligne`: the
 * row's line in the raw file, header = 1). The columns are looked up once, the key imported once:
 * `mfer pseudonymise` calls it for each of millions of streamed rows.
 */
export function rowPseudonymiser(rawHeader: readonly string[], dictionary: SuiviDictionary, identifiers: IdentifierConfig, key: Uint8Array, options: PseudonymiseOptions): (raw: readonly string[], ligne: number) => RowOutcome {
  const index = new Map(rawHeader.map((h, i) => [h.trim(), i] as const));
  const at = (column: string) => index.get(column) ?? -1;
  const indices = (person: PersonColumns): PersonIndices => ({ nir: at(person.nir), nom: at(person.nom), prenoms: at(person.prenoms), naissance: at(person.naissance), sexe: at(person.sexe) });
  const child = { columns: identifiers.enfant, at: indices(identifiers.enfant) };
  const parents = identifiers.parents.map((person, i) => ({ columns: person, at: indices(person), who: `parent ${i + 1}` }));
  const copied = new Set(copiedColumns(dictionary));
  const dates = new Set(options.months ? identifiers.dates : []);
  // each output column: a pseudonym, a copied raw cell (a date to coarsen or not), or empty
  type Step = { kind: 'enfant' | 'famille' | 'empty' } | { kind: 'cell'; column: string; i: number; date: boolean };
  const plan = Object.keys(dictionary.fields).map((h): Step => (h === 'enfant' || h === 'famille' ? { kind: h } : copied.has(h) ? { kind: 'cell', column: h, i: at(h), date: dates.has(h) } : { kind: 'empty' }));
  const hmac = pseudonymiser(key);
  return (raw, ligne) => {
    if (raw.every((c) => c.trim() === '')) return undefined; // a blank line is no row
    const childId = personIdentifier(child.columns, child.at, raw, 'enfant');
    if (childId === undefined) return { reject: { ligne, motif: m.noIdentifier('enfant') } };
    if ('reason' in childId) return { reject: { ligne, motif: childId.reason } };
    const parentIds: string[] = [];
    for (const parent of parents) {
      const id = personIdentifier(parent.columns, parent.at, raw, parent.who);
      if (id === undefined) continue;
      if ('reason' in id) return { reject: { ligne, motif: id.reason } };
      parentIds.push(id.id);
    }
    if (parentIds.length === 0) return { reject: { ligne, motif: m.noIdentifier('parents') } };
    const row = new Array<string>(plan.length);
    for (let k = 0; k < plan.length; k++) {
      const step = plan[k];
      if (step.kind === 'enfant') row[k] = hmac('enfant', childId.id);
      else if (step.kind === 'famille') row[k] = hmac('famille', parentIds.sort().join('+'));
      else if (step.kind === 'empty') row[k] = '';
      else if (step.kind === 'cell') {
        const value = cellAt(raw, step.i).trim();
        if (step.date && value !== '') {
          if (!DATE.test(value)) return { reject: { ligne, motif: m.badDate(step.column) } };
          row[k] = value.slice(0, 7);
        } else row[k] = value;
      }
    }
    return { row };
  };
}

const DATE = /^\d{4}-\d{2}(-\d{2})?$/;

export function pseudonymiseGrid(grid: readonly (readonly string[])[], dictionary: SuiviDictionary, identifiers: IdentifierConfig, key: Uint8Array, options: PseudonymiseOptions): PseudonymisedGrid {
  const [rawHeader = [], ...body] = grid;
  const pseudonymise = rowPseudonymiser(rawHeader, dictionary, identifiers, key, options);
  const header = Object.keys(dictionary.fields);
  const rows: string[][] = [];
  const rejects: PseudonymiseReject[] = [];
  body.forEach((raw, r) => {
    const outcome = pseudonymise(raw, r + 2);
    if (outcome === undefined) return;
    if ('row' in outcome) rows.push(outcome.row);
    else rejects.push(outcome.reject);
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
