/**
 * `mfer sample [--out data-raw] [--seed N] [--scale K] [--no-defects]` — regenerates the fictitious
 * survey returns (`<out>/returns/<year>/{mediation,rencontre}/`, plus `DEFECTS.md` and `defects.json`)
 * and the register of known services (`<out>/reference/services.csv`)
 * from the reference departments and the survey dictionaries. The generator is pure
 * (`src/sample/`); this file only reads its inputs and writes its files.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { loadGeography } from '../ingest/geography.ts';
import type { Department } from '../model/geography.ts';
import { generateSample, listedPaths, SAMPLE_LIST, SUIVI_SAMPLE_LIST, type SampleDictionary, type SampleSurvey } from '../sample/generate.ts';
import { REGISTER_LIST, REGISTER_PATH, writtenBySample } from '../sample/register.ts';
import { DEFAULT_SEED } from '../sample/seed.ts';
import { sampleBadArgument, sampleMissingInput, sampleWouldErase, sampleWouldOverwrite, sampleWritten } from '../sample/messages.ts';
import { systemErrorText } from './system-error.ts';
import { loadSampleKey, loadSuiviConfig } from '../ingest/suivi.ts';
import { suiviDictionaryFor } from '../suivi/contract.ts';
import { BufferedFileWriter } from '../io/buffered-writer.ts';

/** Where the inputs are, relative to the repository root (overridable for tests and benchmarks). */
export interface SampleSources {
  departments: string;
  dictionaries: string;
  /** follow-up dictionaries and the public sample key (issue 23) */
  suivi: string;
  suiviKey: string;
}

export const DEFAULT_SOURCES: SampleSources = {
  departments: 'data-raw/reference/departements.csv',
  dictionaries: 'pipelines/config/surveys',
  suivi: 'pipelines/config/suivi',
  suiviKey: 'tests/fixtures/suivi/cle-echantillon.key',
};

/**
 * The departments of the reference geography whose `departements.csv` is `path` (its `region.csv` and
 * `cour-appel.csv` sit beside it): the same checked loader as `mfer annual`, so the sample's region and
 * court codes are the pipeline's.
 */
export function readDepartments(path: string): Department[] {
  if (!existsSync(path)) throw new Error(sampleMissingInput(path));
  return [...loadGeography(dirname(path)).departments];
}

export function readDictionary(dir: string, survey: SampleSurvey, year: number): SampleDictionary {
  const path = join(dir, survey, `${year}.json`);
  if (!existsSync(path)) throw new Error(sampleMissingInput(path));
  return JSON.parse(readFileSync(path, 'utf8')) as SampleDictionary;
}

/** Every file below `dir`, relative to `base`, with `/` separators. */
function filesBelow(dir: string, base: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesBelow(path, base) : [relative(base, path).split(sep).join('/')];
  });
}

/**
 * A file under `<out>/returns` that an earlier `mfer sample` did not write (real returns put beside
 * the sample): regenerating the sample would erase it, so the command refuses and names it.
 */
function foreignFile(out: string, folder: 'returns' | 'suivi' = 'returns'): string | undefined {
  const returns = join(out, folder);
  if (!existsSync(returns)) return undefined;
  const listPath = folder === 'returns' ? SAMPLE_LIST : SUIVI_SAMPLE_LIST;
  const list = join(out, listPath);
  const listed = existsSync(list) ? listedPaths(readFileSync(list, 'utf8')) : new Set<string>();
  return filesBelow(returns, out).find((path) => path !== listPath && !listed.has(path));
}

/**
 * A register of known services that an earlier `mfer sample` did not write, or that was changed since
 * (a real one, from the CNAF or the Justice list): the sample would overwrite it, so the command refuses.
 */
function foreignRegister(out: string): boolean {
  const register = join(out, REGISTER_PATH);
  if (!existsSync(register)) return false;
  const list = join(out, REGISTER_LIST);
  return !existsSync(list) || !writtenBySample(readFileSync(list, 'utf8'), readFileSync(register));
}

/** Separated families' children known to the CAFs in a year, France entière (issue 23's order of size). */
const NATIONAL_CAF_CHILDREN = 3_000_000;
/** Family-court decisions concerning children in a year, France entière (same source). */
const NATIONAL_DECISIONS = 300_000;

function option(argv: string[], name: string): string | undefined {
  const at = argv.indexOf(name);
  return at >= 0 ? argv[at + 1] : undefined;
}

export async function runSample(argv: string[]): Promise<number> {
  const out = option(argv, '--out') ?? 'data-raw';
  const seed = Number(option(argv, '--seed') ?? DEFAULT_SEED);
  const scale = Number(option(argv, '--scale') ?? 1);
  const suiviScale = option(argv, '--suivi-scale');
  if (!Number.isInteger(seed) || !(scale > 0) || (suiviScale !== undefined && suiviScale !== 'national')) {
    process.stderr.write(`${sampleBadArgument()}\n`);
    return 2;
  }
  const sources: SampleSources = {
    departments: option(argv, '--departements') ?? DEFAULT_SOURCES.departments,
    dictionaries: option(argv, '--dictionnaires') ?? DEFAULT_SOURCES.dictionaries,
    suivi: DEFAULT_SOURCES.suivi,
    suiviKey: DEFAULT_SOURCES.suiviKey,
  };
  try {
    const departments = readDepartments(sources.departments);
    const suivi = existsSync(sources.suivi) && existsSync(sources.suiviKey) ? loadSuiviConfig(sources.suivi) : undefined;
    // refusals first: the national follow-up files are written into `suivi/` while they are generated
    const stranger = foreignFile(out);
    if (stranger !== undefined) {
      process.stderr.write(`${sampleWouldErase(join(out, 'returns'), stranger)}\n`);
      return 1;
    }
    // real follow-up files beside the sample's (the folder is replaced whole): refused the same way
    const strangerSuivi = suivi ? foreignFile(out, 'suivi') : undefined;
    if (strangerSuivi !== undefined) {
      process.stderr.write(`${sampleWouldErase(join(out, 'suivi'), strangerSuivi)}\n`);
      return 1;
    }
    if (foreignRegister(out)) {
      process.stderr.write(`${sampleWouldOverwrite(join(out, REGISTER_PATH))}\n`);
      return 1;
    }
    const national = suiviScale === 'national';
    if (suivi && national) rmSync(join(out, 'suivi'), { recursive: true, force: true });
    const { files, defects } = await generateSample({
      departments,
      dictionary: (survey, year) => readDictionary(sources.dictionaries, survey, year),
      seed,
      scale,
      defects: !argv.includes('--no-defects'),
      suivi: suivi && {
        key: loadSampleKey(sources.suiviKey),
        dictionary: (source) => suiviDictionaryFor(suivi.dictionaries, source, 9999)!,
        identifiers: suivi.identifiers,
        departments: national ? 'all' : undefined,
        // national: streamed to disk, the last four years filled up to 3 million CAF children and
        // 300 000 family-court decisions a year
        stream: national ? { dir: out, open: openSampleFile, cafChildrenPerYear: NATIONAL_CAF_CHILDREN, decisionsPerYear: NATIONAL_DECISIONS } : undefined,
      },
    });
    rmSync(join(out, 'returns'), { recursive: true, force: true });
    if (suivi && !national) rmSync(join(out, 'suivi'), { recursive: true, force: true });
    for (const file of files) {
      mkdirSync(dirname(join(out, file.path)), { recursive: true });
      writeFileSync(join(out, file.path), file.content);
    }
    if (!argv.includes('--quiet')) process.stderr.write(`${sampleWritten(join(out, 'returns'), files.filter((f) => f.path.startsWith('returns/')).length, defects.length, join(out, REGISTER_PATH))}\n`);
    return 0;
  } catch (error) {
    process.stderr.write(`${systemErrorText(error, 'mfer sample : ')}\n`);
    return 1;
  }
}

/** A follow-up file of the national sample, readable by all (as the survey returns are). */
const openSampleFile = (path: string, parents: boolean) => new BufferedFileWriter(path, 0o644, { parents });
