/**
 * Reads the survey dictionaries `<dir>/<survey>/<year>.json` (checked by `parseDictionary`).
 * A year without its own dictionary uses the closest earlier year (or, failing that, the closest later one).
 *
 * @example
 *   const dictionaries = loadDictionaries('pipelines/config/surveys');
 *   dictionaryFor(dictionaries, 'mediation', 2024).fields.seances.headers[0]; // "Nombre de séances"
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SurveyId } from '../model/rows.ts';
import { parseDictionary, type Dictionary } from '../validate/dictionary.ts';
import { SURVEYS } from '../validate/fields.ts';
import { fileMessages as m } from './messages.ts';

export type Dictionaries = Readonly<Record<SurveyId, ReadonlyMap<number, Dictionary>>>;

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

/** The dictionary of that year, or of the closest earlier year, or of the closest later one. */
export function dictionaryFor(dictionaries: Dictionaries, survey: SurveyId, year: number): Dictionary {
  const years = [...dictionaries[survey].keys()].sort((a, b) => a - b);
  const earlier = years.filter((y) => y <= year);
  const chosen = earlier.length > 0 ? earlier[earlier.length - 1] : years[0];
  return dictionaries[survey].get(chosen) as Dictionary;
}
