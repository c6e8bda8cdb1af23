/**
 * The generator's real inputs, read once per test file: the reference departments and the survey
 * dictionaries of the repository (the same files `make sample` reads).
 */
import { join } from 'node:path';
import { DEFAULT_SOURCES, readDepartments, readDictionary } from '../../src/cli/sample.ts';
import type { Department } from '../../src/model/geography.ts';
import type { SampleDictionary, SampleSurvey } from '../../src/sample/generate.ts';
import { loadSampleKey, loadSuiviConfig } from '../../src/ingest/suivi.ts';
import { suiviDictionaryFor, type SuiviSource } from '../../src/suivi/contract.ts';

export const repoRoot = join(import.meta.dirname, '..', '..');

const sources = {
  departments: join(repoRoot, DEFAULT_SOURCES.departments),
  dictionaries: join(repoRoot, DEFAULT_SOURCES.dictionaries),
};

export interface EditRule {
  id: string;
  sum?: string[];
  equalsSum?: string[];
  atLeast?: string;
  than?: string;
  reason: string;
}
export interface FullDictionary extends SampleDictionary {
  fields: Record<string, { headers: string[]; type: string; min?: number; max?: number; optional?: boolean }>;
  editRules: EditRule[];
}

export function departments(): Department[] {
  return readDepartments(sources.departments);
}

const cache = new Map<string, FullDictionary>();
export function dictionary(survey: SampleSurvey, year: number): FullDictionary {
  const key = `${survey}/${year}`;
  if (!cache.has(key)) cache.set(key, readDictionary(sources.dictionaries, survey, year) as FullDictionary);
  return cache.get(key)!;
}

/** The edit rules of a dictionary that a row breaks (ids), and the fields out of their bounds. */
export function broken(dict: FullDictionary, row: Record<string, unknown>): string[] {
  const value = (f: string) => Number(row[f] ?? 0);
  const total = (fields: readonly string[]) => fields.reduce((a, f) => a + value(f), 0);
  const out: string[] = [];
  for (const rule of dict.editRules ?? []) {
    if (rule.sum && rule.equalsSum && total(rule.sum) !== total(rule.equalsSum)) out.push(rule.id);
    if (rule.atLeast && rule.than && value(rule.atLeast) < value(rule.than)) out.push(rule.id);
  }
  for (const [field, spec] of Object.entries(dict.fields)) {
    const v = row[field];
    if (typeof v !== 'number') continue;
    if ((spec.min !== undefined && v < spec.min) || (spec.max !== undefined && v > spec.max)) out.push(`bornes:${field}`);
  }
  return out;
}

/** The follow-up part of the sample (issue 23): dictionaries, identifier columns, the public sample key. */
export function suiviInputs() {
  const config = loadSuiviConfig(join(repoRoot, DEFAULT_SOURCES.suivi));
  return {
    key: loadSampleKey(join(repoRoot, DEFAULT_SOURCES.suiviKey)),
    dictionary: (source: SuiviSource) => suiviDictionaryFor(config.dictionaries, source, 9999)!,
    identifiers: config.identifiers,
  };
}
