/**
 * The secrecy rules in words, written from `pipelines/config/protect.json` (`SecrecyRules`), never
 * from thresholds copied into a text: the lines of the methodology section (report pages and
 * workbooks) and the rules table of `docs/methodology.md`, as GaussSuppression prints its
 * documentation table from its list of specs. A threshold changed in protect.json changes every text.
 *
 * @example
 *   ruleLines({ ruleSets: { personnes: { label: 'Effectifs', minValue: 5 } }, medianMinStructures: 3 })[0];
 *   // "Effectifs : une cellule comprise entre 1 et 4 est masquée (secret primaire)."
 */
import type { SecrecyRules } from '../model/publication.ts';
import { businessRules, hasPrimaryRule, PRIMARY_RULES, type RuleName } from '../protect/primary.ts';
import type { RuleSet } from '../protect/types.ts';
import { renderMessages as m } from './messages.ts';

const t = m.methodology.rules;
const numberFormat = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 });
const num = (x: number) => numberFormat.format(x);

/** The values minValue withholds, in words (1 to minValue − 1: minValue is a whole number ≥ 2). */
const range = (minValue: number) => t.range(num(minValue - 1));

/** Each primary rule present in the set, in registry order, as a clause « quand … ». */
const CLAUSES: Readonly<Record<RuleName, (rules: RuleSet) => string>> = {
  minFrequency: (r) => t.clauses.minFrequency(num(r.minFrequency!)),
  minValue: (r) => t.clauses.minValue(range(r.minValue!)),
  dominance: (r) => t.clauses.dominance(r.dominance!.n, num(r.dominance!.k)),
  pPercent: (r) => t.clauses.pPercent(num(r.pPercent!)),
};

const present = (rules: RuleSet) => PRIMARY_RULES.filter((r) => rules[r.name] !== undefined).map((r) => r.name);

/** When a cell of a rule set with primary rules is withheld. */
function whenWithheld(rules: RuleSet): string {
  const names = present(rules);
  if (names.length === 1 && rules.minValue !== undefined) return t.smallValuesOnly(range(rules.minValue));
  return t.maskedWhen(names.map((name) => CLAUSES[name](rules)));
}

const margin = (rules: RuleSet) => t.margin(rules.protectionPercent === undefined ? undefined : num(rules.protectionPercent));

/** The rule sets in file order, with their labels. */
const sets = (secrecy: SecrecyRules) => Object.entries(secrecy.ruleSets).map(([name, { label, ...rules }]) => ({ name, rules: rules as RuleSet, label }));

/** The methodology's rule lines: one per rule set, then the secondary secrecy and the derived figures. */
export function ruleLines(secrecy: SecrecyRules): string[] {
  const all = sets(secrecy);
  const withRules = all.filter((s) => hasPrimaryRule(s.rules));
  const margins = [...new Set(withRules.map((s) => t.ofMargin(margin(s.rules))))];
  return [
    ...all.map((s) => (hasPrimaryRule(s.rules) ? t.ruleSet(s.label, whenWithheld(s.rules)) + (businessRules(s.rules) ? ` ${t.consent()}` : '') : t.publicFacts(s.label))),
    t.secondary(margins.length > 0 ? margins : [t.ofMargin(t.margin(undefined))]),
    t.derived(num(secrecy.medianMinStructures)),
  ];
}

/** A rule's parameter as protect.json writes it (`minValue: 5`, `dominance: {n: 1, k: 85}`). */
function parameter(name: RuleName, rules: RuleSet): string {
  const value = rules[name];
  return typeof value === 'object' ? `${name}: {n: ${value.n}, k: ${value.k}}` : `${name}: ${value}`;
}

const cell = (text: string) => text.replace(/\|/g, '\\|');

/** The rules table of docs/methodology.md, between its two markers. */
export function rulesTable(secrecy: SecrecyRules): string {
  const d = m.methodology.rulesDoc;
  const rows = sets(secrecy).map((s) => {
    const primary = hasPrimaryRule(s.rules);
    const clauses = present(s.rules).map((name) => `${CLAUSES[name](s.rules)} (\`${parameter(name, s.rules)}\`)`);
    return `| \`${s.name}\` | ${cell(s.label)} | ${primary ? cell(clauses.join(' ou ')) : d.none} | ${primary ? margin(s.rules) : d.noMargin} |`;
  });
  const consenting = sets(secrecy).filter((s) => businessRules(s.rules)).map((s) => `\`${s.name}\``);
  const consent = consenting.length > 0 ? [d.consent(consenting.join(', ')), ''] : [];
  return [d.begin, '', ...d.header, ...rows, '', ...consent, d.median(secrecy.medianMinStructures), d.end].join('\n');
}

/** `doc` with the text between its rules-table markers (included) replaced by `table`. */
export function withRulesTable(doc: string, table: string, path = 'docs/methodology.md'): string {
  const d = m.methodology.rulesDoc;
  // the opening marker is found by its first words: its instructions may change
  const begin = doc.indexOf(d.begin.slice(0, d.begin.indexOf(' :')));
  const end = doc.indexOf(d.end, begin);
  if (begin < 0 || end < 0) throw new Error(d.markersMissing(path));
  return doc.slice(0, begin) + table + doc.slice(end + d.end.length);
}
