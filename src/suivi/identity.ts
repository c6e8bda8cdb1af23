/**
 * The identity of a person without a NIR, normalised so that two partners typing the same person
 * differently still give one text: surname and first names upper case, accents and ligatures
 * removed, hyphens, apostrophes, dots and runs of spaces folded into one space; the birth date as
 * `AAAA-MM-JJ` (typed `AAAA-MM-JJ` or `JJ/MM/AAAA`); the sex as `1` (male) or `2` (female), the NIR's
 * own coding (typed 1/2, M/F, H/F).
 *
 * @example
 *   normaliseName("  Lefèvre-d'Ornano ");   // "LEFEVRE D ORNANO"
 *   normaliseBirthDate('07/03/2015');       // "2015-03-07"
 *   normaliseSex('F');                      // "2"
 */

const LIGATURES: Readonly<Record<string, string>> = { Œ: 'OE', Æ: 'AE', ß: 'SS' };

/** Surname or first names → upper case, no accents, separators folded; "" when nothing is left. */
export function normaliseName(text: string): string {
  return text
    .toUpperCase()
    .replace(/[ŒÆß]/g, (c) => LIGATURES[c] ?? c)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[\s\-‐‑–—'’ʼ`´.,_]+/g, ' ')
    .trim();
}

/** A birth date → `AAAA-MM-JJ`, or undefined when it is not a real calendar date. */
export function normaliseBirthDate(text: string): string | undefined {
  const t = text.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  const french = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  const [year, month, day] = iso ? [iso[1], iso[2], iso[3]] : french ? [french[3], french[2], french[1]] : [];
  if (year === undefined || month === undefined || day === undefined) return undefined;
  const date = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  const parsed = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === date ? date : undefined;
}

/** A sex as typed → `1` or `2`, or undefined. */
export function normaliseSex(text: string): '1' | '2' | undefined {
  const t = text.trim().toUpperCase();
  if (t === '1' || t === 'M' || t === 'H') return '1';
  if (t === '2' || t === 'F') return '2';
  return undefined;
}

export type IdentityProblem = 'nom' | 'prenoms' | 'naissance' | 'sexe';

/**
 * Surname, first names, birth date and sex → the one text a pseudonym is computed from, or the
 * first part that is missing or invalid.
 */
export function identityText(parts: { nom: string; prenoms: string; naissance: string; sexe: string }): { text: string } | { problem: IdentityProblem } {
  const nom = normaliseName(parts.nom);
  if (nom === '') return { problem: 'nom' };
  const prenoms = normaliseName(parts.prenoms);
  if (prenoms === '') return { problem: 'prenoms' };
  const naissance = normaliseBirthDate(parts.naissance);
  if (naissance === undefined) return { problem: 'naissance' };
  const sexe = normaliseSex(parts.sexe);
  if (sexe === undefined) return { problem: 'sexe' };
  return { text: `${nom}|${prenoms}|${naissance}|${sexe}` };
}
