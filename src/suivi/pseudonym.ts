/**
 * A pseudonym: HMAC-SHA-256 under the partners' secret key of a normalised identifier, written in
 * base 32 (RFC 4648 alphabet `A-Z2-7`, no padding): 52 characters, inside the contract's 16 to 64.
 * A domain (`enfant`, `famille`) is hashed in front of the identifier, so that a person's pseudonym
 * as a child and as a parent differ. Without the key, a pseudonym cannot be recomputed from a NIR or
 * a name; under another key the same person gets an unrelated pseudonym (unlinkable).
 *
 * For millions of rows, `pseudonymiser(key)` imports the key once (a `KeyObject`) and returns the
 * function of a domain and an identifier: the same pseudonyms, without re-reading the key per value.
 *
 * @example
 *   pseudonym(key, 'enfant', 'NIR:269054958815780'); // "Q7…" (52 characters A-Z2-7)
 *   const p = pseudonymiser(key); p('enfant', 'NIR:269054958815780'); // the same
 */
import { createHmac, createSecretKey } from 'node:crypto';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

const CODES = Uint8Array.from(ALPHABET, (c) => c.charCodeAt(0));

/** Bytes → RFC 4648 base 32 without padding. */
export function base32(bytes: Uint8Array): string {
  return base32OfLatin1(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1'));
}

/** The letters of a digest (32 bytes: 52 letters) are written here, reused from call to call. */
const OUT = Buffer.allocUnsafe(64);

/**
 * Base 32 of bytes given as a latin1 string (one character a byte), written as ASCII codes into a
 * buffer and read back as one string: no Buffer is allocated for a digest nor for its letters.
 */
function base32OfLatin1(bytes: string): string {
  const out = bytes.length * 8 <= OUT.length * 5 ? OUT : Buffer.allocUnsafe(Math.ceil((bytes.length * 8) / 5));
  let n = 0;
  let buffer = 0;
  let bits = 0;
  for (let i = 0; i < bytes.length; i++) {
    buffer = ((buffer << 8) | bytes.charCodeAt(i)) & 0xffff;
    bits += 8;
    while (bits >= 5) {
      out[n++] = CODES[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out[n++] = CODES[(buffer << (5 - bits)) & 31];
  return out.toString('latin1', 0, n);
}

export type PseudonymDomain = 'enfant' | 'famille';

export function pseudonym(key: Uint8Array, domain: PseudonymDomain, identifier: string): string {
  return pseudonymiser(key)(domain, identifier);
}

/**
 * `pseudonym` under one key, the key imported once, the digest read as a latin1 string (`binary`:
 * building the digest's Buffer was most of the cost of a value; see bench/README.md).
 */
export function pseudonymiser(key: Uint8Array): (domain: PseudonymDomain, identifier: string) => string {
  const secret = createSecretKey(key);
  return (domain, identifier) => base32OfLatin1(createHmac('sha256', secret).update(`${domain}\u0000${identifier}`, 'utf8').digest('binary'));
}

/** The contract's shape of a pseudonym: 16 to 64 characters `[A-Z2-7]`. */
export const PSEUDONYM = /^[A-Z2-7]{16,64}$/;
