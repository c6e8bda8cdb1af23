/**
 * The follow-up files at the edge (issue 23): their dictionaries (`pipelines/config/suivi/`), a
 * file's text as a grid (same dialects as the survey returns: `;` or `,`, Windows-1252 or UTF-8 with
 * BOM), and the follow-up files of `<input>/suivi/<year>/`, each screened for direct identifiers
 * before it is parsed: a file holding one stops the run with a message naming it and the column.
 *
 * @example
 *   const config = loadSuiviConfig('pipelines/config/suivi');
 *   const years = readFollowUp('data-raw', 'pipelines/config/suivi'); // [{ year: 2020, files: [...] }, …]
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseIdentifierConfig, parseSuiviDictionary, SUIVI_SOURCES, type IdentifierConfig, type SuiviDictionaries, type SuiviDictionary, type SuiviSource } from '../suivi/contract.ts';
import { parseSuivi, parseSuiviCsv, type SuiviFile } from '../format/suivi.ts';
import { findIdentifier } from '../suivi/identifiers.ts';
import { suiviMessages as m } from '../suivi/messages.ts';
import type { FollowUpPublicationConfig } from '../suivi/publish.ts';
import { hasPrimaryRule } from '../protect/primary.ts';
import { ruleSetSchema } from '../protect/rule-set.ts';

export interface SuiviConfig {
  dictionaries: SuiviDictionaries;
  identifiers: IdentifierConfig;
}

const readJson = (path: string): unknown => {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(m.dictionaryInvalid(path, (error as Error).message));
  }
};

/** `<dir>/<source>/<year>.json` for the four sources, and `<dir>/identifiants.json`. */
export function loadSuiviConfig(dir: string): SuiviConfig {
  const dictionaries = {} as Record<SuiviSource, Map<number, SuiviDictionary>>;
  for (const source of SUIVI_SOURCES) {
    const folder = join(dir, source);
    if (!existsSync(folder)) throw new Error(m.noDictionary(folder));
    dictionaries[source] = new Map();
    for (const name of readdirSync(folder).sort()) {
      if (!/^\d{4}\.json$/.test(name)) continue;
      const dictionary = parseSuiviDictionary(readJson(join(folder, name)), join(folder, name));
      if (dictionary.source !== source) throw new Error(m.dictionaryInvalid(join(folder, name), `source « ${dictionary.source} »`));
      dictionaries[source].set(dictionary.year, dictionary);
    }
    if (dictionaries[source].size === 0) throw new Error(m.noDictionary(folder));
  }
  const identifiers = parseIdentifierConfig(readJson(join(dir, 'identifiants.json')), join(dir, 'identifiants.json'));
  return { dictionaries, identifiers };
}

/** A follow-up file on disk → its grid of cells (header first); see `parseSuiviCsv`. */
export const loadGrid = (path: string): string[][] => parseSuiviCsv(new Uint8Array(readFileSync(path)), path);

/** The years that have a `<input>/suivi/<year>/` folder. */
export function listSuiviYears(input: string): number[] {
  const root = join(input, 'suivi');
  if (!existsSync(root)) return [];
  return readdirSync(root).filter((n) => /^\d{4}$/.test(n)).map(Number).sort((a, b) => a - b);
}

export interface FollowUpYear {
  year: number;
  files: SuiviFile[];
}

/**
 * Every follow-up file of `<input>/suivi/<year>/` (all years present; the dictionaries of `configDir`
 * are read only when there is one), screened then parsed. Throws the French
 * refusal when a file holds a direct identifier (header or NIR value): the caller writes nothing.
 */
export function readFollowUp(input: string, configDir: string): FollowUpYear[] {
  const years = listSuiviYears(input);
  if (years.length === 0) return [];
  const config = loadSuiviConfig(configDir);
  return years.map((year) => {
    const folder = join(input, 'suivi', String(year));
    // every text file of the folder is screened, not only the four sources: a raw file left beside them is refused too
    const grids = new Map<string, string[][]>();
    for (const name of readdirSync(folder).sort()) {
      if (!/\.(csv|txt|tsv)$/i.test(name)) continue;
      const display = join('suivi', String(year), name);
      const grid = loadGrid(join(folder, name));
      const [header = [], ...rows] = grid;
      const found = findIdentifier(header, rows, config.identifiers.directs);
      if (found?.kind === 'entete') throw new Error(m.identifierHeader(display, found.column));
      if (found?.kind === 'nir') throw new Error(m.identifierValue(display, found.column, found.row ?? 0));
      grids.set(name, grid);
    }
    const files = SUIVI_SOURCES.flatMap((source) => {
      const grid = grids.get(`${source}.csv`);
      if (grid === undefined) return [];
      const [header = [], ...rows] = grid;
      return [parseSuivi(source, year, join('suivi', String(year), `${source}.csv`), header, rows, config.dictionaries)];
    });
    return { year, files };
  });
}

/**
 * The sample key (`tests/fixtures/suivi/cle-echantillon.key`): a public text file whose `cle-hex:`
 * line holds 32 bytes. It pseudonymises the fictitious sample only; `mfer pseudonymise` refuses it.
 */
export function loadSampleKey(path: string): Uint8Array {
  const match = /^cle-hex:\s*([0-9a-f]{64})\s*$/m.exec(readFileSync(path, 'utf8'));
  if (!match) throw new Error(m.keySize(path, 0));
  return new Uint8Array(Buffer.from(match[1], 'hex'));
}

/**
 * The follow-up tables' rule set and precision threshold (`publication.json`'s content): the rule set
 * through the one rule-set schema (`protect/rule-set.ts`), with a primary rule (the tables count
 * children: without one every cell would be published).
 */
export function parseFollowUpPublication(json: unknown, path: string): FollowUpPublicationConfig {
  const raw = (typeof json === 'object' && json !== null ? json : {}) as { rules?: unknown; minDenominator?: unknown };
  const rules = ruleSetSchema.safeParse(raw.rules);
  if (!rules.success) {
    const issue = rules.error.issues[0];
    throw new Error(m.publicationInvalid(path, ['rules', ...issue.path.map(String)].join('.'), issue.message));
  }
  if (!hasPrimaryRule(rules.data)) throw new Error(m.publicationNoPrimaryRule(path));
  if (typeof raw.minDenominator !== 'number' || !(raw.minDenominator >= 1)) throw new Error(m.publicationInvalid(path, 'minDenominator', m.minDenominatorBound()));
  return { rules: rules.data, minDenominator: raw.minDenominator };
}

/** `<dir>/publication.json`: the follow-up tables' rule set and precision threshold. */
export function loadFollowUpPublication(dir: string): FollowUpPublicationConfig {
  const path = join(dir, 'publication.json');
  return parseFollowUpPublication(readJson(path), path);
}
