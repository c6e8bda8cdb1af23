/**
 * The shipped sample through the ingest stages: every planted defect (`data-raw/returns/defects.json`,
 * written by the generator) is where the generator says, with the fate it says, and every file reconciles.
 */
import { existsSync, readFileSync } from 'node:fs';
import { readReturns } from '../../src/ingest/read-returns.ts';
import { harmonize } from '../../src/harmonize/harmonize.ts';
import { validate } from '../../src/validate/validate.ts';
import type { ValidatedYear } from '../../src/validate/types.ts';
import { dictionaries, geography } from '../validate/fixtures.ts';

interface Defect {
  year: number;
  survey: 'mediation' | 'rencontre';
  kind: string;
  expected: 'accepted' | 'rejected' | 'ignored';
  file: string;
  row: number;
  field: string;
}

const defects: Defect[] = existsSync('data-raw/returns/defects.json') ? JSON.parse(readFileSync('data-raw/returns/defects.json', 'utf8')) : [];
const years = [...new Set(defects.map((d) => d.year))].sort();
const validated = new Map<number, ValidatedYear>();

beforeAll(async () => {
  for (const year of years) validated.set(year, validate(await readReturns('data-raw', year), dictionaries, geography));
});

describe('the shipped sample', () => {
  it('has planted defects of every kind the issue lists', () => {
    expect(new Set(defects.map((d) => d.kind)).size).toBeGreaterThanOrEqual(8);
  });

  it('every file reconciles: rows_read = rows_accepted + rows_rejected', () => {
    for (const v of validated.values()) {
      expect(v.inputs.length).toBeGreaterThan(0);
      for (const input of v.inputs) expect([input.path, input.rows_read]).toEqual([input.path, input.rows_accepted + input.rows_rejected]);
    }
  });

  it('every defect expected rejected is in the rejects at its file and row, and nothing else is rejected', () => {
    for (const year of years) {
      const v = validated.get(year) as ValidatedYear;
      const rejectedRows = new Set(v.rejects.map((r) => `${r.file}#${r.row}`));
      const expected = defects.filter((d) => d.year === year && d.expected === 'rejected').map((d) => `${d.file}#${d.row}`);
      expect([...rejectedRows].sort()).toEqual([...new Set(expected)].sort());
      for (const reject of v.rejects) expect(reject.reason).not.toBe('');
    }
  });

  it('defects expected accepted are normalised and kept', () => {
    for (const defect of defects.filter((d) => d.expected === 'accepted')) {
      const v = validated.get(defect.year) as ValidatedYear;
      expect(v.rejects.filter((r) => r.file === defect.file && r.row === defect.row)).toEqual([]);
    }
    const all = [...validated.values()].flatMap((v) => [...v.mediation.rows, ...v.rencontre.rows]);
    expect(all.every((row) => /^(\d{2}|2[AB]|97\d)$/.test(row.departement))).toBe(true);
  });

  it('orders of magnitude: about 270 services and 230 structures a year', () => {
    for (const v of validated.values()) {
      const year = harmonize(v, geography);
      expect(year.mediation.length).toBeGreaterThan(230);
      expect(year.mediation.length).toBeLessThan(320);
      expect(year.rencontre.length).toBeGreaterThan(190);
      expect(year.rencontre.length).toBeLessThan(270);
    }
  });
});
