/**
 * A worker thread of `mfer pseudonymise` (see pseudonymiseFile): pseudonymises one range of whole
 * lines of a quote-free raw file (`readCsvRange`) into its own part of the output and of the
 * rejects, numbering rows with their line in the raw file. The parent joins the parts in order.
 *
 * @example
 *   await pool.call({ input, split, range, out: 'pseudo.csv.part1', rejects: 'pseudo.rejets.csv.part1', ... });
 */
import { parentPort } from 'node:worker_threads';
import { serveRequests } from '../common/workers.ts';
import { readCsvRange, type CsvRange, type CsvSplit } from '../ingest/csv-stream.ts';
import { BufferedFileWriter } from '../io/buffered-writer.ts';
import { csvTextLine } from '../io/csv.ts';
import type { IdentifierConfig, SuiviDictionary } from '../suivi/contract.ts';
import { rowPseudonymiser } from '../suivi/pseudonymise.ts';

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
  let rows = 0;
  let rejects = 0;
  try {
    readCsvRange(request.input, request.split, request.range, (cells) => {
      const outcome = pseudonymise(cells, line++);
      if (outcome === undefined) return;
      if ('row' in outcome) {
        out.write(`${csvTextLine(outcome.row, ';')}\r\n`);
        rows++;
      } else {
        rejected.write(`${csvTextLine([String(outcome.reject.ligne), outcome.reject.motif], ';')}\r\n`);
        rejects++;
      }
    });
    out.commit();
    rejected.commit();
    return { rows, rejects };
  } catch (error) {
    out.abort();
    rejected.abort();
    throw error;
  }
}

if (parentPort) serveRequests(parentPort, async (request: PartRequest) => pseudonymisePart(request));
