/**
 * The NIR (numéro d'inscription au répertoire, « numéro de sécurité sociale »): 13 characters and a
 * 2-digit key, the key being 97 minus the 13-digit number modulo 97. Corsica's departments `2A` and
 * `2B` count as 19 and 18 in the key's computation (their numbers before 1976 were 20).
 * Spaces, dots and hyphens typed inside a NIR are ignored.
 *
 * @example
 *   isValidNir('1 84 12 76 451 089 46'); // true
 *   isValidNir('1841276451089 47');      // false (wrong key)
 */

/** A NIR as typed → its 15 characters without separators, upper case. */
export function normaliseNir(text: string): string {
  // most NIRs come typed without separators: one test instead of a replace and a copy
  return TYPED_PLAIN.test(text) ? text : text.replace(/[\s.\-]/g, '').toUpperCase();
}

const TYPED_PLAIN = /^[0-9AB]*$/;

// sex (1, 2; 3, 4, 7, 8 for temporary numbers), year, month, department (2A, 2B), commune, order, key
const NIR_SHAPE = /^[123478]\d{4}(?:\d{2}|2[AB])\d{6}\d{2}$/;

/** The key of the first 13 characters of a NIR (Corsica's letters replaced as the rule says). */
export function nirKey(first13: string): number {
  const digits = first13.replace('2A', '19').replace('2B', '18');
  // 13 digits stay below 2^53: an ordinary number is exact
  return 97 - (Number(digits) % 97);
}

/** Whether a text is a NIR of the right shape whose key is right. */
export function isValidNir(text: string): boolean {
  const nir = normaliseNir(text);
  if (!NIR_SHAPE.test(nir)) return false;
  return nirKey(nir.slice(0, 13)) === Number(nir.slice(13));
}

/** Why a NIR is refused (`forme` or `cle`), or undefined when valid. */
export function nirProblem(text: string): 'forme' | 'cle' | undefined {
  const nir = normaliseNir(text);
  if (!NIR_SHAPE.test(nir)) return 'forme';
  return nirKey(nir.slice(0, 13)) === Number(nir.slice(13)) ? undefined : 'cle';
}
