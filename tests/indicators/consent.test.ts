/**
 * The register's consents in the publish stage (issue 25): they reach the specs of the tables under
 * business rules only, lift a department's cell when every one of its services consented and not
 * when one of two did (the other would be exposed by subtraction), and the audit trail's `cells.csv`
 * says which rule fired and which consents lifted it.
 */
import { protectionEngine } from '../../src/runtime/engine.ts';
import { publishWith, type PublishResult } from '../../src/indicators/publish.ts';
import { loadPublicationConfig } from '../../src/ingest/publication-config.ts';
import { parseCells } from '../../src/format/cells.ts';
import { parseSpec } from '../../src/format/spec.ts';
import type { KnownService } from '../../src/model/coverage.ts';
import { join } from 'node:path';
import { ended, harmonizedYear, service, structure } from './fixtures.ts';

const config = loadPublicationConfig(join(import.meta.dirname, '..', '..', 'pipelines', 'config'));
const mediation = [service('S1', 'D1', ended(30, 3)), service('S2', 'D1', ended(20, 8)), service('S3', 'D2', ended(25, 9)), service('S4', 'D4', ended(12, 6))];
const known = (id: string, department: string, consent?: string): KnownService => ({ year: 2024, survey: 'mediation', service: id, department, sites: 1, ...(consent ? { consent } : {}) });

async function run(consenting: readonly string[]): Promise<Map<string, string>> {
  const register = mediation.map((r) => known(r.service_id, r.departement, consenting.includes(r.service_id) ? '2023-05-01' : undefined));
  const result: PublishResult = await publishWith(protectionEngine, harmonizedYear(2024, mediation, [], undefined, register), null, config);
  expect(result.failures).toEqual([]);
  return new Map(result.files.map((f) => [f.path, String(f.content)]));
}

/** The `cells.csv` row of one cell of the financing cube, as a record of its columns. */
function financingRow(files: Map<string, string>, geo: string, financeur: string): Record<string, string> {
  const [header, ...lines] = files.get('2024/audit/med-financement/cells.csv')!.trim().split('\n').map((l) => l.split(','));
  const line = lines.find((l) => l[0] === geo && l[1] === financeur)!;
  return Object.fromEntries(header.map((h, i) => [h, line[i]]));
}

describe('consents in the annual publication', () => {
  let none: Map<string, string>;
  let one: Map<string, string>;
  let both: Map<string, string>;
  beforeAll(async () => {
    [none, one, both] = [await run([]), await run(['S1']), await run(['S1', 'S2'])];
  });

  it('a consent of one of two services in a department does not lift its cell', () => {
    expect(financingRow(none, 'D1', 'caf')).toMatchObject({ status: 'u', rules: 'minFrequency', lifted_by_consent: '', consents: '' });
    expect(financingRow(one, 'D1', 'caf')).toMatchObject({ status: 'u', rules: 'minFrequency', lifted_by_consent: '', consents: '' });
  });

  it('lifts the cell when both consented, and the audit trail names the rule and the consents', () => {
    const row = financingRow(both, 'D1', 'caf');
    expect(row.status).not.toBe('u');
    expect(row).toMatchObject({ rules: 'minFrequency', lifted_by_consent: 'minFrequency', consents: 'S1 S2', contributors: '2', top_share: '0.5' });
  });

  it('writes the consents into the spec of business-rule tables only: counts of persons ignore them', () => {
    const financing = parseSpec(both.get('2024/audit/med-financement/spec.json')!);
    expect(financing.consent).toEqual(['S1', 'S2']);
    expect(parseSpec(both.get('2024/audit/med-terminees-cadre/spec.json')!).consent).toBeUndefined();
    expect(parseSpec(none.get('2024/audit/med-financement/spec.json')!).consent).toBeUndefined();
    // the persons' cube of department D2 (one service) stays as it was: a consent never lifts minValue
    expect(both.get('2024/audit/med-terminees-cadre/cells.csv')).toBe(none.get('2024/audit/med-terminees-cadre/cells.csv'));
  });

  it('keeps cells.csv readable by the mfer audit contract', () => {
    const spec = parseSpec(both.get('2024/audit/med-financement/spec.json')!);
    const cells = parseCells(both.get('2024/audit/med-financement/cells.csv')!, spec);
    expect(cells.find((c) => c.codes.join(' ') === 'D1 caf')?.contributors).toBe(2);
  });
});

/** The median waiting time (`medianMinStructures` 3) of a department with two ER structures. */
describe('consents and the median waiting time', () => {
  const rencontre = [structure('E1', 'D1', { delai_attente_median_jours: 10 }), structure('E2', 'D1', { delai_attente_median_jours: 30 })];
  async function waiting(consenting: readonly string[]): Promise<string | undefined> {
    const register = rencontre.map((r): KnownService => ({ year: 2024, survey: 'rencontre', service: r.structure_id, department: r.departement, sites: 1, ...(consenting.includes(r.structure_id) ? { consent: '2023-05-01' } : {}) }));
    const result: PublishResult = await publishWith(protectionEngine, harmonizedYear(2024, [], rencontre, undefined, register), null, config);
    expect(result.failures).toEqual([]);
    const long = String(result.files.find((f) => f.path === '2024/tables/er-attente.long.csv')!.content);
    return long.split('\n').find((l) => l.startsWith('D1,delai_median_jours,'));
  }

  it('stays secret when one of the two structures did not consent (their mean would give it)', async () => {
    expect(await waiting([])).toBe('D1,delai_median_jours,s,secret');
    expect(await waiting(['E1'])).toBe('D1,delai_median_jours,s,secret');
  });

  it('is published when both consented', async () => {
    expect(await waiting(['E1', 'E2'])).toBe('D1,delai_median_jours,20,published');
  });
});
