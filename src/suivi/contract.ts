/**
 * The follow-up files' contract (issue 23): four sources, one dictionary each per year in
 * `pipelines/config/suivi/<source>/<year>.json` (fields in the file's order, their type, codes and
 * bounds), and `identifiants.json` (the raw identifier columns `mfer pseudonymise` reads, the date
 * columns it may coarsen, and the header words that betray a direct identifier).
 *
 * @example
 *   const d = parseSuiviDictionary(json, 'pipelines/config/suivi/caf/2023.json');
 *   Object.keys(d.fields)[0]; // "enfant"
 */
import { suiviMessages as m } from './messages.ts';

export const SUIVI_SOURCES = ['mediation', 'rencontre', 'justice', 'caf'] as const;
export type SuiviSource = (typeof SUIVI_SOURCES)[number];

export type SuiviField =
  | { type: 'pseudonym' }
  | { type: 'department' }
  | { type: 'date' }
  | { type: 'id' }
  | { type: 'code'; codes: readonly string[] }
  | { type: 'integer'; min: number; max: number };

export interface SuiviDictionary {
  source: SuiviSource;
  year: number;
  /** in the order of the file's columns */
  fields: Readonly<Record<string, SuiviField>>;
}

/** Per source, its dictionaries by year. */
export type SuiviDictionaries = Readonly<Record<SuiviSource, ReadonlyMap<number, SuiviDictionary>>>;

export interface PersonColumns {
  nir: string;
  nom: string;
  prenoms: string;
  naissance: string;
  sexe: string;
}

export interface IdentifierConfig {
  enfant: PersonColumns;
  parents: readonly PersonColumns[];
  /** date columns that `--mois` coarsens to `AAAA-MM` */
  dates: readonly string[];
  /** header words (normalised, lower case) that name a direct identifier */
  directs: readonly string[];
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function parseField(name: string, raw: unknown, path: string): SuiviField {
  if (!isRecord(raw)) throw new Error(m.dictionaryInvalid(path, name));
  switch (raw.type) {
    case 'pseudonym':
    case 'department':
    case 'date':
    case 'id':
      return { type: raw.type };
    case 'code':
      if (!Array.isArray(raw.codes) || !raw.codes.every((c) => typeof c === 'string')) throw new Error(m.dictionaryInvalid(path, name));
      return { type: 'code', codes: raw.codes as string[] };
    case 'integer':
      if (typeof raw.min !== 'number' || typeof raw.max !== 'number') throw new Error(m.dictionaryInvalid(path, name));
      return { type: 'integer', min: raw.min, max: raw.max };
    default:
      throw new Error(m.dictionaryInvalid(path, name));
  }
}

/** A dictionary's JSON → `SuiviDictionary`, or an error naming the file. */
export function parseSuiviDictionary(json: unknown, path: string): SuiviDictionary {
  if (!isRecord(json) || !(SUIVI_SOURCES as readonly unknown[]).includes(json.source) || typeof json.year !== 'number' || !isRecord(json.fields)) {
    throw new Error(m.dictionaryInvalid(path, 'source, year, fields'));
  }
  const fields: Record<string, SuiviField> = {};
  for (const [name, raw] of Object.entries(json.fields)) fields[name] = parseField(name, raw, path);
  if (fields.enfant?.type !== 'pseudonym' || fields.famille?.type !== 'pseudonym') throw new Error(m.dictionaryInvalid(path, 'enfant, famille'));
  return { source: json.source as SuiviSource, year: json.year, fields };
}

function parsePerson(raw: unknown, path: string): PersonColumns {
  if (!isRecord(raw)) throw new Error(m.dictionaryInvalid(path, 'personne'));
  const out: Record<string, string> = {};
  for (const key of ['nir', 'nom', 'prenoms', 'naissance', 'sexe']) {
    if (typeof raw[key] !== 'string') throw new Error(m.dictionaryInvalid(path, key));
    out[key] = raw[key] as string;
  }
  return out as unknown as PersonColumns;
}

const strings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

/** `identifiants.json` → `IdentifierConfig`. */
export function parseIdentifierConfig(json: unknown, path: string): IdentifierConfig {
  if (!isRecord(json) || !Array.isArray(json.parents) || !strings(json.dates) || !strings(json.directs)) throw new Error(m.dictionaryInvalid(path, 'enfant, parents, dates, directs'));
  return { enfant: parsePerson(json.enfant, path), parents: json.parents.map((p) => parsePerson(p, path)), dates: json.dates, directs: json.directs };
}

/** The dictionary of a source for a year: its own, else the closest earlier one, else the closest later one. */
export function suiviDictionaryFor(dictionaries: SuiviDictionaries, source: SuiviSource, year: number): SuiviDictionary | undefined {
  const years = [...dictionaries[source].keys()].sort((a, b) => a - b);
  const chosen = years.filter((y) => y <= year).at(-1) ?? years[0];
  return chosen === undefined ? undefined : dictionaries[source].get(chosen);
}
