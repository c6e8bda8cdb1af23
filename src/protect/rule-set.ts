/**
 * One schema for a rule set, shared by the `rules` of SPEC.json (`mfer protect` / `mfer audit`,
 * `src/protect/contract.ts`), the rule sets of `pipelines/config/protect.json` (`mfer annual`,
 * `src/ingest/publication-config.ts`) and the follow-up tables' rule set: the three accept the same
 * things. Every object is strict (a misspelt rule, `minFrequence`, would otherwise be dropped and
 * publish what it should hide); `$comment` is allowed and dropped once read.
 *
 * Bounds, from what each rule does (`primary.ts`), so that a rule present always can fire:
 * - `minValue` (counts of persons, unsafe from 1 to minValue − 1): an integer ≥ 2;
 * - `minFrequency` (unsafe from 1 to minFrequency − 1 contributors): an integer ≥ 2 (business
 *   practice is 3; 2 still hides a lone contributor);
 * - `dominance` `{ n, k }`: n an integer ≥ 1, k a percentage in (0, 100) — at 100 the n largest
 *   never exceed the whole cell;
 * - `pPercent`: > 0 (at 0 nothing is ever within 0 % of the largest);
 * - `protectionPercent`: in (0, 100] — at 0 the attacker's interval around a withheld amount
 *   could shrink to one unit (one euro, one hundredth of an FTE).
 *
 * @example
 *   ruleSetSchema.parse({ minFrequency: 3, dominance: { n: 1, k: 85 }, $comment: 'services' }); // { minFrequency: 3, dominance: { n: 1, k: 85 } }
 *   ruleSetSchema.safeParse({ minFrequency: 1 }).success; // false
 */
import { z } from 'zod';
import { ruleBounds as b } from './messages.ts';
import type { RuleSet } from './types.ts';

function withoutComment<T extends object>(value: T): Omit<T, '$comment'> {
  const { $comment: _comment, ...rest } = value as T & { $comment?: string };
  return rest;
}

const integerFrom = (min: number, error: string) => z.number({ error }).int({ error }).min(min, { error });

const dominance = z
  .object({ $comment: z.string().optional(), n: integerFrom(1, b.dominanceN), k: z.number({ error: b.dominanceK }).gt(0, { error: b.dominanceK }).lt(100, { error: b.dominanceK }) }, { error: b.dominance })
  .strict()
  .transform(withoutComment);

/** The fields of a rule set (with `$comment`), for a file that adds its own beside them (`label` in protect.json). */
export const ruleSetFields = {
  $comment: z.string().optional(),
  minValue: integerFrom(2, b.minValue).optional(),
  minFrequency: integerFrom(2, b.minFrequency).optional(),
  dominance: dominance.optional(),
  pPercent: z.number({ error: b.pPercent }).gt(0, { error: b.pPercent }).optional(),
  protectionPercent: z.number({ error: b.protectionPercent }).gt(0, { error: b.protectionPercent }).max(100, { error: b.protectionPercent }).optional(),
};

/** The rule names a rule set may hold (for messages listing them). */
export const RULE_SET_KEYS = Object.keys(ruleSetFields).filter((k) => k !== '$comment');

export const ruleSetSchema: z.ZodType<RuleSet> = z.object(ruleSetFields, { error: b.ruleSet }).strict().transform(withoutComment);
