/**
 * Reads the survey dictionaries `<dir>/<survey>/<year>.json` (checked by `parseDictionary`).
 * A year without its own dictionary uses the closest earlier year (or, failing that, the closest later one).
 *
 * @example
 *   const dictionaries = loadDictionaries('pipelines/config/surveys');
 *   dictionaryFor(dictionaries, 'mediation', 2024) // from src/validate/dictionary.ts
 *     .fields.seances.headers[0]; // "Nombre de séances"
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDictionary, type Dictionaries, type Dictionary } from '../validate/dictionary.ts';
import { SURVEYS } from '../validate/fields.ts';
import { fileMessages as m } from './messages.ts';

export function loadDictionaries(dir: string): Dictionaries {
  const out = { mediation: new Map<number, Dictionary>(), rencontre: new Map<number, Dictionary>() };
  for (const survey of SURVEYS) {
    const folder = join(dir, survey);
    if (!existsSync(folder)) throw new Error(m.noDictionary(folder));
    for (const name of readdirSync(folder).sort()) {
      if (!/^\d{4}\.json$/.test(name)) continue;
      const path = join(folder, name);
      let json: unknown;
      try {
        json = JSON.parse(readFileSync(path, 'utf8'));
      } catch (error) {
        throw new Error(m.dictionaryInvalid(path, (error as Error).message));
      }
      const dictionary = parseDictionary(json, path);
      if (dictionary.survey !== survey) throw new Error(m.dictionaryInvalid(path, `enquête « ${dictionary.survey} »`));
      out[survey].set(dictionary.year, dictionary);
    }
    if (out[survey].size === 0) throw new Error(m.noDictionary(folder));
  }
  return out;
}
