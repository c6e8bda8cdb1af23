import { describeFailure } from '../../src/cli/audit.ts';
import { auditPassed } from '../../src/cli/messages.ts';
import { auditInterval } from '../../src/protect/messages.ts';

describe('mfer audit failure lines', () => {
  it('does not present a side of the interval it never computed as infinite', () => {
    const line = describeFailure({ table: 't', codes: ['61', 'sans_accord'], value: 3, check: 'A', lo: 3, requiredLo: 2, requiredHi: 4 });
    expect(line).toBe(auditInterval(['61', 'sans_accord'], 3, 3, undefined, 2, 4));
    expect(line).not.toMatch(/∞/);
    expect(line).toContain('61 × sans_accord');
  });

  it('signs an unbounded side', () => {
    expect(auditInterval(['FR'], 3, -Infinity, Infinity, 2, 4)).toContain('[−∞ ; +∞]');
  });
});

describe('mfer audit success line', () => {
  it('agrees with the count: none, one, several', () => {
    expect(auditPassed(0)).toContain('aucune cellule sous secret primaire');
    expect(auditPassed(1)).toContain('la cellule sous secret primaire est protégée');
    expect(auditPassed(12)).toContain('les 12 cellules sous secret primaire sont protégées');
    expect(new Set([0, 1, 12].map(auditPassed)).size).toBe(3);
  });
});
