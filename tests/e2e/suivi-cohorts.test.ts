/**
 * The DuckDB cohort stage over the whole shipped follow-up sample: against the independent
 * brute-force computation (tests/suivi/outcomes-oracle.ts), and unchanged by row and file order.
 * The hand-checked fixtures are in tests/suivi/cohorts.test.ts.
 */
import { join } from 'node:path';
import { readFollowUp } from '../../src/ingest/suivi.ts';
import { cohortOutcomes } from '../../src/suivi/cohorts.ts';
import { bruteForce } from '../suivi/outcomes-oracle.ts';

const root = join(import.meta.dirname, '..', '..');

describe('cohorts and outcomes (DuckDB) over the shipped follow-up sample', () => {
  it('equal a brute-force computation over the shipped follow-up sample', async () => {
    const files = readFollowUp(join(root, 'data-raw'), join(root, 'pipelines', 'config', 'suivi')).flatMap((y) => y.files);
    expect(files.filter((f) => f.source === 'caf').length).toBeGreaterThanOrEqual(5);
    const expected = bruteForce(files, 2025);
    const counts = await cohortOutcomes(files, 2025);
    expect(counts.length).toBeGreaterThan(1000);
    expect(counts).toEqual(expected);
    // at least two cohorts reach their 24-month horizon in the 2025 run
    const at24 = new Set(counts.filter((c) => c.horizon === 24).map((c) => `${c.scheme}:${c.cohort}`));
    expect([...at24].sort()).toEqual(['mediation:2022', 'mediation:2023', 'rencontre:2022', 'rencontre:2023']);
  });

  it('give the same counts when rows and files come in another order, or a file is split in two (metamorphic)', async () => {
    const files = readFollowUp(join(root, 'data-raw'), join(root, 'pipelines', 'config', 'suivi')).flatMap((y) => y.files);
    const reordered = [...files].reverse().flatMap((f) => {
      const rows = [...f.rows].reverse();
      const half = Math.ceil(rows.length / 2);
      return [{ ...f, rows: rows.slice(0, half) }, { ...f, rows: rows.slice(half) }];
    });
    expect(await cohortOutcomes(reordered, 2025)).toEqual(await cohortOutcomes(files, 2025));
  });
});
