/**
 * `mfer pseudonymise --key KEY --source SOURCE --input BRUT.csv --out PSEUDO.csv [--rejets FICHIER] [--mois] [--annee AAAA]`
 * `mfer pseudonymise --new-key KEY`
 * Run by each partner (or the trusted third party holding the key) before a follow-up file leaves
 * them: pseudonyms in, identifiers out (src/suivi/pseudonymise.ts); invalid identifiers go to the
 * rejects file with their line and reason. The raw file is streamed (`streamCsv`) and both outputs
 * written in blocks through temporary names: memory stays bounded whatever the file's size (a CAF
 * file holds millions of children), and a failed run leaves no half file. Exit codes: 0 done; 1 key, input or configuration refused;
 * 2 bad arguments.
 *
 * @example
 *   await runPseudonymise(['--new-key', '/secure/mfer.key']); // 0
 */
import { existsSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { openWorkers } from '../runtime/workers.ts';
import { fileURLToPath } from 'node:url';
import { BinaryCsvError, splitCsv, streamCsv, type CsvSplit } from '../ingest/csv-stream.ts';
import { loadSuiviConfig } from '../ingest/suivi.ts';
import { BufferedFileWriter } from '../io/buffered-writer.ts';
import { csvTextLine } from '../format/csv.ts';
import { OutcomeSink } from './pseudonymise-output.ts';
import { readKeyFile, writeNewKey } from '../io/key-file.ts';
import { SUIVI_SOURCES, suiviDictionaryFor, type IdentifierConfig, type SuiviDictionary, type SuiviSource } from '../suivi/contract.ts';
import { suiviMessages as m } from '../suivi/messages.ts';
import { missingRawColumns, rowPseudonymiser, type RowOutcome } from '../suivi/pseudonymise.ts';
import { usage } from './usage.ts';

function shipped(path: string): string {
  return existsSync(path) ? path : fileURLToPath(new URL(`../../${path}`, import.meta.url));
}

const VALUE_OPTIONS = ['--key', '--new-key', '--source', '--input', '--out', '--rejets', '--annee', '--config'] as const;

export type PseudonymiseArgs =
  | { newKey: string }
  | { key: string; source: SuiviSource; input: string; out: string; rejects: string; months: boolean; year?: number; config: string }
  | { error: string };

export function parsePseudonymiseArgs(argv: readonly string[]): PseudonymiseArgs {
  const values: Record<string, string> = Object.create(null);
  let months = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--mois') months = true;
    else if ((VALUE_OPTIONS as readonly string[]).includes(arg)) {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) return { error: m.usage(`l'option ${arg} attend une valeur`) };
      values[arg] = value;
      i++;
    } else return { error: m.usage(`option inconnue « ${arg} »`) };
  }
  if (values['--new-key'] !== undefined) return { newKey: values['--new-key'] };
  for (const option of ['--key', '--source', '--input', '--out']) if (values[option] === undefined) return { error: m.usage(`l'option ${option} est obligatoire`) };
  const source = values['--source'];
  if (!(SUIVI_SOURCES as readonly string[]).includes(source)) return { error: m.unknownSource(source) };
  const year = values['--annee'];
  if (year !== undefined && !/^\d{4}$/.test(year)) return { error: m.usage(`année invalide « ${year} »`) };
  const out = values['--out'];
  return {
    key: values['--key'],
    source: source as SuiviSource,
    input: values['--input'],
    out,
    rejects: values['--rejets'] ?? `${out.replace(/\.csv$/i, '')}.rejets.csv`,
    months,
    year: year === undefined ? undefined : Number(year),
    config: values['--config'] ?? shipped('pipelines/config/suivi'),
  };
}

interface FileJob {
  input: string;
  out: string;
  rejects: string;
  months: boolean;
}

/** Below this size a file is read by one thread (starting the workers costs more than they save). */
const PARALLEL_MIN_BYTES = 32 * 2 ** 20;
/** The workers' young generation (V8's default is 16 to 32 MiB). */
const YOUNG_GENERATION_MB = 96;

/**
 * A large quote-free file cut into ranges of whole lines, one per worker thread (`splitCsv`), each
 * pseudonymised into its parts, the parts then joined in order below the header: the bytes of the
 * one-thread read.
 */
async function pseudonymiseSplit(job: FileJob, split: CsvSplit, dictionary: SuiviDictionary, identifiers: IdentifierConfig, key: Uint8Array): Promise<{ rows: number; rejects: number }> {
  const header = Object.keys(dictionary.fields);
  const parts = split.ranges.map((range, k) => ({ range, out: `${job.out}.${process.pid}.part${k}`, rejects: `${job.rejects}.${process.pid}.part${k}` }));
  // millions of short-lived strings and arrays: a larger young generation makes fewer collections
  // (same bytes; see bench/README.md)
  const pool = openWorkers(new URL('./pseudonymise-worker.ts', import.meta.url), parts.length, { stopped: m.workerStopped, closed: m.workerStopped }, { resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
  const out = new BufferedFileWriter(job.out);
  const rejected = new BufferedFileWriter(job.rejects);
  try {
    const counts = (await Promise.all(
      parts.map((part) => pool.call({ input: job.input, split: { encoding: split.encoding, delimiter: split.delimiter, header: split.header }, range: part.range, dictionary, identifiers, key, months: job.months, out: part.out, rejects: part.rejects })),
    )) as { rows: number; rejects: number }[];
    out.write(`${csvTextLine(header, ';')}\r\n`);
    for (const part of parts) out.append(part.out);
    out.commit();
    const rejects = counts.reduce((n, c) => n + c.rejects, 0);
    if (rejects > 0) {
      rejected.write(`\ufeff${csvTextLine(['ligne', 'motif'], ';')}\r\n`);
      for (const part of parts) rejected.append(part.rejects);
      rejected.commit();
    } else rejected.abort();
    return { rows: counts.reduce((n, c) => n + c.rows, 0), rejects };
  } catch (error) {
    out.abort();
    rejected.abort();
    throw error;
  } finally {
    await pool.close();
    for (const part of parts) for (const path of [part.out, part.rejects]) rmSync(path, { force: true });
  }
}

/**
 * Streams the raw file `job.input` row by row into the contract's file `job.out` (`;`, CRLF, no BOM)
 * and the rejects `job.rejects` (`ligne;motif`, UTF-8 with BOM, written only when a row is
 * rejected). A large quote-free file is read by `parallel.workers` threads, with the same bytes.
 * Throws the French refusal (unreadable file, missing columns) with nothing written.
 */
export async function pseudonymiseFile(
  job: FileJob,
  dictionary: SuiviDictionary,
  identifiers: IdentifierConfig,
  key: Uint8Array,
  parallel: { workers: number; minBytes: number } = { workers: Math.min(2, availableParallelism()), minBytes: PARALLEL_MIN_BYTES },
): Promise<{ rows: number; rejects: number }> {
  const split = splitCsv(job.input, parallel.workers, parallel.minBytes);
  if (split !== undefined) {
    const missing = missingRawColumns(split.header, dictionary, identifiers);
    if (missing.length > 0) throw new Error(m.missingRawColumns(job.input, missing));
    return pseudonymiseSplit(job, split, dictionary, identifiers, key);
  }
  const header = Object.keys(dictionary.fields);
  const out = new BufferedFileWriter(job.out);
  const rejected = new BufferedFileWriter(job.rejects);
  let pseudonymise: ((raw: readonly string[], ligne: number) => RowOutcome) | undefined;
  let line = 0;
  let sink = new OutcomeSink(out, rejected);
  const start = () => {
    out.reset();
    rejected.reset();
    out.write(`${csvTextLine(header, ';')}\r\n`);
    rejected.write(`\ufeff${csvTextLine(['ligne', 'motif'], ';')}\r\n`);
    pseudonymise = undefined;
    line = 0;
    sink = new OutcomeSink(out, rejected);
  };
  try {
    start();
    await streamCsv(job.input, {
      restart: start,
      row(cells) {
        line++;
        if (pseudonymise === undefined) {
          const missing = missingRawColumns(cells, dictionary, identifiers);
          if (missing.length > 0) throw new Error(m.missingRawColumns(job.input, missing));
          pseudonymise = rowPseudonymiser(cells, dictionary, identifiers, key, { months: job.months });
          return;
        }
        sink.write(pseudonymise(cells, line));
      },
    });
    // an empty file has no header: every column is missing
    if (pseudonymise === undefined) throw new Error(m.missingRawColumns(job.input, missingRawColumns([], dictionary, identifiers)));
    out.commit();
    if (sink.rejects > 0) rejected.commit();
    else rejected.abort();
    return { rows: sink.rows, rejects: sink.rejects };
  } catch (error) {
    out.abort();
    rejected.abort();
    throw error instanceof BinaryCsvError ? new Error(m.unreadable(job.input)) : error;
  }
}

export async function runPseudonymise(argv: string[]): Promise<number> {
  const args = parsePseudonymiseArgs(argv);
  if ('error' in args) {
    process.stderr.write(`${args.error}\n\n${usage('pseudonymise')}`);
    return 2;
  }
  try {
    if ('newKey' in args) {
      writeNewKey(args.newKey);
      process.stderr.write(`${m.keyWritten(args.newKey)}\n`);
      return 0;
    }
    const key = readKeyFile(args.key);
    const config = loadSuiviConfig(args.config);
    const dictionary = suiviDictionaryFor(config.dictionaries, args.source, args.year ?? Number.MAX_SAFE_INTEGER);
    if (dictionary === undefined) throw new Error(m.noDictionary(args.config));
    const result = await pseudonymiseFile(args, dictionary, config.identifiers, key);
    process.stderr.write(`${m.done(args.out, result.rows, result.rejects, args.rejects)}\n`);
    return 0;
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
