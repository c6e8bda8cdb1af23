import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { annual } from '../../pipelines/annual.ts';
import { progress } from '../../src/validate/messages.ts';
import { ainService, ainServices, ajaccioStructure, asTable, cp1252, frenchCsv, xlsxOf } from '../validate/fixtures.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'mfer-annual-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function put(path: string, content: string | Uint8Array): void {
  mkdirSync(join(dir, 'in', path, '..'), { recursive: true });
  writeFileSync(join(dir, 'in', path), content);
}

async function twoYears(): Promise<void> {
  put('returns/2023/mediation/caf-01.csv', cp1252(frenchCsv(asTable('mediation', [ainService({ annee: 2023 })], 2023))));
  put('returns/2023/rencontre/ca-bastia.csv', cp1252(frenchCsv(asTable('rencontre', [ajaccioStructure({ annee: 2023 })], 2023))));
  put('returns/2024/mediation/caf-01.csv', cp1252(frenchCsv(asTable('mediation', ainServices(2)))));
  put('returns/2024/mediation/caf-01-bis.xlsx', await xlsxOf(asTable('mediation', [ainService({ service_id: 'MF-01-009', seances: -1 })])));
  put('returns/2024/rencontre/ca-bastia.csv', cp1252(frenchCsv(asTable('rencontre', [ajaccioStructure()]))));
}

const options = (extra: object = {}) => ({ input: join(dir, 'in'), out: join(dir, 'out'), reports: join(dir, 'reports'), reference: 'data-raw/reference', ...extra });

function tree(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else out[path.slice(root.length + 1)] = readFileSync(path, 'latin1');
    }
  };
  walk(root);
  return out;
}

/**
 * `annual` now runs the later stages too (protection, rendering), which take time: each test here
 * runs the pipeline as few times as it can and checks several things on each run.
 */
describe('annual (ingest stages)', () => {
  it('processes every year oldest first, writes clean data, rejects and a reconciled manifest; input untouched', async () => {
    await twoYears();
    const input = tree(join(dir, 'in'));
    const lines: string[] = [];
    const result = await annual(options({ log: (line: string) => lines.push(line) }));
    expect(result.exitCode).toBe(0);
    expect(result.history.map((h) => h.year)).toEqual([2023, 2024]);
    expect(result.history[1].mediation).toHaveLength(2);
    const first = tree(join(dir, 'out'));
    for (const year of [2023, 2024]) {
      for (const name of ['clean/mediation.csv', 'clean/rencontre.csv', 'rejects.csv', 'manifest.json', 'run.log']) expect(Object.keys(first)).toContain(join(String(year), name));
    }
    const manifest = JSON.parse(readFileSync(join(dir, 'out', '2024', 'manifest.json'), 'utf8'));
    expect(manifest.inputs.map((i: { path: string }) => i.path)).toEqual(['returns/2024/mediation/caf-01-bis.xlsx', 'returns/2024/mediation/caf-01.csv', 'returns/2024/rencontre/ca-bastia.csv']);
    for (const entry of manifest.inputs) expect(entry.rows_read).toBe(entry.rows_accepted + entry.rows_rejected);
    expect(manifest.totals).toMatchObject({ rows_read: 4, rows_accepted: 3, rows_rejected: 1 });
    expect(lines).toContain(progress.validated(2024, 4, 3, 1));
    expect(lines).toContain(progress.harmonized(2023, 1, 1));
    expect(tree(join(dir, 'in'))).toEqual(input);
    // byte-stability: the golden cases (tests/golden/ingest) compare with bytes written by an earlier run,
    // and tests/e2e runs the whole pipeline twice
  });

  it('--year publishes that year only, reads the year before for the evolutions; --strict exits 3 on a reject', async () => {
    await twoYears();
    const result = await annual(options({ years: [2024], strict: true }));
    expect(result.years).toEqual([2024]);
    expect(result.history.map((h) => h.year)).toEqual([2023, 2024]);
    expect(result.validated.map((v) => v.year)).toEqual([2024]);
    expect(readdirSync(join(dir, 'out'))).toEqual(['2024']);
    expect(result.exitCode).toBe(3);
  });

  it('exit code 1 when nothing could be processed, with the reason recorded', async () => {
    put('returns/2024/mediation/vide.csv', '');
    put('returns/2024/mediation/image.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47]));
    const result = await annual(options());
    expect(result.exitCode).toBe(1);
    const manifest = JSON.parse(readFileSync(join(dir, 'out', '2024', 'manifest.json'), 'utf8'));
    expect(manifest.inputs.every((i: { problem: string | null }) => i.problem !== null)).toBe(true);
  });
});
