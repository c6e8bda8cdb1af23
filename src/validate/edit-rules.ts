/**
 * Cross-field checks from the dictionary (`editRules`): a sum of fields equals another sum, or a
 * field is at least another. Each broken rule gives its reason from the dictionary.
 *
 * @example
 *   brokenRules({ enfants: 3, familles: 5 }, [{ id: 'e', atLeast: 'enfants', than: 'familles', reason: '…' }]);
 *   // [{ rule, column: "enfants ≥ familles", value: "3 < 5" }]
 */
import type { EditRule } from './dictionary.ts';
import { reasons } from './messages.ts';

export interface BrokenRule {
  rule: EditRule;
  column: string;
  value: string;
}

const total = (row: Readonly<Record<string, unknown>>, fields: readonly string[]) =>
  fields.reduce((sum, field) => sum + (typeof row[field] === 'number' ? (row[field] as number) : 0), 0);

export function brokenRules(row: Readonly<Record<string, unknown>>, rules: readonly EditRule[]): BrokenRule[] {
  const broken: BrokenRule[] = [];
  for (const rule of rules) {
    if ('sum' in rule) {
      const left = total(row, rule.sum);
      const right = total(row, rule.equalsSum);
      if (Math.abs(left - right) > 1e-9) {
        broken.push({ rule, column: `${rule.sum.join(' + ')} = ${rule.equalsSum.join(' + ')}`, value: reasons.editRuleValue(left, right) });
      }
    } else {
      const left = total(row, [rule.atLeast]);
      const right = total(row, [rule.than]);
      if (left < right) broken.push({ rule, column: `${rule.atLeast} ≥ ${rule.than}`, value: reasons.atLeastValue(left, right) });
    }
  }
  return broken;
}
