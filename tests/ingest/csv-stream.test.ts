/**
 * `streamCsv` (src/ingest/csv-stream.ts) gives the rows of the whole-file reader `loadGrid`
 * whatever the chunk size, encoding, line ends and quoting: on the dialect fixtures of
 * `mfer pseudonymise`, on random texts (the first 80 here, the others in
 * tests/e2e/csv-stream-random.test.ts), and at its limits.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAX_QUOTED_RECORD } from '../../src/ingest/csv-stream.ts';
import { loadGrid } from '../../src/ingest/suivi.ts';
import { randomCsvCases, streamed } from './csv-stream-cases.ts';

const fixtures = join(import.meta.dirname, '..', 'fixtures', 'suivi', 'pseudonymise');

describe('streamCsv reads the rows of loadGrid', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'mfer-flux-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('on every fixture dialect, whatever the chunk size', async () => {
    for (const name of readdirSync(fixtures).filter((n) => n.endsWith('.csv') && !n.includes('.attendu'))) {
      for (const chunk of [1, 2, 3, 7, 64, undefined]) expect([name, chunk, await streamed(join(fixtures, name), chunk)]).toEqual([name, chunk, loadGrid(join(fixtures, name))]);
    }
  });

  it('on random texts: delimiters, quotes, mixed line ends, accents, a BOM, in UTF-8, Windows-1252 and UTF-16', async () => {
    for (const { text, bytes, chunk } of randomCsvCases(0, 80)) {
      const path = join(dir, 'f.csv');
      writeFileSync(path, bytes);
      expect([text, chunk, await streamed(path, chunk)]).toEqual([text, chunk, loadGrid(path)]);
    }
  });

  it('decides Windows-1252 on a byte far from the start, and reads an unclosed quote without quoting', async () => {
    const lines = Array.from({ length: 5000 }, (_, i) => `l${i};Zoé;${i}`);
    lines[4990] = 'l4990;Ren\u00e9e;"4990';
    const path = join(dir, 'f.csv');
    writeFileSync(path, Buffer.from(`a;b;c\r\n${lines.join('\r\n')}\r\n`, 'latin1'));
    const rows = await streamed(path, 4096);
    expect(rows).toEqual(loadGrid(path));
    expect(rows[4991]).toEqual(['l4990', 'Renée', '"4990']);
  });

  it('restarts without quoting when a quoted record grows beyond its limit', async () => {
    const path = join(dir, 'f.csv');
    // (the default limit, MAX_QUOTED_RECORD, is 1 MiB: csv-parse takes half a minute on such a record)
    expect(MAX_QUOTED_RECORD).toBe(2 ** 20);
    writeFileSync(path, `a;b\r\n1;"${'x\n'.repeat(600)}\r\n2;3\r\n`);
    const rows = await streamed(path, 256, 1000);
    expect(rows).toEqual(loadGrid(path));
    expect(rows[0]).toEqual(['a', 'b']);
    expect(rows[1]).toEqual(['1', '"x']);
    expect(rows.at(-1)).toEqual(['2', '3']);
  });
});
