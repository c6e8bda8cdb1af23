/**
 * `mfer pseudonymise` streams its input (issue 23's scale): the same bytes as the grid
 * implementation it replaced. Its streaming reader is tested in tests/ingest/csv-stream.test.ts.
 */
import { jest } from '@jest/globals';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pseudonymiseFile, runPseudonymise } from '../../src/cli/pseudonymise.ts';
import { readKeyFile } from '../../src/io/key-file.ts';
import { suiviConfig, mediationDictionary } from '../suivi/fixtures.ts';
import { suiviMessages as m } from '../../src/suivi/messages.ts';
import { rawMediation } from '../suivi/fixtures.ts';

const fixtures = join(import.meta.dirname, '..', 'fixtures', 'suivi', 'pseudonymise');


describe('mfer pseudonymise, streamed', () => {
  let dir: string;
  let err: string;
  let key: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'mfer-pseudo-flux-'));
    err = '';
    jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      err += String(chunk);
      return true;
    });
    key = join(dir, 'cle.key');
    // the key the expected files were written with (bytes 0 to 31)
    writeFileSync(key, Uint8Array.from({ length: 32 }, (_, i) => i), { mode: 0o600 });
  });
  afterEach(() => {
    jest.restoreAllMocks();
    rmSync(dir, { recursive: true, force: true });
  });

  const inputs = readdirSync(fixtures).filter((n) => n.endsWith('.csv') && !n.includes('.attendu'));

  it.each(inputs.flatMap((name) => [[name, false], [name, true]] as const))('%s (--mois: %s) gives the bytes of the grid implementation', async (name, months) => {
    const base = `${name.replace(/\.csv$/, '')}${months ? '.mois' : ''}`;
    const out = join(dir, 'sortie.csv');
    const rejects = join(dir, 'sortie.rejets.csv');
    const code = await runPseudonymise(['--key', key, '--source', 'mediation', '--input', join(fixtures, name), '--out', out, '--rejets', rejects, ...(months ? ['--mois'] : [])]);
    expect(code).toBe(0);
    expect(readFileSync(out).equals(readFileSync(join(fixtures, `${base}.attendu.csv`)))).toBe(true);
    const expectedRejects = join(fixtures, `${base}.attendu-rejets.csv`);
    expect(existsSync(rejects)).toBe(existsSync(expectedRejects));
    if (existsSync(expectedRejects)) expect(readFileSync(rejects).equals(readFileSync(expectedRejects))).toBe(true);
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('split between worker threads, gives the bytes of one thread (rejects and their lines included)', async () => {
    const [header, ...rows] = rawMediation;
    const many = [header, ...Array.from({ length: 997 }, (_, i) => rows[i % rows.length])];
    const cases = {
      'crlf-1252.csv': Buffer.from(many.map((r) => r.join(';')).join('\r\n') + '\r\n', 'latin1'),
      // UTF-8 with BOM, blank lines, mixed line ends, no final line break
      'melange-utf8.csv': Buffer.from(`\ufeff${many.map((r, i) => r.join('\t') + (i % 7 === 3 ? '\n\r\n' : i % 2 ? '\n' : '\r\n')).join('').trimEnd()}`, 'utf8'),
    };
    for (const [name, bytes] of Object.entries(cases)) {
      const input = join(dir, name);
      writeFileSync(input, bytes);
      const job = (out: string) => ({ input, out: join(dir, out), rejects: join(dir, `${out}.rejets`), months: true });
      const one = await pseudonymiseFile(job('un.csv'), mediationDictionary, suiviConfig.identifiers, readKeyFile(key), { workers: 1, minBytes: 0 });
      for (const workers of [2, 3]) {
        const split = await pseudonymiseFile(job(`fils${workers}.csv`), mediationDictionary, suiviConfig.identifiers, readKeyFile(key), { workers, minBytes: 0 });
        expect(split).toEqual(one);
        expect(readFileSync(join(dir, `fils${workers}.csv`)).equals(readFileSync(join(dir, 'un.csv')))).toBe(true);
        expect(readFileSync(join(dir, `fils${workers}.csv.rejets`)).equals(readFileSync(join(dir, 'un.csv.rejets')))).toBe(true);
      }
      expect(one.rejects).toBeGreaterThan(400);
    }
    expect(readdirSync(dir).filter((n) => n.includes('.part') || n.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses a binary file or one without the identifier columns, writing nothing', async () => {
    const out = join(dir, 'sortie.csv');
    const binary = join(dir, 'binaire.csv');
    writeFileSync(binary, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0, 0x14, 0]));
    expect(await runPseudonymise(['--key', key, '--source', 'mediation', '--input', binary, '--out', out])).toBe(1);
    expect(err).toContain(m.unreadable(binary));
    const noIds = join(dir, 'sans-identifiant.csv');
    writeFileSync(noIds, 'service;departement;debut;fin;cadre;issue\r\nS01;2A;2024-01-15;2024-06-30;judiciaire;accord_ecrit\r\n');
    expect(await runPseudonymise(['--key', key, '--source', 'mediation', '--input', noIds, '--out', out])).toBe(1);
    expect(err).toContain('nir_enfant');
    expect(readdirSync(dir).sort()).toEqual(['binaire.csv', 'cle.key', 'sans-identifiant.csv']);
  });

  it('keeps a rejected row on its line of the raw file across many chunks', async () => {
    const [header, ...rows] = rawMediation;
    const many = [header, ...Array.from({ length: 3000 }, (_, i) => rows[i % rows.length])];
    const input = join(dir, 'brut.csv');
    writeFileSync(input, Buffer.from(many.map((r) => r.join(';')).join('\r\n') + '\r\n', 'latin1'));
    const out = join(dir, 'sortie.csv');
    expect(await runPseudonymise(['--key', key, '--source', 'mediation', '--input', input, '--out', out])).toBe(0);
    const rejects = readFileSync(join(dir, 'sortie.rejets.csv'), 'utf8').split('\r\n').slice(1, -1);
    // the 3rd, 4th and 6th fixture rows are refused; body row i (from 0) is on raw line i + 2
    expect(rejects).toHaveLength(1500);
    expect(rejects.map((r) => Number(r.split(';')[0])).slice(-3)).toEqual([2998, 2999, 3001]);
    expect(readFileSync(out, 'utf8').split('\r\n').length - 2).toBe(1500);
  });
});
