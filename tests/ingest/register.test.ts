/** The register of known services: its contract, and French errors naming the file, row and column. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { registerMessages as m } from '../../src/ingest/messages.ts';
import { loadRegister, parseRegister } from '../../src/ingest/register.ts';

const departments = new Set(['01', '2A', '976']);
const header = 'annee,enquete,service,departement,sites';

describe('parseRegister', () => {
  it('reads one row per service and year, with a BOM and a blank line', () => {
    const text = `\ufeff${header}\n2025,mediation,MF-01-001,01,3\n\n2025,rencontre,ER-2A-001,2A,1\n2024,mediation,MF-01-001,01,3\n`;
    expect(parseRegister(text, 'services.csv', departments)).toEqual([
      { year: 2025, survey: 'mediation', service: 'MF-01-001', department: '01', sites: 3 },
      { year: 2025, survey: 'rencontre', service: 'ER-2A-001', department: '2A', sites: 1 },
      { year: 2024, survey: 'mediation', service: 'MF-01-001', department: '01', sites: 3 },
    ]);
  });

  it('names the file, the row (header = 1) and the column of a bad value', () => {
    const bad = (row: string) => () => parseRegister(`${header}\n2025,mediation,MF-01-001,01,3\n${row}\n`, 'services.csv', departments);
    expect(bad('2025,médiation,MF-01-002,01,1')).toThrow(m.invalid('services.csv', 3, 'enquete', 'médiation', '« mediation » ou « rencontre »'));
    expect(bad('2025,mediation,MF-20-001,20,1')).toThrow(m.invalid('services.csv', 3, 'departement', '20', 'un département du référentiel'));
    expect(bad('25,mediation,MF-01-002,01,1')).toThrow(m.invalid('services.csv', 3, 'annee', '25', 'une année sur quatre chiffres'));
    expect(bad('2025,mediation,MF-01-002,01,deux')).toThrow(m.invalid('services.csv', 3, 'sites', 'deux', 'un nombre entier de sites'));
    expect(bad('2025,mediation,MF-01-001,01,2')).toThrow(m.duplicate('services.csv', 3, 'MF-01-001', 2025));
  });

  it('reads the optional consent column: a date, or empty for no agreement', () => {
    const text = `${header},consentement\n2025,mediation,MF-01-001,01,3,2024-03-15\n2025,mediation,MF-01-002,01,2,\n`;
    expect(parseRegister(text, 'services.csv', departments).map((r) => [r.service, r.consent])).toEqual([
      ['MF-01-001', '2024-03-15'],
      ['MF-01-002', undefined],
    ]);
    const bad = (value: string) => () => parseRegister(`${header},consentement\n2025,mediation,MF-01-001,01,3,${value}\n`, 'services.csv', departments);
    expect(bad('oui')).toThrow(m.invalid('services.csv', 2, 'consentement', 'oui', 'une date AAAA-MM-JJ ou rien'));
    expect(bad('2024-02-30')).toThrow(m.invalid('services.csv', 2, 'consentement', '2024-02-30', 'une date AAAA-MM-JJ ou rien'));
  });

  it('refuses a file without the contract\'s columns', () => {
    expect(() => parseRegister('annee,service\n2025,MF-01-001\n', 'services.csv', departments)).toThrow(m.missingColumns('services.csv', ['enquete', 'departement', 'sites']));
  });
});

describe('loadRegister', () => {
  it('is empty when the reference folder has no register, and reads it when present', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mfer-register-'));
    try {
      expect(loadRegister(dir, departments)).toEqual([]);
      writeFileSync(join(dir, 'services.csv'), `${header}\n2025,mediation,MF-976-001,976,1\n`);
      expect(loadRegister(dir, departments)).toHaveLength(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
