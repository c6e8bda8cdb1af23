import { harmonize } from '../../src/harmonize/harmonize.ts';
import type { ValidatedYear } from '../../src/validate/types.ts';
import { ainService, ajaccioStructure, geography } from '../validate/fixtures.ts';

function validated(overrides: Partial<ValidatedYear> = {}): ValidatedYear {
  return {
    year: 2024,
    mediation: { survey: 'mediation', rows: [ainService({ service_id: 'MF-69-001', departement: '69' }), ainService({ service_id: 'MF-01-002' }), ainService()] },
    rencontre: { survey: 'rencontre', rows: [ajaccioStructure()] },
    rejects: [],
    inputs: [],
    notices: [],
    ...overrides,
  };
}

describe('harmonize', () => {
  it('keeps every row, ordered by department then id, with the geography', () => {
    const year = harmonize(validated(), geography);
    expect(year.year).toBe(2024);
    expect(year.geography).toBe(geography);
    expect(year.mediation.map((r) => r.service_id)).toEqual(['MF-01-001', 'MF-01-002', 'MF-69-001']);
    expect(year.rencontre).toEqual([ajaccioStructure()]);
  });

  it('every row rolls up to one region and one court', () => {
    const year = harmonize(validated(), geography);
    const byCode = new Map(geography.departments.map((d) => [d.code, d]));
    for (const row of [...year.mediation, ...year.rencontre]) {
      const department = byCode.get(row.departement);
      expect(department?.region).toMatch(/^R\d+$/);
      expect(department?.court).toMatch(/^CA-/);
    }
  });

  it('does not mutate its input', () => {
    const input = validated();
    const before = JSON.stringify(input);
    harmonize(input, geography);
    expect(JSON.stringify(input)).toBe(before);
  });

  it('refuses a department outside the reference (validation should have rejected it)', () => {
    expect(() => harmonize(validated({ rencontre: { survey: 'rencontre', rows: [ajaccioStructure({ departement: '99' })] } }), geography)).toThrow(/99/);
  });
});
