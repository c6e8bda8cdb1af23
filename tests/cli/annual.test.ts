import { jest } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { droppedFiles, parseAnnualArgs, rowRejects, runAnnual, workerCount } from '../../src/cli/annual.ts';
import type { ValidatedYear } from '../../src/validate/types.ts';
import { systemErrors } from '../../src/cli/system-error.ts';
import { annualMessages as m } from '../../src/cli/messages.ts';

describe('parseAnnualArgs', () => {
  it('has the documented defaults', () => {
    const parsed = parseAnnualArgs([]);
    expect(parsed).toMatchObject({ quiet: false, options: { input: 'data-raw', out: 'data-out', reports: 'reports', strict: false, years: undefined } });
  });
  it('reads every option', () => {
    const parsed = parseAnnualArgs(['--year', '2024', '--input', 'x', '--out', 'o', '--reports', 'r', '--strict', '--quiet']);
    expect(parsed).toMatchObject({ quiet: true, options: { input: 'x', out: 'o', reports: 'r', strict: true, years: [2024] } });
  });
  it('uses the register\'s consents unless --sans-consentement', () => {
    const withConsents = parseAnnualArgs([]);
    expect('options' in withConsents && withConsents.options.consent).toBeUndefined();
    expect(parseAnnualArgs(['--sans-consentement'])).toMatchObject({ options: { consent: false } });
  });
  it.each([
    [['--year', '24'], m.badYear('24')],
    [['--year'], m.missingValue('--year')],
    [['--out', '--strict'], m.missingValue('--out')],
    [['--verbose'], m.unknownOption('--verbose')],
    [['--out', 'sorties', '--reports', './sorties/'], m.sameOutputs('sorties')],
    [['--input', 'brut', '--out', 'brut/returns'], m.outputOverReturns('brut/returns')],
    [['--reports', 'data-raw/returns/'], m.outputOverReturns('data-raw/returns/')],
  ])('%j → %s', (argv, error) => {
    expect(parseAnnualArgs(argv)).toEqual({ error });
  });
});

describe('workerCount', () => {
  it('takes MFER_WORKERS when it is a count, else one worker per core up to four, none on one core', () => {
    expect(workerCount({ MFER_WORKERS: '0' }, 8)).toBe(0);
    expect(workerCount({ MFER_WORKERS: '3' }, 1)).toBe(3);
    expect(workerCount({ MFER_WORKERS: 'beaucoup' }, 2)).toBe(2);
    expect(workerCount({}, 1)).toBe(0);
    expect(workerCount({}, 2)).toBe(2);
    expect(workerCount({}, 16)).toBe(4);
  });
});

describe('runAnnual: problems become French messages and exit codes, never a stack trace', () => {
  let dir: string;
  let written: string[];
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'mfer-cli-'));
    written = [];
    jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
  });
  afterEach(() => {
    jest.restoreAllMocks();
    rmSync(dir, { recursive: true, force: true });
  });

  it('bad arguments: 2 and the usage', async () => {
    expect(await runAnnual(['--year', 'deux-mille'])).toBe(2);
    expect(written.join('')).toContain(m.badYear('deux-mille'));
  });
  it('a missing input folder: 1', async () => {
    const input = join(dir, 'absent');
    expect(await runAnnual(['--input', input])).toBe(1);
    expect(written.join('')).toBe(`${m.missingInput(input)}\n`);
  });
  it('an input folder without any year: 1', async () => {
    expect(await runAnnual(['--input', dir])).toBe(1);
    expect(written.join('')).toBe(`${m.noYear(dir)}\n`);
  });
  it('an output folder that cannot be made: 1, and the file system\'s error said in French', async () => {
    writeFileSync(join(dir, 'fichier'), '');
    const out = join(dir, 'fichier', 'data-out');
    expect(await runAnnual(['--out', out, '--reports', join(dir, 'reports'), '--year', '2025', '--quiet'])).toBe(1);
    expect(written.join('')).toBe(`${m.failed(systemErrors.notFolder(out))}\n`);
  });
});

describe('the last line\'s counts', () => {
  const reject = (file: string, row: number | null) => ({ file, row, column: '', value: '', reason: 'r' });
  const year = (rejects: ReturnType<typeof reject>[]) => ({ rejects }) as unknown as ValidatedYear;
  // two years: 2023 has two bad rows in one file and one unreadable file named twice; 2024 one file set aside
  const twoYears = [year([reject('a.csv', 2), reject('a.csv', 5), reject('b.xlsx', null), reject('b.xlsx', null)]), year([reject('b.xlsx', null)])];
  it('counts rows that name a row, and each file set aside once per year', () => {
    expect(rowRejects(twoYears)).toBe(2);
    expect(droppedFiles(twoYears)).toBe(2);
  });
  it('names both output folders', () => {
    const line = m.done({ years: [2024], out: 'tables-x', reports: 'rapports-y', rejected: 2, dropped: 1 });
    expect(line).toContain('« tables-x »');
    expect(line).toContain('« rapports-y »');
  });
});
