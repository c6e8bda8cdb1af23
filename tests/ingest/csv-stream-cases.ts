/**
 * Random CSV texts for `streamCsv` against the whole-file reader `loadGrid`: delimiters, quotes,
 * mixed line ends, accents, a BOM, in UTF-8, Windows-1252 and UTF-16, each read in small chunks.
 * Cases are numbered, always the same: `make unit` reads the first ones
 * (tests/ingest/csv-stream.test.ts), `make e2e` the others (tests/e2e/csv-stream-random.test.ts).
 */
import { streamCsv } from '../../src/ingest/csv-stream.ts';

/** The rows `streamCsv` gives for a file. */
export async function streamed(path: string, chunkBytes?: number, maxQuotedRecord?: number): Promise<string[][]> {
  const rows: string[][] = [];
  await streamCsv(path, { row: (cells) => rows.push(cells), restart: () => (rows.length = 0) }, { chunkBytes, maxQuotedRecord });
  return rows;
}

export interface RandomCsvCase {
  text: string;
  bytes: Buffer;
  chunk: number;
}

/** Cases `from` (included) to `to` (excluded) of the sequence: four encodings of one text each. */
export function* randomCsvCases(from: number, to: number): Generator<RandomCsvCase> {
  const pieces = ['a', 'bé', ';', ',', '\t', '\r', '\n', '\r\n', '"', '""', ' ', '€', 'x"y', '\ufeff'];
  let seed = 12345;
  const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  for (let t = 0; t < to; t++) {
    let text = '';
    const n = Math.floor(random() * 60);
    for (let i = 0; i < n; i++) text += pieces[Math.floor(random() * pieces.length)];
    const encodings = [Buffer.from(text, 'utf8'), Buffer.from(`\ufeff${text}`, 'utf8'), Buffer.from(text.replace(/[€\ufeff]/g, 'e'), 'latin1'), Buffer.from(`\ufeff${text}`, 'utf16le')];
    for (const bytes of encodings) {
      const chunk = 1 + Math.floor(random() * 9);
      if (t >= from) yield { text, bytes, chunk };
    }
  }
}
