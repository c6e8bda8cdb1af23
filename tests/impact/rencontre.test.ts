import { DuckDBInstance } from '@duckdb/node-api';
import { rencontrePaths } from '../../src/impact/rencontre.ts';

/**
 * 30 autonomous exits of judge-ordered (jaf) measures ending in June 2023: 6 children get a new
 * measure in September 2023 and 6 a court application that month (12 events at month 3); the others
 * nothing. 5 spontaneous exits (too few to show); 20 exits by suspension (not autonomous: ignored).
 */
async function thirtyJafExits() {
  const connection = await (await DuckDBInstance.create(':memory:')).connect();
  await connection.run(`
    CREATE TABLE suivi_rencontre (enfant VARCHAR, famille VARCHAR, structure VARCHAR, departement VARCHAR, debut VARCHAR, fin VARCHAR, origine VARCHAR, issue VARCHAR, rencontres_prevues INTEGER, rencontres_tenues INTEGER);
    CREATE TABLE suivi_justice (enfant VARCHAR, famille VARCHAR, departement VARCHAR, saisine VARCHAR, decision VARCHAR, nature VARCHAR, residence VARCHAR, droit_visite VARCHAR);
    INSERT INTO suivi_rencontre SELECT 'J' || i, 'F' || i, 'S1', '75', '2022-10-01', '2023-06-20', 'jaf', 'exercice_autonome', 10, 9 FROM range(30) t(i);
    INSERT INTO suivi_rencontre SELECT 'J' || i, 'F' || i, 'S1', '75', '2023-09-05', '2024-02-01', 'jaf', 'arret', 10, 4 FROM range(6) t(i);
    INSERT INTO suivi_justice SELECT 'J' || i, 'F' || i, '75', '2023-09-12', '2023-12-01', 'modification', 'mere', 'libre' FROM range(6, 12) t(i);
    INSERT INTO suivi_rencontre SELECT 'P' || i, 'G' || i, 'S1', '75', '2022-10-01', '2023-06-20', 'spontanee', 'exercice_autonome', 10, 9 FROM range(5) t(i);
    INSERT INTO suivi_rencontre SELECT 'Q' || i, 'H' || i, 'S1', '75', '2022-10-01', '2023-06-20', 'jaf', 'suspension', 10, 2 FROM range(20) t(i);`);
  return connection;
}

describe('espaces de rencontre: lasting autonomy after an autonomous exit', () => {
  test('the curve of each origin, censored at the end of the data, only where the step rule holds', async () => {
    const curves = await rencontrePaths(await thirtyJafExits(), 2024, { rencontre: 'suivi_rencontre', justice: 'suivi_justice' });
    const jaf = curves.find((c) => c.origin === 'jaf')!;
    // followed from July 2023 to December 2024: 18 months; 12 of 30 lose autonomy at month 3
    expect(jaf.steps.map((s) => s.month)).toEqual(Array.from({ length: 18 }, (_, i) => i + 1));
    expect(jaf.steps[1].survival).toBe(1);
    expect(jaf.steps[2].survival).toBeCloseTo(18 / 30, 4);
    expect(jaf.steps[17].survival).toBeCloseTo(18 / 30, 4);
    // five spontaneous exits: never 11 at risk, nothing shown
    expect(curves.find((c) => c.origin === 'spontanee')!.steps).toEqual([]);
    expect(curves.find((c) => c.origin === 'juge_enfants')!.steps).toEqual([]);
  });
});
