/**
 * Requirement C on the shipped sample: every cube of every year is protected as `make annual` does
 * it (publish stage, real engine), then its audit trail (`<year>/audit/<table>/spec.json`,
 * `contrib.csv`, `cells.csv`) is read back through the `mfer audit` contract and audited. Every
 * business-rule cube (services: fewer than 3, dominance) passes C — no service that alone makes up
 * a withheld cell derives another service's primary cell — and the counts of persons derive no
 * other service's primary count exactly. Amounts come out without binary noise.
 */
import { join } from 'node:path';
import { harmonize } from '../../src/harmonize/harmonize.ts';
import { protectionEngine } from '../../src/runtime/engine.ts';
import { publishWith } from '../../src/indicators/publish.ts';
import { loadPublicationConfig } from '../../src/ingest/publication-config.ts';
import { listYears, readReturns } from '../../src/ingest/read-returns.ts';
import type { Publication } from '../../src/model/publication.ts';
import { parseCells } from '../../src/format/cells.ts';
import { parseContributions } from '../../src/format/contrib.ts';
import { parseSpec } from '../../src/format/spec.ts';
import { audit } from '../../src/protect/index.ts';
import { validate } from '../../src/validate/validate.ts';
import { dictionaries, geography } from '../validate/fixtures.ts';

const config = loadPublicationConfig(join(import.meta.dirname, '..', '..', 'pipelines', 'config'));
const text = (content: string | Uint8Array) => (typeof content === 'string' ? content : Buffer.from(content).toString('utf8'));

interface Trail {
  folder: string;
  spec: string;
  contrib: string;
  cells: string;
}

const trails: Trail[] = [];

beforeAll(async () => {
  let previous: Publication | null = null;
  for (const year of listYears('data-raw')) {
    const harmonized = harmonize(validate(await readReturns('data-raw', year), dictionaries, geography), geography);
    const result = await publishWith(protectionEngine, harmonized, previous, config);
    previous = result.publication;
    const files = new Map(result.files.map((f) => [f.path, text(f.content)]));
    for (const [path, spec] of files) {
      if (!path.endsWith('/spec.json') || !path.includes('/audit/')) continue;
      const folder = path.slice(0, -'/spec.json'.length);
      trails.push({ folder, spec, contrib: files.get(`${folder}/contrib.csv`)!, cells: files.get(`${folder}/cells.csv`)! });
    }
  }
}, 600_000);

describe('requirement C on the shipped sample (audit trail of every year)', () => {
  it('every business-rule cube passes C, with insiders to check; counts of persons derive no other primary count exactly', async () => {
    let business = 0;
    let insiders = 0;
    for (const t of trails) {
      const spec = parseSpec(t.spec);
      const { contributions } = parseContributions(t.contrib, spec, `${t.folder}/contrib.csv`);
      const report = await audit(spec, contributions, parseCells(t.cells, spec, `${t.folder}/cells.csv`), { intervalsUpTo: 0 });
      expect([t.folder, report.failures.map((f) => `${f.check} ${f.codes.join(' ')} ${f.insider?.contributor ?? ''}`)]).toEqual([t.folder, []]);
      if (spec.rules.minFrequency !== undefined || spec.rules.dominance !== undefined) {
        business++;
        insiders += report.insiders;
      }
    }
    expect(new Set(trails.map((t) => t.folder.split('/')[0])).size).toBe(listYears('data-raw').length);
    expect(business).toBeGreaterThan(0);
    expect(insiders).toBeGreaterThan(0);
  });

  it('writes amounts in CELLS.csv as decimal sums of the inputs (no 131.50000000000003)', () => {
    const noisy = trails.flatMap((t) => (t.cells.match(/\d\.\d*(0000000|9999999)\d*/g) ?? []).map((v) => `${t.folder}: ${v}`));
    expect(noisy).toEqual([]);
  });
});
