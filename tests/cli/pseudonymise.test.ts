import { jest } from '@jest/globals';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCsvText } from '../../src/format/csv-grid.ts';
import { parsePseudonymiseArgs, runPseudonymise } from '../../src/cli/pseudonymise.ts';
import { runAnnual } from '../../src/cli/annual.ts';
import { suiviMessages as m } from '../../src/suivi/messages.ts';
import { PSEUDONYM } from '../../src/suivi/pseudonym.ts';
import { rawMediation } from '../suivi/fixtures.ts';

const csv = (grid: string[][]) => grid.map((row) => row.join(';')).join('\r\n') + '\r\n';

describe('mfer pseudonymise', () => {
  let dir: string;
  let err: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'mfer-pseudo-'));
    err = '';
    jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      err += String(chunk);
      return true;
    });
  });
  afterEach(() => {
    jest.restoreAllMocks();
    rmSync(dir, { recursive: true, force: true });
  });

  it('parses its arguments and refuses a missing one or an unknown source', () => {
    expect(parsePseudonymiseArgs(['--new-key', 'k'])).toEqual({ newKey: 'k' });
    expect(parsePseudonymiseArgs(['--key', 'k', '--source', 'caf', '--input', 'a.csv', '--out', 'b.csv'])).toMatchObject({ source: 'caf', rejects: 'b.rejets.csv', months: false });
    expect(parsePseudonymiseArgs(['--key', 'k', '--source', 'cpam', '--input', 'a', '--out', 'b'])).toEqual({ error: m.unknownSource('cpam') });
    expect(parsePseudonymiseArgs(['--key', 'k', '--source', 'caf', '--input', 'a'])).toEqual({ error: m.usage("l'option --out est obligatoire") });
  });

  it('makes a key, then pseudonymises a Windows-1252 raw file: contract columns, rejects with reasons', async () => {
    const key = join(dir, 'mfer.key');
    expect(await runPseudonymise(['--new-key', key])).toBe(0);
    const input = join(dir, 'brut.csv');
    writeFileSync(input, Buffer.from(csv(rawMediation), 'latin1')); // Windows-1252 as a partner's export
    const out = join(dir, 'mediation.csv');
    expect(await runPseudonymise(['--key', key, '--source', 'mediation', '--input', input, '--out', out, '--mois'])).toBe(0);
    const rows = parseCsvText(readFileSync(out, 'utf8')).rows.filter((r) => r.length > 1);
    expect(rows[0]).toEqual(['enfant', 'famille', 'service', 'departement', 'debut', 'fin', 'cadre', 'issue']);
    expect(rows).toHaveLength(4);
    for (const row of rows.slice(1)) expect(row[0]).toMatch(PSEUDONYM);
    expect(rows[1].slice(4, 6)).toEqual(['2024-01', '2024-06']);
    // the same child typed with and without accents links
    expect(rows[3][0]).toBe(rows[2][0]);
    const rejects = readFileSync(join(dir, 'mediation.rejets.csv'), 'utf8');
    expect(rejects).toContain(m.nirKey('nir_enfant'));
    expect(rejects).not.toContain('269054958815781');
    expect(err).toContain(m.done(out, 3, 3, join(dir, 'mediation.rejets.csv')));
  });

  it('refuses a loose key file and writes nothing', async () => {
    const key = join(dir, 'mfer.key');
    writeFileSync(key, new Uint8Array(32), { mode: 0o644 });
    const input = join(dir, 'brut.csv');
    writeFileSync(input, csv(rawMediation));
    const out = join(dir, 'mediation.csv');
    expect(await runPseudonymise(['--key', key, '--source', 'mediation', '--input', input, '--out', out])).toBe(1);
    expect(err).toContain(m.keyLoose(key, '644'));
    expect(existsSync(out)).toBe(false);
  });

  it('refuses the sample key shipped in the repository', async () => {
    const input = join(dir, 'brut.csv');
    writeFileSync(input, csv(rawMediation));
    const key = join(import.meta.dirname, '..', 'fixtures', 'suivi', 'cle-echantillon.key');
    expect(await runPseudonymise(['--key', key, '--source', 'mediation', '--input', input, '--out', join(dir, 'o.csv')])).toBe(1);
    expect(existsSync(join(dir, 'o.csv'))).toBe(false);
  });
});

describe('mfer annual refuses follow-up files holding direct identifiers', () => {
  let dir: string;
  let err: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'mfer-suivi-id-'));
    mkdirSync(join(dir, 'in', 'returns', '2025', 'mediation'), { recursive: true });
    mkdirSync(join(dir, 'in', 'suivi', '2025'), { recursive: true });
    err = '';
    jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      err += String(chunk);
      return true;
    });
  });
  afterEach(() => {
    jest.restoreAllMocks();
    rmSync(dir, { recursive: true, force: true });
  });
  const annualIn = () => runAnnual(['--input', join(dir, 'in'), '--out', join(dir, 'out'), '--reports', join(dir, 'rapports'), '--quiet']);
  const pseudo = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

  it('an identifier column: a clear error naming the file and column, nothing written', async () => {
    writeFileSync(join(dir, 'in', 'suivi', '2025', 'caf.csv'), `enfant;famille;Prénom;annee\r\n${pseudo};${pseudo};Zoé;2025\r\n`);
    expect(await annualIn()).toBe(1);
    expect(err).toContain(m.identifierHeader(join('suivi', '2025', 'caf.csv'), 'Prénom'));
    expect(existsSync(join(dir, 'out', '2025'))).toBe(false);
    expect(existsSync(join(dir, 'rapports'))).toBe(false);
  });

  it('NIR-looking values in an innocent column: refused the same way, naming the column and line', async () => {
    writeFileSync(join(dir, 'in', 'suivi', '2025', 'justice.csv'), `enfant,famille,departement\n${pseudo},${pseudo},13\n${pseudo},2 69 05 49 588 157 80,13\n`);
    expect(await annualIn()).toBe(1);
    expect(err).toContain(m.identifierValue(join('suivi', '2025', 'justice.csv'), 'famille', 3));
    expect(existsSync(join(dir, 'out', '2025'))).toBe(false);
    expect(existsSync(join(dir, 'rapports'))).toBe(false);
  });
});
