/**
 * `mfer pseudonymise --key KEY --source SOURCE --input BRUT.csv --out PSEUDO.csv [--rejets FICHIER] [--mois] [--annee AAAA]`
 * `mfer pseudonymise --new-key KEY`
 * Run by each partner (or the trusted third party holding the key) before a follow-up file leaves
 * them: pseudonyms in, identifiers out (src/suivi/pseudonymise.ts); invalid identifiers go to the
 * rejects file with their line and reason. Exit codes: 0 done; 1 key, input or configuration refused;
 * 2 bad arguments.
 *
 * @example
 *   await runPseudonymise(['--new-key', '/secure/mfer.key']); // 0
 */
import { existsSync, renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadGrid, loadSuiviConfig } from '../ingest/suivi.ts';
import { readKeyFile, writeNewKey } from '../io/key-file.ts';
import { toCsv } from '../io/csv.ts';
import { SUIVI_SOURCES, suiviDictionaryFor, type SuiviSource } from '../suivi/contract.ts';
import { suiviMessages as m } from '../suivi/messages.ts';
import { missingRawColumns, pseudonymiseGrid } from '../suivi/pseudonymise.ts';
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

/** Writes a file through a temporary name, so that a failed run leaves no half file. */
function writeAtomic(path: string, text: string): void {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, text, { mode: 0o600 });
  renameSync(temporary, path);
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
    const grid = loadGrid(args.input);
    const missing = missingRawColumns(grid[0] ?? [], dictionary, config.identifiers);
    if (missing.length > 0) throw new Error(m.missingRawColumns(args.input, missing));
    const result = pseudonymiseGrid(grid, dictionary, config.identifiers, key, { months: args.months });
    const records = result.rows.map((row) => Object.fromEntries(result.header.map((h, i) => [h, row[i]])));
    writeAtomic(args.out, toCsv(records, result.header, { sep: ';', decimalComma: false, bom: false }));
    if (result.rejects.length > 0) writeAtomic(args.rejects, toCsv(result.rejects.map((r) => ({ ...r })), ['ligne', 'motif'], { sep: ';', decimalComma: false, bom: true }));
    process.stderr.write(`${m.done(args.out, result.rows.length, result.rejects.length, args.rejects)}\n`);
    return 0;
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
