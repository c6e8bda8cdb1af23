/**
 * A CSV file read as a stream of rows, in bounded memory whatever its size, with the same result as
 * `decodeText` then `parseCsvText` on the whole file (the grid of `loadGrid`):
 * - the encoding is decided as `decode.ts` does: a BOM, UTF-16 recognised by its zero bytes, then
 *   strict UTF-8 if the whole file is valid UTF-8 (checked in one pass over the bytes, chunk by
 *   chunk, before reading), otherwise Windows-1252; binary content is refused from its start;
 * - the delimiter is detected on the first lines (`detectDelimiter`);
 * - the rows come from csv-parse's stream API with `parseCsvText`'s options, a suspect record split
 *   back into its physical lines (`suspectLines`);
 * - a file without any double quote is cut into lines and cells directly (`plainRows`, the same rows
 *   as csv-parse's on such a text, several times faster);
 * - a quoting error (an unclosed quote) restarts the read without quoting, as `parseCsvText` does:
 *   the visitor's `restart` is called first so that it drops what it has written. In quoted mode a
 *   record may not exceed `MAX_QUOTED_RECORD` characters (an unclosed quote would otherwise gather the
 *   rest of the file in memory): beyond it, the read restarts without quoting too.
 *
 * @example
 *   await streamCsv('caf.csv', { row: (cells) => n++, restart: () => (n = 0) }); // { delimiter: ";", encoding: "utf-8" }
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { StringDecoder } from 'node:string_decoder';
import { pipeline } from 'node:stream/promises';
import { parse, type Options } from 'csv-parse';
import iconv from 'iconv-lite';
import { looksBinary, looksUtf16le } from '../format/decode.ts';
import { detectDelimiter, RECORD_DELIMITERS, suspectLines, type Delimiter } from '../format/csv-grid.ts';

const CHUNK = 1 << 20;
/** The longest record read with quoting (characters); beyond it the quote is taken as unclosed. */
export const MAX_QUOTED_RECORD = 1 << 20;

export interface CsvVisitor {
  /** one row of cells, header first, blank lines as `[""]` (row numbers stay the file's) */
  row(cells: string[]): void;
  /** the read starts again from the first row (without quoting): forget the rows seen so far */
  restart(): void;
}

export type StreamEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export class BinaryCsvError extends Error {}

/** An error thrown by the visitor itself (a write that failed): passed on, never taken for a quoting error. */
class VisitorFailure extends Error {
  constructor(readonly failure: unknown) {
    super('visitor');
  }
}

/** Reads `length` bytes at `position` (fewer at the end of the file). */
function readAt(fd: number, position: number, length: number): Buffer {
  const buffer = Buffer.allocUnsafe(length);
  const n = readSync(fd, buffer, 0, length, position);
  return buffer.subarray(0, n);
}

/**
 * One pass over the bytes from `start` to the end of the file, in chunks: whether they are valid
 * UTF-8, and whether any is a double quote (0x22, which is `"` in UTF-8 and Windows-1252 alike).
 */
function scanBytes(fd: number, start: number, chunkBytes: number): { utf8: boolean; quotes: boolean } {
  let position = start;
  let carry = Buffer.alloc(0);
  let utf8 = true;
  let quotes = false;
  for (;;) {
    const chunk = readAt(fd, position, chunkBytes);
    if (chunk.length === 0) return { utf8: utf8 && (carry.length === 0 || isUtf8(carry)), quotes };
    position += chunk.length;
    if (!quotes && chunk.indexOf(0x22) >= 0) quotes = true;
    if (utf8) {
      const bytes = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
      // keep a sequence cut at the chunk's end for the next one: back up to its lead byte (at most 3)
      let cut = bytes.length;
      for (let k = 1; k <= 3 && k <= bytes.length; k++) {
        const b = bytes[bytes.length - k];
        if ((b & 0xc0) !== 0x80) {
          if (b >= 0xc0) cut = bytes.length - k;
          break;
        }
      }
      if (!isUtf8(bytes.subarray(0, cut))) utf8 = false;
      carry = Buffer.from(bytes.subarray(cut));
    }
    if (!utf8 && quotes) return { utf8, quotes };
  }
}

/**
 * The encoding of the file, the number of bytes to skip (its BOM), and whether the text may hold a
 * double quote (always assumed in UTF-16, whose bytes are not scanned).
 */
function detectEncoding(fd: number, chunkBytes: number): { encoding: StreamEncoding; skip: number; quotes: boolean } {
  const head = readAt(fd, 0, 2000);
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) {
    const scan = scanBytes(fd, 3, chunkBytes);
    return { encoding: scan.utf8 ? 'utf-8-bom' : 'windows-1252', skip: 3, quotes: scan.quotes };
  }
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', skip: 2, quotes: true };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', skip: 2, quotes: true };
  if (looksUtf16le(head)) return { encoding: 'utf-16le', skip: 0, quotes: true };
  const scan = scanBytes(fd, 0, chunkBytes);
  return { encoding: scan.utf8 ? 'utf-8' : 'windows-1252', skip: 0, quotes: scan.quotes };
}

interface TextDecoderLike {
  write(bytes: Buffer): string;
  end(): string | undefined;
}

function decoderFor(encoding: StreamEncoding): TextDecoderLike {
  if (encoding === 'utf-8' || encoding === 'utf-8-bom') return new StringDecoder('utf8');
  const iconvName = { 'utf-16le': 'utf16le', 'utf-16be': 'utf16be', 'windows-1252': 'win1252' }[encoding];
  return iconv.getDecoder(iconvName);
}

/** The decoded text of the file, chunk by chunk, from `skip`. */
function* texts(fd: number, encoding: StreamEncoding, skip: number, chunkBytes: number, end = Infinity, fileStart = true): Generator<string> {
  const decoder = decoderFor(encoding);
  // `decodeText`'s TextDecoder drops a BOM at the start of the text it decodes (after the BOM bytes
  // skipped): so does this one (iconv-lite's decoders do it themselves)
  let first = fileStart && (encoding === 'utf-8' || encoding === 'utf-8-bom');
  let position = skip;
  for (;;) {
    const chunk = readAt(fd, position, Math.min(chunkBytes, end - position));
    if (chunk.length === 0) break;
    position += chunk.length;
    let text = decoder.write(chunk);
    if (first && text !== '') {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    if (text !== '') yield text;
  }
  const rest = decoder.end();
  if (rest) yield rest;
}

/** Enough of the text to detect the delimiter (30 whole lines) and binary content (8 000 characters). */
function headOf(chunks: Iterator<string>): { head: string; done: boolean } {
  let head = '';
  for (;;) {
    const lineBreaks = head.match(/\r\n|\n|\r/g)?.length ?? 0;
    if ((lineBreaks > 30 && head.length >= 8000) || head.length > 16 * CHUNK) return { head, done: false };
    const next = chunks.next();
    if (next.done) return { head, done: true };
    head += next.value;
  }
}

/**
 * The rows of a text that holds no double quote: csv-parse (with or without quoting) then reads
 * each line cut at the delimiter, which is done here directly, several times faster. Same rows: a
 * record ends at `\r\n`, `\n` or `\r` (a `\r` ending a chunk waits for the next one), a blank line
 * is `[""]`, nothing follows a final line break, a leading BOM is dropped.
 */
function plainRows(texts: Iterable<string>, delimiter: Delimiter, visit: (cells: string[]) => void, fileStart = true): void {
  const lineBreak = /[\r\n]/g;
  let carry = '';
  let first = fileStart;
  for (const text of texts) {
    let buffer = carry + text;
    if (first && buffer !== '') {
      if (buffer.charCodeAt(0) === 0xfeff) buffer = buffer.slice(1);
      first = false;
    }
    let start = 0;
    lineBreak.lastIndex = 0;
    for (let match = lineBreak.exec(buffer); match !== null; match = lineBreak.exec(buffer)) {
      const at = match.index;
      const cr = buffer.charCodeAt(at) === 13;
      if (cr && at + 1 === buffer.length) break; // `\r` or `\r\n`: the next chunk says
      visit(buffer.slice(start, at).split(delimiter));
      start = cr && buffer.charCodeAt(at + 1) === 10 ? at + 2 : at + 1;
      lineBreak.lastIndex = start;
    }
    carry = buffer.slice(start);
  }
  if (carry !== '') visit((carry.endsWith('\r') ? carry.slice(0, -1) : carry).split(delimiter));
}

async function parseOnce(path: string, encoding: StreamEncoding, skip: number, quote: boolean | 'none', visitor: CsvVisitor, chunkBytes: number, maxQuotedRecord = MAX_QUOTED_RECORD): Promise<Delimiter> {
  const fd = openSync(path, 'r');
  try {
    const chunks = texts(fd, encoding, skip, chunkBytes);
    const { head } = headOf(chunks);
    if (looksBinary(head)) throw new BinaryCsvError(path);
    const delimiter = detectDelimiter(head);
    if (quote === 'none') {
      try {
        plainRows(
          (function* () {
            yield head;
            yield* chunks;
          })(),
          delimiter,
          (cells) => visitor.row(cells),
        );
      } catch (error) {
        throw new VisitorFailure(error);
      }
      return delimiter;
    }
    const options: Options = {
      delimiter,
      record_delimiter: RECORD_DELIMITERS,
      relax_quotes: true,
      relax_column_count: true,
      skip_empty_lines: false,
      bom: true,
      ...(quote ? { max_record_size: maxQuotedRecord } : { quote: false }),
    };
    async function* source(): AsyncGenerator<string> {
      if (head !== '') yield head;
      for (const text of chunks) yield text;
    }
    await pipeline(source, parse(options), async (records: AsyncIterable<string[]>) => {
      for await (const record of records) {
        const lines = suspectLines(record, delimiter);
        try {
          if (lines === undefined) visitor.row(record);
          else for (const line of lines) visitor.row(line);
        } catch (error) {
          throw new VisitorFailure(error);
        }
      }
    });
    return delimiter;
  } finally {
    closeSync(fd);
  }
}

/**
 * Every row of the CSV file at `path` to `visitor.row`, in order. Throws `BinaryCsvError` when the
 * file is binary (nothing visited). `chunkBytes` (1 MiB by default) is the size of each read;
 * `maxQuotedRecord` (default `MAX_QUOTED_RECORD`) the longest quoted record.
 */
export async function streamCsv(path: string, visitor: CsvVisitor, options: { chunkBytes?: number; maxQuotedRecord?: number } = {}): Promise<{ delimiter: Delimiter; encoding: StreamEncoding }> {
  const chunkBytes = options.chunkBytes ?? CHUNK;
  const fd = openSync(path, 'r');
  let detected: { encoding: StreamEncoding; skip: number; quotes: boolean };
  try {
    detected = detectEncoding(fd, chunkBytes);
  } finally {
    closeSync(fd);
  }
  const { encoding, skip, quotes } = detected;
  try {
    return { delimiter: await parseOnce(path, encoding, skip, quotes ? true : 'none', visitor, chunkBytes, options.maxQuotedRecord), encoding };
  } catch (error) {
    if (error instanceof VisitorFailure) throw error.failure;
    if (error instanceof BinaryCsvError) throw error;
    // an unclosed quote (or a quoted record beyond the limit): read the file without quoting
    visitor.restart();
    try {
      return { delimiter: await parseOnce(path, encoding, skip, false, visitor, chunkBytes), encoding };
    } catch (failure) {
      throw failure instanceof VisitorFailure ? failure.failure : failure;
    }
  }
}

/** A byte range of a quote-free file holding whole lines, and the raw line number of its first row. */
export interface CsvRange {
  start: number;
  end: number;
  firstLine: number;
}

/** How to read a quote-free file in parallel: its header row, and ranges of whole lines after it. */
export interface CsvSplit {
  encoding: StreamEncoding;
  delimiter: Delimiter;
  header: string[];
  ranges: CsvRange[];
}

/** Line breaks (`\r\n`, `\n`, lone `\r`) among the bytes of `[start, end)`, read in chunks. */
function countLineBreaks(fd: number, start: number, end: number): number {
  let count = 0;
  let previousCr = false;
  for (let position = start; position < end; ) {
    const chunk = readAt(fd, position, Math.min(CHUNK, end - position));
    if (chunk.length === 0) break;
    for (let at = chunk.indexOf(10); at >= 0; at = chunk.indexOf(10, at + 1)) count++;
    for (let at = chunk.indexOf(13); at >= 0; at = chunk.indexOf(13, at + 1)) if (at + 1 < chunk.length ? chunk[at + 1] !== 10 : true) count++;
    // a `\r` ending one chunk and the `\n` starting the next were counted twice
    if (previousCr && chunk[0] === 10) count--;
    previousCr = chunk[chunk.length - 1] === 13;
    position += chunk.length;
  }
  return count;
}

/**
 * Splits a file into `parts` ranges of whole lines (cut just after a `\n`) when it can be read in
 * parallel with the rows `streamCsv` gives: UTF-8 or Windows-1252 (a `\n` byte is a line feed in
 * both), no double quote anywhere, not binary, a header line ended by a line break, and at least
 * `minBytes` bytes. Otherwise undefined (read it with `streamCsv`).
 */
export function splitCsv(path: string, parts: number, minBytes: number): CsvSplit | undefined {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    if (parts < 2 || size < minBytes) return undefined;
    const { encoding, skip, quotes } = detectEncoding(fd, CHUNK);
    if (quotes || (encoding !== 'utf-8' && encoding !== 'utf-8-bom' && encoding !== 'windows-1252')) return undefined;
    const { head } = headOf(texts(fd, encoding, skip, CHUNK));
    if (looksBinary(head)) return undefined;
    const delimiter = detectDelimiter(head);
    // the header: the bytes up to the first line break
    const first = readAt(fd, skip, Math.min(CHUNK, size - skip));
    const lf = first.indexOf(10);
    const cr = first.indexOf(13);
    const breakAt = lf < 0 ? cr : cr < 0 ? lf : Math.min(lf, cr);
    if (breakAt < 0) return undefined;
    const headerEnd = skip + breakAt + (first[breakAt] === 13 && first[breakAt + 1] === 10 ? 2 : 1);
    let header: string[] = [];
    plainRows(
      texts(fd, encoding, skip, CHUNK, headerEnd),
      delimiter,
      (cells) => (header = cells),
    );
    const ranges: CsvRange[] = [];
    let start = headerEnd;
    let line = 2;
    for (let k = 1; k <= parts && start < size; k++) {
      let end = size;
      if (k < parts) {
        const target = headerEnd + Math.floor(((size - headerEnd) * k) / parts);
        const probe = readAt(fd, Math.max(start, target), CHUNK);
        const lfAt = probe.indexOf(10);
        if (lfAt < 0) return undefined; // lines longer than a chunk, or a file of lone `\r`
        end = Math.max(start, target) + lfAt + 1;
      }
      if (end <= start) continue;
      ranges.push({ start, end, firstLine: line });
      line += countLineBreaks(fd, start, end);
      start = end;
    }
    return { encoding, delimiter, header, ranges };
  } finally {
    closeSync(fd);
  }
}

/** Every row of one range of a split file (see `splitCsv`) to `visit`, in order. */
export function readCsvRange(path: string, split: Pick<CsvSplit, 'encoding' | 'delimiter'>, range: CsvRange, visit: (cells: string[]) => void): void {
  const fd = openSync(path, 'r');
  try {
    plainRows(texts(fd, split.encoding, range.start, CHUNK, range.end, false), split.delimiter, visit, false);
  } finally {
    closeSync(fd);
  }
}
