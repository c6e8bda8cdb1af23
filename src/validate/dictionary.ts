/**
 * Survey dictionaries (`pipelines/config/surveys/<survey>/<year>.json`): the zod schema of the file
 * itself, and the checks the file format cannot express (every canonical field present, in order;
 * no header shared by two fields once normalised). Pure: `src/ingest/dictionaries.ts` reads the files.
 *
 * @example
 *   const dictionary = parseDictionary(JSON.parse(text), 'pipelines/config/surveys/mediation/2024.json');
 *   dictionary.fields.seances.type; // "integer"
 */
import { z } from 'zod';
import type { SurveyId } from '../model/rows.ts';
import { CANONICAL_FIELDS } from './fields.ts';
import { normaliseHeader } from './normalise.ts';

const headers = z.array(z.string().min(1)).min(1);
const bounds = { min: z.number().optional(), max: z.number().optional(), optional: z.boolean().optional(), headers };

// strict objects: a misspelt key (`optionnal`, `heades`) is an error, not a setting silently lost
const fieldSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('year'), ...bounds }).strict(),
  z.object({ type: z.literal('id'), ...bounds }).strict(),
  z.object({ type: z.literal('text'), ...bounds }).strict(),
  z.object({ type: z.literal('department'), ...bounds }).strict(),
  // `unit: "€"`: an amount; its cells may carry the sign, as a French Excel writes a currency cell to CSV
  z.object({ type: z.literal('integer'), unit: z.literal('€').optional(), ...bounds }).strict(),
  z.object({ type: z.literal('decimal'), unit: z.literal('€').optional(), ...bounds }).strict(),
  z.object({ type: z.literal('code'), codes: z.record(z.string(), z.array(z.string())), ...bounds }).strict(),
]);

const editRuleSchema = z.union([
  z.object({ id: z.string(), sum: z.array(z.string()).min(1), equalsSum: z.array(z.string()).min(1), reason: z.string().min(1) }).strict(),
  z.object({ id: z.string(), atLeast: z.string(), than: z.string(), reason: z.string().min(1) }).strict(),
]);

// plausibility rules (issue 21): a failed one does not reject the row, it is listed for the statistician
const plausibilityRuleSchema = z.union([
  // sum(fields) / sum(per), when sum(per) > 0, within [min, max]; with sum(per) = 0 and sum(fields) > 0, a `max` fails
  z.object({ id: z.string(), ratio: z.array(z.string()).min(1), per: z.array(z.string()).min(1), min: z.number().optional(), max: z.number().optional(), reason: z.string().min(1) }).strict(),
  // against the same service's previous year: a change beyond `factor` either way, when either value is at least `from`
  z.object({ id: z.string(), jump: z.string(), factor: z.number().gt(1), from: z.number().min(0), reason: z.string().min(1) }).strict(),
]);

const dictionarySchema = z
  .object({
    survey: z.enum(['mediation', 'rencontre']),
    year: z.number().int(),
    key: z.array(z.string()).min(1),
    fields: z.record(z.string(), fieldSchema),
    editRules: z.array(editRuleSchema),
    plausibilityRules: z.array(plausibilityRuleSchema).optional(),
  })
  .strict();

export type FieldSpec = z.infer<typeof fieldSchema>;
export type EditRule = z.infer<typeof editRuleSchema>;
export type PlausibilityRule = z.infer<typeof plausibilityRuleSchema>;
export type Dictionary = z.infer<typeof dictionarySchema> & { survey: SurveyId };

/** Every year's dictionary of each survey (what `src/ingest/dictionaries.ts` loads). */
export type Dictionaries = Readonly<Record<SurveyId, ReadonlyMap<number, Dictionary>>>;

/** The dictionary of that year, or of the closest earlier year, or of the closest later one. */
export function dictionaryFor(dictionaries: Dictionaries, survey: SurveyId, year: number): Dictionary {
  const years = [...dictionaries[survey].keys()].sort((a, b) => a - b);
  const earlier = years.filter((y) => y <= year);
  const chosen = earlier.length > 0 ? earlier[earlier.length - 1] : years[0];
  return dictionaries[survey].get(chosen) as Dictionary;
}

/** Validates a parsed dictionary file; throws an `Error` whose message says what is wrong (in French). */
export function parseDictionary(json: unknown, path: string): Dictionary {
  const parsed = dictionarySchema.safeParse(json, { error: z.locales.fr().localeError });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${path} : ${issue.path.join('.')} — ${issue.message}`);
  }
  const dictionary = parsed.data;
  const expected = CANONICAL_FIELDS[dictionary.survey];
  const actual = Object.keys(dictionary.fields);
  if (actual.join(',') !== expected.join(',')) {
    const missing = expected.filter((f) => !actual.includes(f));
    const extra = actual.filter((f) => !expected.includes(f));
    throw new Error(`${path} : champs attendus dans l'ordre de rows.ts (manquants : ${missing.join(', ') || 'aucun'} ; en trop : ${extra.join(', ') || 'aucun'})`);
  }
  const owner = new Map<string, string>();
  for (const [field, spec] of Object.entries(dictionary.fields)) {
    for (const header of [field, ...spec.headers]) {
      const key = normaliseHeader(header);
      const other = owner.get(key);
      if (other !== undefined && other !== field) throw new Error(`${path} : l'en-tête « ${header} » désigne à la fois ${other} et ${field}`);
      owner.set(key, field);
    }
  }
  // a label naming two codes of one field would be read as the first, silently
  for (const [field, spec] of Object.entries(dictionary.fields)) {
    if (spec.type !== 'code') continue;
    const codeOf = new Map<string, string>();
    for (const [code, labels] of Object.entries(spec.codes)) {
      for (const label of [code, ...labels]) {
        const other = codeOf.get(normaliseHeader(label));
        if (other !== undefined && other !== code) throw new Error(`${path} : champ ${field} : le libellé « ${label} » désigne à la fois ${other} et ${code}`);
        codeOf.set(normaliseHeader(label), code);
      }
    }
  }
  for (const rule of dictionary.editRules) {
    const used = 'sum' in rule ? [...rule.sum, ...rule.equalsSum] : [rule.atLeast, rule.than];
    for (const field of used) if (!Object.hasOwn(dictionary.fields, field)) throw new Error(`${path} : règle ${rule.id} : champ inconnu ${field}`);
  }
  for (const rule of dictionary.plausibilityRules ?? []) {
    const used = 'ratio' in rule ? [...rule.ratio, ...rule.per] : [rule.jump];
    for (const field of used) if (!Object.hasOwn(dictionary.fields, field)) throw new Error(`${path} : règle de vraisemblance ${rule.id} : champ inconnu ${field}`);
  }
  for (const field of dictionary.key) if (!Object.hasOwn(dictionary.fields, field)) throw new Error(`${path} : clé : champ inconnu ${field}`);
  return dictionary;
}
