/**
 * Returns from careless or hostile senders (issue 21), through the CLI on a small input (7
 * departments, 2023 and 2024): what a whole run does with them.
 * - a stray future-year folder whose every row is rejected publishes no table or report for that year
 *   and replaces nothing: the 2024 tables, court pages and workbooks stay as they were; its rejects,
 *   manifest and run log are written, as it had no outputs yet;
 * - a year asked for alone with no usable return: exit 1, nothing written;
 * - an impossible but in-range value (40 FTE for one mediator) is accepted and listed in
 *   `a-verifier.csv`, counted in `run.log` and in the last line; `--strict` makes it a failure (exit 3).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { annualMessages } from '../../src/cli/messages.ts';
import { parseCsvText } from '../../src/format/csv-grid.ts';
import { progress } from '../../src/validate/messages.ts';
import { csvText, headers, utf8Bom, validService } from '../bad-input/corpus.ts';
import { loadDictionaries } from '../../src/ingest/dictionaries.ts';
import { dictionaryFor } from '../../src/validate/dictionary.ts';
import { repoRoot, rootsIn, runAnnual, snapshot, writeSmallInput, type Roots } from './harness.ts';

const dictionary = dictionaryFor(loadDictionaries(join(repoRoot, 'pipelines', 'config', 'surveys')), 'mediation', 2024);
for (const [field, spec] of Object.entries(dictionary.fields)) headers.canonical[field] = spec.headers[0];
const manager = dictionary.fields.gestionnaire;
if (manager.type === 'code') for (const [code, labels] of Object.entries(manager.codes)) headers.gestionnaire[code] = labels[0];

let base: string;
let input: string;
let roots: Roots;
let first: { out: Record<string, string>; reports: Record<string, string> };
/** Rejected rows and files set aside whole, as the written rejects.csv of each year list them. */
function setAside(out: string, years: readonly number[]): { rejected: number; dropped: number } {
  let rejected = 0;
  let dropped = 0;
  for (const year of years) {
    const [, ...rows] = parseCsvText(readFileSync(join(out, String(year), 'rejects.csv'), 'utf8')).rows.filter((r) => r.some((c) => c !== ''));
    rejected += rows.filter((r) => r[1] !== '').length;
    dropped += new Set(rows.filter((r) => r[1] === '').map((r) => r[0])).size;
  }
  return { rejected, dropped };
}
const snap = (r: Roots) => ({ out: snapshot(r.out), reports: snapshot(r.reports) });
/** The published part of data-out (the manifests and run logs name the years read, which a stray folder adds to). */
const tablesOf = (out: Record<string, string>) => Object.fromEntries(Object.entries(out).filter(([path]) => /^(2023|2024)\/(tables|clean|audit)\//.test(path)));

beforeAll(async () => {
  base = mkdtempSync(join(tmpdir(), 'mfer-e2e-hostile-'));
  input = await writeSmallInput(join(base, 'in'));
  roots = rootsIn(join(base, 'run'));
  const run = await runAnnual(input, roots);
  expect(run.code).toBe(0);
  first = snap(roots);
}, 120_000);
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('a stray future-year folder with no usable row', () => {
  it('publishes nothing for it, deletes nothing, and says so in the last line', async () => {
    const folder = join(input, 'returns', '2031', 'mediation');
    mkdirSync(folder, { recursive: true });
    // every row is rejected: a department that does not exist
    writeFileSync(join(folder, 'caf-99-futur.csv'), utf8Bom(csvText([validService(1, { annee: 2031, departement: '99' }), validService(2, { annee: 2031, departement: '99' })])));
    const run = await runAnnual(input, roots, []);
    expect(run.code).toBe(0);
    // what was rejected, and why, is written where 2031 had no outputs; no table, no report
    expect(Object.keys(snapshot(join(roots.out, '2031'))).sort()).toEqual(['a-verifier.csv', 'clean/mediation.csv', 'clean/rencontre.csv', 'manifest.json', 'rejects.csv', 'run.log']);
    expect(readFileSync(join(roots.out, '2031', 'rejects.csv'), 'utf8')).toContain('returns/2031/mediation/caf-99-futur.csv');
    expect(existsSync(join(roots.reports, '2031'))).toBe(false);
    const now = snap(roots);
    expect(now.reports).toEqual(first.reports);
    expect(Object.keys(now.out).filter((p) => p.startsWith('2031/tables/'))).toEqual([]);
    expect(tablesOf(now.out)).toEqual(tablesOf(first.out));
    expect(Object.keys(now.reports).filter((p) => p.startsWith('2024/departements/')).length).toBeGreaterThan(0);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toContain(progress.yearUnusable(2031, 2));
    expect(lines[lines.length - 1]).toBe(annualMessages.done({ years: [2023, 2024], out: roots.out, reports: roots.reports, ...setAside(roots.out, [2023, 2024, 2031]), unpublished: [2031] }));
  }, 120_000);

  it('asked for alone, it ends with exit 1 and writes nothing', async () => {
    const before = snap(roots);
    const run = await runAnnual(input, roots, ['--year', '2031']);
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n').pop()).toBe(annualMessages.nothingAccepted());
    expect(snap(roots)).toEqual(before);
    rmSync(join(input, 'returns', '2031'), { recursive: true });
  }, 120_000);
});

describe('a value to check', () => {
  it('is listed in a-verifier.csv, counted in run.log and the last line; --strict fails the run', async () => {
    const path = 'returns/2024/mediation/caf-69-etp.csv';
    writeFileSync(join(input, path), utf8Bom(csvText([validService(950, { etp_mediateurs: 40, mediateurs: 1 })])));
    try {
      const strict = await runAnnual(input, roots, ['--strict']);
      expect(strict.code).toBe(3);
      expect(strict.stderr.trim().split('\n').pop()).toBe(annualMessages.strictChecks(1));
      const run = await runAnnual(input, roots, []);
      expect(run.code).toBe(0);
      expect(run.stderr.trim().split('\n').pop()).toBe(annualMessages.done({ years: [2023, 2024], out: roots.out, reports: roots.reports, ...setAside(roots.out, [2023, 2024]), checks: 1 }));
      const listed = readFileSync(join(roots.out, '2024', 'a-verifier.csv'), 'utf8').split('\r\n').filter((l) => l !== '');
      expect(listed).toHaveLength(2);
      expect(listed[1].startsWith(`${path};2;MF-69-950;etp-par-mediateur;`)).toBe(true);
      expect(readFileSync(join(roots.out, '2024', 'run.log'), 'utf8')).toContain(progress.checks(2024, 1));
    } finally {
      rmSync(join(input, path));
    }
  }, 180_000);
});
