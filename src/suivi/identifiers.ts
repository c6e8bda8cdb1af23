/**
 * The last guard before a follow-up file is read: a column whose header names a direct identifier
 * (nom, prénom, adresse, téléphone, courriel, NIR… as words of the header, accents and case aside),
 * or a cell holding a valid NIR, means the file was not pseudonymised (or badly): `mfer annual`
 * then stops, naming the file and the column, before anything is written.
 *
 * @example
 *   findIdentifier(['enfant', 'Nom de l’enfant'], [], DIRECTS); // { column: "Nom de l’enfant", kind: "entete" }
 *   findIdentifier(['enfant'], [['269054958815780']], DIRECTS); // { column: "enfant", kind: "nir", row: 2 }
 */
import { normaliseName } from './identity.ts';
import { isValidNir } from './nir.ts';

export interface IdentifierFinding {
  column: string;
  kind: 'entete' | 'nir';
  /** the file's line (the header is line 1), for a NIR value */
  row?: number;
}

/** The words of a header, normalised: "Téléphone_portable" → ["telephone", "portable"]. */
export function headerWords(header: string): string[] {
  return normaliseName(header.replace(/_/g, ' ')).toLowerCase().split(' ').filter((w) => w !== '');
}

// a NIR typed with separators is at most 21 characters ("2 69 05 49 588 157 80")
const MAYBE_NIR = /^[123478][\d\s.\-AB]{14,20}$/i;

/** The first column that looks like a direct identifier (headers first, then values row by row). */
export function findIdentifier(header: readonly string[], rows: readonly (readonly string[])[], directs: readonly string[]): IdentifierFinding | undefined {
  const words = new Set(directs);
  const named = header.find((h) => headerWords(h).some((w) => words.has(w)));
  if (named !== undefined) return { column: named, kind: 'entete' };
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    for (let c = 0; c < row.length; c++) {
      const cell = row[c].trim();
      if (MAYBE_NIR.test(cell) && isValidNir(cell)) return { column: header[c] ?? `colonne ${c + 1}`, kind: 'nir', row: r + 2 };
    }
  }
  return undefined;
}
