/**
 * Coverage: the register's known services against the respondents, and how a territory stands
 * (none / nd / partial / full), with and without a register.
 */
import { availability, countsOver, coverageOf, respondentsOver } from '../../src/harmonize/coverage.ts';
import type { KnownService } from '../../src/model/coverage.ts';

const known = (service: string, department: string, survey: 'mediation' | 'rencontre' = 'mediation', year = 2025): KnownService => ({ year, survey, service, department, sites: 1 });

describe('coverageOf', () => {
  // D1: two known, one answered; D2: one known, none answered; D3: none known; a respondent the
  // register forgot (S9 in D3) still counts as known; the 2024 register row is another year's
  const register = [known('S1', 'D1'), known('S2', 'D1'), known('S3', 'D2'), known('S4', 'D4', 'mediation', 2024), known('E1', 'D1', 'rencontre')];
  const coverage = coverageOf(register, 2025, {
    mediation: [
      { id: 'S1', departement: 'D1' },
      { id: 'S9', departement: 'D3' },
    ],
    rencontre: [{ id: 'E1', departement: 'D1' }],
  });

  it('counts known services and respondents per department, the year\'s register only', () => {
    expect(countsOver(coverage.mediation, ['D1'])).toEqual({ known: 2, respondents: 1 });
    expect(countsOver(coverage.mediation, ['D2'])).toEqual({ known: 1, respondents: 0 });
    expect(countsOver(coverage.mediation, ['D3'])).toEqual({ known: 1, respondents: 1 });
    expect(countsOver(coverage.mediation, ['D4'])).toEqual({ known: 0, respondents: 0 });
    expect(countsOver(coverage.mediation, ['D1', 'D2', 'D3', 'D4'])).toEqual({ known: 4, respondents: 2 });
    expect(respondentsOver(coverage.mediation, ['D1', 'D3'])).toEqual(['S1', 'S9']);
  });

  it('tells no service (-) from no usable return (nd), and partial from full response', () => {
    expect(availability(coverage.mediation, ['D4'])).toBe('none');
    expect(availability(coverage.mediation, ['D2'])).toBe('nd');
    expect(availability(coverage.mediation, ['D1'])).toBe('partial');
    expect(availability(coverage.rencontre, ['D1'])).toBe('full');
    // an area is nd only when none of its departments answered
    expect(availability(coverage.mediation, ['D2', 'D4'])).toBe('nd');
    expect(availability(coverage.mediation, ['D1', 'D2'])).toBe('partial');
  });

  it('without a register, cannot say a territory has no service: a territory without respondent is nd', () => {
    const bare = coverageOf([], 2025, { mediation: [{ id: 'S1', departement: 'D1' }], rencontre: [] });
    expect(bare.mediation.fromRegister).toBe(false);
    expect(availability(bare.mediation, ['D1'])).toBe('full');
    expect(availability(bare.mediation, ['D2'])).toBe('nd');
    expect(availability(bare.rencontre, ['D1'])).toBe('nd');
  });
});
