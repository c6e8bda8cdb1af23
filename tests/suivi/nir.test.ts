import { isValidNir, nirProblem, normaliseNir } from '../../src/suivi/nir.ts';

// keys computed by hand (97 − number mod 97, with BigInt outside the code under test);
// 2 69 05 49 588 157 80 is the example the social-security administration publishes
describe('NIR key check', () => {
  it('accepts a NIR whose key is right, typed with or without separators', () => {
    expect(isValidNir('269054958815780')).toBe(true);
    expect(isValidNir('2 69 05 49 588 157 80')).toBe(true);
    expect(isValidNir('2.69.05.49.588.157-80')).toBe(true);
    expect(isValidNir('184127645108946')).toBe(true);
  });

  it('refuses a wrong key, naming the key as the reason', () => {
    expect(isValidNir('269054958815781')).toBe(false);
    expect(nirProblem('269054958815781')).toBe('cle');
    expect(nirProblem('269054958815780')).toBeUndefined();
  });

  it('refuses the wrong shape (length, letters, first digit)', () => {
    expect(nirProblem('26905495881578')).toBe('forme');
    expect(nirProblem('2690549588157800')).toBe('forme');
    expect(nirProblem('569054958815780')).toBe('forme');
    expect(nirProblem('2690549X8815780')).toBe('forme');
  });

  it('computes Corsica keys with 2A as 19 and 2B as 18', () => {
    expect(isValidNir('1 85 05 2A 123 456 33')).toBe(true);
    expect(isValidNir('1 85 05 2B 123 456 60')).toBe(true);
    expect(isValidNir('1 85 05 2a 123 456 33')).toBe(true);
    // the keys of the other Corsican department do not fit
    expect(nirProblem('1 85 05 2A 123 456 60')).toBe('cle');
    expect(nirProblem('1 85 05 2B 123 456 33')).toBe('cle');
  });

  it('normalises separators and case', () => {
    expect(normaliseNir(' 1 85 05 2a 123-456.33 ')).toBe('185052A12345633');
  });
});
