/**
 * `streamCsv` gives the rows of the whole-file reader `loadGrid` on random texts 80 to 399
 * (tests/ingest/csv-stream-cases.ts; the first 80 run in `make unit`).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadGrid } from '../../src/ingest/suivi.ts';
import { randomCsvCases, streamed } from '../ingest/csv-stream-cases.ts';

describe('streamCsv reads the rows of loadGrid', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'mfer-flux-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('on random texts 80 to 399: delimiters, quotes, mixed line ends, accents, a BOM, in UTF-8, Windows-1252 and UTF-16', async () => {
    for (const { text, bytes, chunk } of randomCsvCases(80, 400)) {
      const path = join(dir, 'f.csv');
      writeFileSync(path, bytes);
      expect([text, chunk, await streamed(path, chunk)]).toEqual([text, chunk, loadGrid(path)]);
    }
  });
});
