import { jest } from '@jest/globals';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { readDepartments, runSample } from '../../src/cli/sample.ts';
import { sampleBadArgument, sampleMissingInput, sampleWouldErase, sampleWouldOverwrite } from '../../src/sample/messages.ts';

let dir: string;
let err = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'mfer-sample-cli-'));
  err = '';
  jest.spyOn(process.stderr, 'write').mockImplementation(((chunk: string) => ((err += chunk), true)) as never);
});
afterEach(() => {
  jest.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

describe('mfer sample', () => {
  it('writes a small sample (scaled down, without defects) below --out', async () => {
    expect(await runSample(['--out', dir, '--scale', '0.05', '--no-defects', '--quiet'])).toBe(0);
    expect(readdirSync(join(dir, 'returns')).sort()).toEqual(['.mfer-sample', '2023', '2024', '2025']);
    expect(readdirSync(join(dir, 'returns', '2024', 'mediation')).length).toBeGreaterThan(5);
    expect(existsSync(join(dir, 'returns', 'defects.json'))).toBe(false);
    expect(err).not.toContain('mfer sample');
  });

  it('never erases returns it did not write: regenerating beside real returns is refused, naming one', async () => {
    const args = ['--out', dir, '--scale', '0.05', '--no-defects', '--quiet'];
    expect(await runSample(args)).toBe(0);
    const real = join(dir, 'returns', '2026', 'mediation', 'caf-01-ain.csv');
    mkdirSync(dirname(real), { recursive: true });
    writeFileSync(real, 'Année;Département\n2026;01\n');
    expect(await runSample(args)).toBe(1);
    expect(err).toContain(sampleWouldErase(join(dir, 'returns'), 'returns/2026/mediation/caf-01-ain.csv'));
    expect(existsSync(real)).toBe(true);
    expect(existsSync(join(dir, 'returns', '2024'))).toBe(true);
    rmSync(dirname(dirname(real)), { recursive: true });
    // its own files, whatever the seed and scale that wrote them, it replaces
    expect(await runSample(['--out', dir, '--scale', '0.1', '--seed', '7', '--no-defects', '--quiet'])).toBe(0);
    expect(await runSample(args)).toBe(0);
  });

  it('writes the register of known services beside the reference, and never overwrites one it did not write', async () => {
    const args = ['--out', dir, '--scale', '0.05', '--no-defects', '--quiet'];
    const register = join(dir, 'reference', 'services.csv');
    // a real register already there: refused, kept, nothing written
    mkdirSync(dirname(register), { recursive: true });
    const real = 'annee,enquete,service,departement,sites\n2024,mediation,MF-CNAF-1,01,2\n';
    writeFileSync(register, real);
    expect(await runSample(args)).toBe(1);
    expect(err).toContain(sampleWouldOverwrite(register));
    expect(readFileSync(register, 'utf8')).toBe(real);
    expect(existsSync(join(dir, 'returns'))).toBe(false);
    rmSync(register);
    // its own register it replaces, whatever the seed; copied with reference/ alone (no returns), too
    expect(await runSample(args)).toBe(0);
    expect(readFileSync(register, 'utf8').split('\n')[0]).toBe('annee,enquete,service,departement,sites,consentement');
    rmSync(join(dir, 'returns'), { recursive: true });
    expect(await runSample(['--out', dir, '--scale', '0.1', '--seed', '7', '--no-defects', '--quiet'])).toBe(0);
    // but not once someone has changed it
    appendFileSync(register, '2024,mediation,MF-CNAF-2,01,1\n');
    err = '';
    expect(await runSample(args)).toBe(1);
    expect(err).toContain(sampleWouldOverwrite(register));
    expect(readFileSync(register, 'utf8')).toContain('MF-CNAF-2');
  });

  it('refuses a bad --scale or --seed with exit code 2', async () => {
    expect(await runSample(['--out', dir, '--scale', '-1'])).toBe(2);
    expect(await runSample(['--out', dir, '--seed', 'abc'])).toBe(2);
    expect(err).toContain(sampleBadArgument());
  });

  it('names a missing reference file, without a stack trace', async () => {
    const missing = join(dir, 'absent.csv');
    expect(await runSample(['--out', dir, '--departements', missing])).toBe(1);
    expect(err.trim()).toBe(sampleMissingInput(missing));
  });
});

describe('readDepartments', () => {
  it('reads the 101 departments of the reference, codes as strings, courts as CA- codes', () => {
    const deps = readDepartments(join(import.meta.dirname, '..', '..', 'data-raw', 'reference', 'departements.csv'));
    expect(deps).toHaveLength(101);
    expect(deps.find((d) => d.code === '01')).toMatchObject({ name: 'Ain', court: 'CA-LYON', region: 'R84' });
    expect(deps.find((d) => d.code === '2A')?.court).toBe('CA-BASTIA');
    expect(deps.find((d) => d.code === '05')?.court).toBe('CA-GRENOBLE');
    expect(deps.every((d) => d.population > 0)).toBe(true);
  });
});
