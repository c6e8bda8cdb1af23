/**
 * The synthetic follow-up files agree with the survey rows they come from: per department and year,
 * the distinct ended mediations and measures of the follow-up equal the survey's within the stated
 * tolerance (exactly without defects), and the files respect the contract.
 */
import { generateFollowUp, PILOT_DEPARTMENTS } from '../../src/sample/suivi.ts';
import { mediationRows, rencontreRows } from '../../src/sample/rows.ts';
import { buildUniverse } from '../../src/sample/universe.ts';
import { createRng } from '../../src/sample/prng.ts';
import { parseCsvText } from '../../src/format/csv-grid.ts';
import { parseSuivi } from '../../src/format/suivi.ts';
import { reconcile } from '../../src/suivi/quality.ts';
import type { SuiviSource } from '../../src/suivi/contract.ts';
import { suiviConfig } from '../suivi/fixtures.ts';
import { departments, suiviInputs } from '../sample/inputs.ts';

function build(defects: boolean) {
  const rng = createRng(7);
  const universe = buildUniverse(rng.fork('universe'), departments(), 1);
  const mediation = new Map([2023, 2024, 2025].map((y) => [y, mediationRows(rng.fork(`m${y}`), universe.mediation, y, 1)]));
  const rencontre = new Map([2023, 2024, 2025].map((y) => [y, rencontreRows(rng.fork(`r${y}`), universe.rencontre, y, 1)]));
  const { files, defects: planted } = generateFollowUp({ ...suiviInputs(), seed: 7, mediation, rencontre, defects });
  const parsed = files
    .filter((f) => /^suivi\/\d{4}\/(mediation|rencontre|justice|caf)\.csv$/.test(f.path))
    .map((f) => {
      const [, year, source] = /^suivi\/(\d{4})\/(\w+)\.csv$/.exec(f.path)!;
      const [header, ...rows] = parseCsvText(Buffer.from(f.content).toString('utf8').replace(/^\ufeff/, '')).rows;
      return parseSuivi(source as SuiviSource, Number(year), f.path, header, rows.filter((r) => r.length > 1), suiviConfig.dictionaries);
    });
  const surveys = [2023, 2024, 2025].map((year) => ({ year, mediation: mediation.get(year)!, rencontre: rencontre.get(year)! }));
  return { files, parsed, planted, reconciliation: reconcile(parsed, surveys) };
}

describe('the synthetic follow-up files', () => {
  it('without defects, reconcile exactly with the survey rows in every pilot department and year', () => {
    const { reconciliation, parsed } = build(false);
    expect(parsed.every((f) => f.rejects.length === 0 && f.missing.length === 0)).toBe(true);
    expect(new Set(reconciliation.map((r) => r.departement))).toEqual(new Set(PILOT_DEPARTMENTS.filter((d) => reconciliation.some((r) => r.departement === d))));
    expect(reconciliation.length).toBeGreaterThanOrEqual(20);
    expect(reconciliation.filter((r) => r.ecart !== 0)).toEqual([]);
  });

  it('with the planted defects, stay within the tolerance and follow the contract', () => {
    const { reconciliation, parsed, planted, files } = build(true);
    expect(reconciliation.filter((r) => !r.dans_tolerance)).toEqual([]);
    expect(parsed.every((f) => f.rejects.length === 0 && f.missing.length === 0)).toBe(true);
    expect(new Set(planted.map((d) => d.kind))).toEqual(new Set(['cle_nir', 'sans_caf', 'decision_doublon', 'departement_discordant']));
    expect(files.some((f) => f.path.endsWith('mediation.rejets.csv'))).toBe(true);
    // CAF situations from 2020: cohorts 2022 and 2023 reach 24 months with 2025
    expect(parsed.filter((f) => f.source === 'caf').map((f) => f.year)).toEqual([2020, 2021, 2022, 2023, 2024, 2025]);
  });
});
