/**
 * Loads the publication's catalogue (`pipelines/config/tables.json`), rule sets
 * (`pipelines/config/protect.json`) and publication block (`pipelines/config/publication.json`), checked with zod; a bad file stops the run with a French message
 * naming the file and the place.
 *
 * @example
 *   const config = loadPublicationConfig('pipelines/config');
 *   config.tables.map((t) => t.id); // ["med-terminees-cadre", …]
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { ProtectConfig, PublicationConfig, TableConfig } from '../indicators/config.ts';
import type { Publisher } from '../model/publication.ts';
import { configMessages as m } from '../indicators/messages.ts';
import { hasPrimaryRule } from '../protect/primary.ts';
import { ruleSetFields } from '../protect/rule-set.ts';
import { CANONICAL_FIELDS } from '../validate/fields.ts';
import { checkCatalogue } from './catalogue-check.ts';

/**
 * Every object is strict: a misspelt key (`minFrequence`, `ruleset`) is an error, never ignored. A
 * rule that a typo silently dropped would publish what it should hide. `$comment` is allowed where
 * the files use it.
 */
const comment = { $comment: z.string().optional() };

function withoutComment<T extends object>(value: T): Omit<T, '$comment'> {
  const { $comment: _comment, ...rest } = value as T & { $comment?: string };
  return rest;
}

/** A strict object that may carry a `$comment`, dropped once read (it is no rule and no data). */
function strict<Shape extends z.ZodRawShape>(shape: Shape) {
  return z.object({ ...comment, ...shape }).strict().transform(withoutComment);
}

/** A rule set of protect.json: the one rule-set schema (`protect/rule-set.ts`, shared with SPEC.json) and what it applies to, in words. */
const ruleSet = strict({ label: z.string().min(1), ...ruleSetFields });

/** A median over two structures would give each the other's value: at least 3. */
const protectSchema = strict({
  ruleSets: z.record(z.string(), ruleSet),
  medianMinStructures: z.number().int().min(3),
});

const cellSource = z.object({ table: z.string().min(1), code: z.string().min(1) }).strict();

/** How a code of a derived table is computed (`CodeRecipe`). */
const codeRecipe = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('per100k'), of: cellSource }).strict(),
  z.object({ kind: z.literal('share'), numerators: z.array(cellSource).min(1), denominator: cellSource }).strict(),
  z.object({ kind: z.literal('change'), change: z.enum(['percent', 'points']), of: cellSource }).strict(),
  z.object({ kind: z.literal('ratio'), numerator: z.string().min(1), denominator: z.string().min(1) }).strict(),
  z.object({ kind: z.literal('departments'), without: z.array(z.enum(['mediation', 'rencontre'])) }).strict(),
  z.object({ kind: z.literal('services'), survey: z.enum(['mediation', 'rencontre']), which: z.enum(['known', 'respondents']) }).strict(),
]);

const labelledCode = z.object({ code: z.string().min(1), label: z.string().min(1) }).strict();

/** What the renderers show of a table (`TableDisplay`). */
const display = strict({
  chart: z.union([z.literal('none'), z.array(z.string().min(1)).min(1)]).optional(),
  maps: z.array(z.string().min(1)).min(1).optional(),
  flags: z.array(z.string().min(1)).min(1).optional(),
  section: z.literal('evolution').optional(),
  keyFigures: z.array(labelledCode).min(1).optional(),
  evolutionSeries: z.array(labelledCode).min(1).optional(),
  court: z.object({ role: z.literal('waiting'), comparedWithFrance: z.array(z.string().min(1)).optional() }).strict().optional(),
});

const code = strict({
  code: z.string().min(1),
  label: z.string().min(1),
  unit: z.string().min(1).optional(),
  field: z.string().min(1).optional(),
  aggregate: z.enum(['sum', 'count', 'median']).optional(),
  ruleSet: z.string().min(1).optional(),
  decimals: z.number().int().min(0).max(4).optional(),
  survey: z.enum(['mediation', 'rencontre']).optional(),
  recipe: codeRecipe.optional(),
});

const table = strict({
  id: z.string().regex(/^[a-z0-9-]+$/),
  number: z.number().int().positive(),
  survey: z.enum(['mediation', 'rencontre', 'croise']),
  kind: z.enum(['cube', 'measures', 'derived']),
  link: z.string().min(1).optional(),
  ruleSet: z.string().min(1).optional(),
  measure: z.string().regex(/^[a-z0-9_]+$/).optional(),
  recipe: z.enum(['rates', 'evolution', 'coverage', 'response']).optional(),
  display: display.optional(),
  needsPrevious: z.boolean().optional(),
  evolution: strict({ minBase: z.number().min(0), maxRespondentChange: z.number().min(0).max(1) }).optional(),
  title: z.string().min(1),
  unit: z.string().min(1),
  decimals: z.number().int().min(0).max(4),
  dimension: strict({
    name: z.string().regex(/^[a-z0-9_]+$/),
    label: z.string().min(1),
    total: z.string().min(1).optional(),
    totalLabel: z.string().min(1).optional(),
    codes: z.array(code).min(1),
  }),
  lecture: z.string(),
  lectureCode: z.string().min(1).optional(),
  champ: z.string(),
  source: z.string(),
  note: z.string(),
});

const tablesSchema = strict({ tables: z.array(table).min(1) });

const publisherSchema = strict({
  producteurs: z.array(z.string().min(1)).min(1),
  contact: z.string().min(1),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  collection: z.string().min(1).optional(),
  issn: z.string().regex(/^\d{4}-\d{3}[\dX]$/).optional(),
  fictif: z.boolean(),
}).transform((p): Publisher => ({
  producers: p.producteurs,
  contact: p.contact,
  ...(p.date !== undefined ? { date: p.date } : {}),
  ...(p.collection !== undefined ? { collection: p.collection } : {}),
  ...(p.issn !== undefined ? { issn: p.issn } : {}),
  fictitious: p.fictif,
}));

/** Pure: `publication.json`'s text → who publishes. */
export function parsePublisher(text: string, path = 'publication.json'): Publisher {
  return parseWith(publisherSchema, text, path);
}

function where(issue: z.core.$ZodIssue): string {
  return issue.path.length === 0 ? 'racine' : issue.path.map(String).join('.');
}

function parseWith<T>(schema: z.ZodType<T>, text: string, path: string): T {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(m.invalidJson(path, error instanceof Error ? error.message : String(error)));
  }
  const parsed = schema.safeParse(json, { error: z.locales.fr().localeError });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(m.invalid(path, where(issue), issue.message));
  }
  return parsed.data;
}

/**
 * Cross-file checks: unique ids, known rule sets, source fields, consistent links — failing closed:
 * a protected figure without a rule set, or counting persons or summing services' figures under a rule
 * set without any primary rule, is refused (only counts of services, public facts, go without one).
 */
function check(tables: readonly TableConfig[], protect: ProtectConfig): void {
  const seen = new Set<string>();
  for (const t of tables) {
    if (seen.has(t.id)) throw new Error(m.duplicateId(t.id));
    seen.add(t.id);
    // every code of a measures table says how it is built; a cube's codes are sums under its rule set;
    // a derived table's codes with an aggregate are counted through the engine like a measure's
    for (const c of t.dimension.codes) if (t.kind === 'measures' && c.aggregate === undefined) throw new Error(m.missingAggregate(t.id, c.code));
    const protectedCodes =
      t.kind === 'cube' ? [{ code: t.dimension.codes[0]?.code ?? '', ruleSet: t.ruleSet, aggregate: 'sum' as const }] : t.dimension.codes.filter((c) => c.aggregate !== undefined && c.aggregate !== 'median');
    for (const c of protectedCodes) {
      if (c.ruleSet === undefined) throw new Error(m.missingRuleSet(t.id));
      if (!Object.hasOwn(protect.ruleSets, c.ruleSet)) throw new Error(m.unknownRuleSet(t.id, c.ruleSet));
      if (c.aggregate !== 'count' && !hasPrimaryRule(protect.ruleSets[c.ruleSet])) throw new Error(m.noPrimaryRule(t.id, c.code, c.ruleSet));
    }
    if (t.kind !== 'derived') {
      for (const c of t.dimension.codes) {
        if (c.field === undefined && c.aggregate !== 'count') throw new Error(m.missingField(t.id, c.code));
        // a misspelt field would be read as empty in every row: the indicator would publish zeros
        if (c.field !== undefined && t.survey !== 'croise' && !CANONICAL_FIELDS[t.survey].includes(c.field)) throw new Error(m.unknownField(t.id, c.code, c.field, t.survey));
      }
    }
  }
  const links = new Map<string, TableConfig>();
  for (const t of tables) {
    if (t.link === undefined) continue;
    const first = links.get(t.link);
    if (t.kind !== 'cube' || (first && (first.survey !== t.survey || first.ruleSet !== t.ruleSet))) throw new Error(m.linkMismatch(t.link));
    if (!first) links.set(t.link, t);
  }
}

/** Pure: the two files' texts → a checked configuration. */
export function parsePublicationConfig(tablesText: string, protectText: string, paths = { tables: 'tables.json', protect: 'protect.json' }): PublicationConfig {
  const protect = parseWith(protectSchema, protectText, paths.protect);
  const { tables } = parseWith(tablesSchema, tablesText, paths.tables);
  check(tables, protect);
  checkCatalogue(tables);
  return { tables, protect };
}

/** Reads `<dir>/tables.json`, `<dir>/protect.json` and `<dir>/publication.json`. */
export function loadPublicationConfig(dir: string): PublicationConfig {
  const paths = { tables: join(dir, 'tables.json'), protect: join(dir, 'protect.json'), publisher: join(dir, 'publication.json') };
  for (const path of Object.values(paths)) if (!existsSync(path)) throw new Error(m.missingFile(path));
  const config = parsePublicationConfig(readFileSync(paths.tables, 'utf8'), readFileSync(paths.protect, 'utf8'), paths);
  return { ...config, publisher: parsePublisher(readFileSync(paths.publisher, 'utf8'), paths.publisher) };
}
