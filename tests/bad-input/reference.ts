/**
 * What the damaged-input tests read: the real geography and survey dictionaries, and the headers of
 * the corpus's returns (`headers` of corpus.ts, filled once from the mediation dictionary).
 */
import { join } from 'node:path';
import { loadDictionaries } from '../../src/ingest/dictionaries.ts';
import { loadGeography } from '../../src/ingest/geography.ts';
import { dictionaryFor } from '../../src/validate/dictionary.ts';
import { headers, YEAR } from './corpus.ts';

export const repoRoot = join(import.meta.dirname, '..', '..');
export const geography = loadGeography(join(repoRoot, 'data-raw', 'reference'));
export const dictionaries = loadDictionaries(join(repoRoot, 'pipelines', 'config', 'surveys'));
export const dictionary = dictionaryFor(dictionaries, 'mediation', YEAR);
for (const [field, spec] of Object.entries(dictionary.fields)) headers.canonical[field] = spec.headers[0];
const manager = dictionary.fields.gestionnaire;
if (manager.type === 'code') for (const [code, labels] of Object.entries(manager.codes)) headers.gestionnaire[code] = labels[0];
