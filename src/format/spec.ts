/**
 * SPEC.json of `mfer protect` / `mfer audit` (pure: text in, `ProtectSpec` out, and back): the
 * dimensions with their hierarchies, the contributor and value columns, the rules and the consents.
 * Every problem is thrown as one French message naming the faulty field. The two CSV files of the
 * same contract are `contrib.ts` (CONTRIB.csv) and `cells.ts` (CELLS.csv).
 *
 * @example
 *   const spec = parseSpec('{"dimensions":[{"name":"g","total":"T","hierarchies":{"h":{"a":"T"}}}],"contributor":"s","rules":{}}');
 *   formatSpec(spec); // the same spec as indented JSON, as the audit trail's spec.json
 */
import * as msg from '../protect/messages.ts';
import type { DimensionSpec, ProtectSpec, RuleSet } from '../protect/types.ts';
import { RULE_SET_KEYS, ruleSetSchema } from '../protect/rule-set.ts';

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/**
 * A key the format does not know is an error, never ignored: a misspelt rule (`minFrequence`) or
 * section (`rule`) would otherwise publish what it should hide. `$comment` is allowed anywhere.
 */
function onlyKeys(raw: Record<string, unknown>, allowed: readonly string[], at: string): void {
  const unknown = Object.keys(raw).find((key) => key !== '$comment' && !allowed.includes(key));
  if (unknown !== undefined) throw new Error(msg.specUnknownKey(at, unknown, allowed));
}

function parseDimension(raw: unknown, at: string): DimensionSpec {
  if (!isObject(raw)) throw new Error(msg.specField(at, 'un objet'));
  onlyKeys(raw, ['name', 'total', 'hierarchies'], at);
  if (typeof raw.name !== 'string' || raw.name === '') throw new Error(msg.specField(`${at}.name`, 'un texte non vide'));
  if (typeof raw.total !== 'string' || raw.total === '') throw new Error(msg.specField(`${at}.total`, 'un texte non vide'));
  if (!isObject(raw.hierarchies) || Object.keys(raw.hierarchies).length === 0) {
    throw new Error(msg.specField(`${at}.hierarchies`, "un objet d'au moins une hiérarchie"));
  }
  const hierarchies: Record<string, Record<string, string>> = {};
  for (const [h, map] of Object.entries(raw.hierarchies)) {
    if (!isObject(map) || Object.values(map).some((p) => typeof p !== 'string')) {
      throw new Error(msg.specField(`${at}.hierarchies.${h}`, 'un objet « enfant » : « parent »'));
    }
    hierarchies[h] = map as Record<string, string>;
  }
  const dim: DimensionSpec = { name: raw.name, total: raw.total, hierarchies };
  checkHierarchies(dim);
  return dim;
}

/**
 * Each hierarchy reaches the total from every code, and all hierarchies have the same leaves. A
 * code other than a leaf may appear in several hierarchies (a department under both regions and
 * courts, above communes) only if it covers the same leaves in each: a code means one set.
 */
function checkHierarchies(dim: DimensionSpec): void {
  const covers = new Map<string, { hierarchy: string; leaves: string }>();
  const leavesOf = new Map<string, Set<string>>();
  for (const [h, map] of Object.entries(dim.hierarchies)) {
    const parents = new Set(Object.values(map));
    const leaves = new Set(Object.keys(map).filter((c) => !parents.has(c)));
    leavesOf.set(h, leaves);
    const below = new Map<string, string[]>();
    for (const code of Object.keys(map)) {
      let x = code;
      for (let steps = 0; x !== dim.total; steps++) {
        if (steps > Object.keys(map).length || map[x] === undefined) throw new Error(msg.specCycle(dim.name, h, code));
        x = map[x];
        if (leaves.has(code)) below.set(x, [...(below.get(x) ?? []), code]);
      }
    }
    for (const [code, list] of below) {
      if (code === dim.total) continue;
      const key = list.sort().join('\u0001');
      const seen = covers.get(code);
      if (seen !== undefined && seen.leaves !== key) throw new Error(msg.specDuplicateCode(dim.name, code));
      covers.set(code, { hierarchy: h, leaves: key });
    }
  }
  const all = [...leavesOf.entries()];
  for (const [, leaves] of all) {
    for (const leaf of leaves) {
      const missing = all.find(([, other]) => !other.has(leaf));
      if (missing) throw new Error(msg.specLeavesDiffer(dim.name, missing[0], leaf));
      if (covers.has(leaf)) throw new Error(msg.specDuplicateCode(dim.name, leaf));
    }
  }
}

/** `rules` of SPEC.json through the one rule-set schema (`rule-set.ts`, shared with protect.json). */
function parseRules(raw: unknown): RuleSet {
  if (raw === undefined) return {};
  const parsed = ruleSetSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const at = ['rules', ...issue.path.map(String)].join('.');
  if (issue.code === 'unrecognized_keys') throw new Error(msg.specUnknownKey(at, issue.keys[0], issue.path.length === 0 ? RULE_SET_KEYS : ['n', 'k']));
  throw new Error(msg.specRule(at, issue.message));
}

/** SPEC.json → ProtectSpec; throws a French message naming the faulty field. */
export function parseSpec(json: string): ProtectSpec {
  let raw: unknown;
  try {
    raw = JSON.parse(json.replace(/^\ufeff/, ''));
  } catch (e) {
    throw new Error(msg.specNotJson((e as Error).message));
  }
  if (!isObject(raw)) throw new Error(msg.specField('(racine)', 'un objet'));
  onlyKeys(raw, ['dimensions', 'contributor', 'value', 'rules', 'consent'], '(racine)');
  if (!Array.isArray(raw.dimensions) || raw.dimensions.length === 0) throw new Error(msg.specField('dimensions', 'une liste non vide'));
  const dimensions = raw.dimensions.map((d, i) => parseDimension(d, `dimensions[${i}]`));
  if (typeof raw.contributor !== 'string' || raw.contributor === '') throw new Error(msg.specField('contributor', 'un nom de colonne'));
  if (raw.value !== undefined && (typeof raw.value !== 'string' || raw.value === '')) throw new Error(msg.specField('value', 'un nom de colonne'));
  // every column of CONTRIB.csv is named once
  const columns = [...dimensions.map((d) => d.name), raw.contributor, ...(raw.value !== undefined ? [raw.value as string] : [])];
  const twice = columns.find((name, i) => columns.indexOf(name) !== i);
  if (twice !== undefined) throw new Error(msg.specColumnTwice(twice));
  // contributors that agreed to the publication of their figures (law of 7 June 1951)
  const consent = raw.consent;
  if (consent !== undefined && !(Array.isArray(consent) && consent.every((c) => typeof c === 'string' && c !== ''))) {
    throw new Error(msg.specField('consent', 'une liste de contributeurs (chaînes non vides)'));
  }
  return {
    dimensions,
    contributor: raw.contributor,
    ...(raw.value !== undefined ? { value: raw.value as string } : {}),
    rules: parseRules(raw.rules),
    ...(consent !== undefined ? { consent: consent as string[] } : {}),
  };
}

/** ProtectSpec → SPEC.json text (indented, as the audit trail's `spec.json`). */
export function formatSpec(spec: ProtectSpec): string {
  return JSON.stringify(spec, null, 2) + '\n';
}
