/**
 * Loads the impact method's parameters (`pipelines/config/impact.json`), checked with zod: a strict
 * object (a misspelt key is an error), at least 500 replicates (issue 24), thresholds of at least 11.
 *
 * @example
 *   loadImpactRules('pipelines/config').replicates; // 500
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { impactMessages } from '../impact/messages.ts';
import type { ImpactRules } from '../impact/rules.ts';

const int = (min: number) => z.number().int().min(min);

export const impactRulesSchema = z.strictObject({
  replicates: int(500),
  seed: int(0),
  horizonMonths: int(12),
  minTreated: int(11),
  minCompared: int(11),
  minAtRisk: int(11),
  minEvents: int(11),
  minCount: int(11),
});

/** Parses the text of `impact.json` (the tests call this; `loadImpactRules` reads the file). */
export function parseImpactRules(text: string, file = 'impact.json'): ImpactRules {
  const parsed = impactRulesSchema.safeParse(JSON.parse(text));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(impactMessages.badConfig(file, issue.path.join('.'), issue.message));
  }
  return parsed.data;
}

export function loadImpactRules(configDir: string): ImpactRules {
  const file = join(configDir, 'impact.json');
  return parseImpactRules(readFileSync(file, 'utf8'), file);
}
