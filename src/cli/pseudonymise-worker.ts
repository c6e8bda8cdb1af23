/**
 * A worker thread of `mfer pseudonymise` (see pseudonymiseFile): pseudonymises one range of whole
 * lines of a quote-free raw file (`readCsvRange`) into its own part of the output and of the
 * rejects, numbering rows with their line in the raw file. The parent joins the parts in order.
 *
 * @example
 *   await pool.call({ input, split, range, out: 'pseudo.csv.part1', rejects: 'pseudo.rejets.csv.part1', ... });
 */
import { parentPort } from 'node:worker_threads';
import { serveRequests } from '../runtime/workers.ts';
import { readCsvRange, type CsvRange, type CsvSplit } from '../ingest/csv-stream.ts';
import { BufferedFileWriter } from '../io/buffered-writer.ts';
import type { IdentifierConfig, SuiviDictionary } from '../suivi/contract.ts';
import { rowPseudonymiser } from '../suivi/pseudonymise.ts';
import { OutcomeSink } from './pseudonymise-output.ts';

export interface PartRequest {
  input: string;
  split: Pick<CsvSplit, 'encoding' | 'delimiter' | 'header'>;
  range: CsvRange;
  dictionary: SuiviDictionary;
  identifiers: IdentifierConfig;
  key: Uint8Array;
  months: boolean;
  out: string;
  rejects: string;
}

export function pseudonymisePart(request: PartRequest): { rows: number; rejects: number } {
  const pseudonymise = rowPseudonymiser(request.split.header, request.dictionary, request.identifiers, request.key, { months: request.months });
  const out = new BufferedFileWriter(request.out);
  const rejected = new BufferedFileWriter(request.rejects);
  let line = request.range.firstLine;
  const sink = new OutcomeSink(out, rejected);
  try {
    readCsvRange(request.input, request.split, request.range, (cells) => sink.write(pseudonymise(cells, line++)));
    out.commit();
    rejected.commit();
    return { rows: sink.rows, rejects: sink.rejects };
  } catch (error) {
    out.abort();
    rejected.abort();
    throw error;
  }
}

if (parentPort) serveRequests(parentPort, async (request: PartRequest) => pseudonymisePart(request));
