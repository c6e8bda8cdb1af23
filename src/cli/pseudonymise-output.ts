/**
 * Where `mfer pseudonymise` writes each row's outcome — the pseudonymised row, or its line and reason
 * in the rejects — with the counts of both; one writer for the whole file or for a worker's part.
 *
 * @example
 *   const sink = new OutcomeSink(new BufferedFileWriter(out), new BufferedFileWriter(rejects));
 *   sink.write(pseudonymise(cells, line));
 *   sink.rows; // 1
 */
import type { BufferedFileWriter } from '../io/buffered-writer.ts';
import { csvTextLine } from '../format/csv.ts';
import type { RowOutcome } from '../suivi/pseudonymise.ts';

export class OutcomeSink {
  rows = 0;
  rejects = 0;

  constructor(
    readonly out: BufferedFileWriter,
    readonly rejected: BufferedFileWriter,
  ) {}

  /** `undefined`: a row the pseudonymiser skips (blank line) */
  write(outcome: RowOutcome | undefined): void {
    if (outcome === undefined) return;
    if ('row' in outcome) {
      this.out.write(`${csvTextLine(outcome.row, ';')}\r\n`);
      this.rows++;
    } else {
      this.rejected.write(`${csvTextLine([String(outcome.reject.ligne), outcome.reject.motif], ';')}\r\n`);
      this.rejects++;
    }
  }
}
