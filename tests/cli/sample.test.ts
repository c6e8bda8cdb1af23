import { jest } from '@jest/globals';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readDepartments, runSample } from '../../src/cli/sample.ts';
import { sampleBadArgument, sampleMissingInput } from '../../src/sample/messages.ts';

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
    expect(readdirSync(join(dir, 'returns')).sort()).toEqual(['2023', '2024', '2025']);
    expect(readdirSync(join(dir, 'returns', '2024', 'mediation')).length).toBeGreaterThan(5);
    expect(existsSync(join(dir, 'returns', 'defects.json'))).toBe(false);
    expect(err).not.toContain('mfer sample');
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
