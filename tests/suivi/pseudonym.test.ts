import { createHmac } from 'node:crypto';
import { base32, pseudonym, PSEUDONYM } from '../../src/suivi/pseudonym.ts';

const keyA = new Uint8Array(32).fill(7);
const keyB = new Uint8Array(32).fill(8);

describe('pseudonyms', () => {
  it('encodes base 32 as RFC 4648 says (its test vectors, without padding)', () => {
    const enc = (s: string) => base32(new TextEncoder().encode(s));
    expect(['', 'f', 'fo', 'foo', 'foob', 'fooba', 'foobar'].map(enc)).toEqual(['', 'MY', 'MZXQ', 'MZXW6', 'MZXW6YQ', 'MZXW6YTB', 'MZXW6YTBOI']);
  });

  it('is deterministic for one key and fits the contract', () => {
    const p = pseudonym(keyA, 'enfant', 'NIR:269054958815780');
    expect(pseudonym(keyA, 'enfant', 'NIR:269054958815780')).toBe(p);
    expect(p).toMatch(PSEUDONYM);
    expect(p).toHaveLength(52);
  });

  it('is the HMAC-SHA-256 of the domain and identifier', () => {
    const mac = createHmac('sha256', keyA).update('enfant\u0000NIR:269054958815780').digest();
    expect(pseudonym(keyA, 'enfant', 'NIR:269054958815780')).toBe(base32(mac));
  });

  it('is unlinkable across keys: no pseudonym of one key appears under another', () => {
    const ids = Array.from({ length: 500 }, (_, i) => `ID:NOM${i}|PRENOM|2015-01-01|1`);
    const underA = new Set(ids.map((id) => pseudonym(keyA, 'enfant', id)));
    const underB = ids.map((id) => pseudonym(keyB, 'enfant', id));
    expect(underA.size).toBe(ids.length);
    expect(underB.filter((p) => underA.has(p))).toEqual([]);
    // nor do the same people share a prefix beyond chance (a leak of structure)
    const sharedPrefix = ids.filter((id) => pseudonym(keyA, 'enfant', id).slice(0, 4) === pseudonym(keyB, 'enfant', id).slice(0, 4));
    expect(sharedPrefix.length).toBeLessThan(3);
  });

  it('separates the child and family domains', () => {
    expect(pseudonym(keyA, 'enfant', 'NIR:269054958815780')).not.toBe(pseudonym(keyA, 'famille', 'NIR:269054958815780'));
  });
});
