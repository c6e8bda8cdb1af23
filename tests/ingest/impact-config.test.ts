import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadImpactRules, parseImpactRules } from '../../src/ingest/impact-config.ts';
import { impactMessages } from '../../src/impact/messages.ts';
import { impactRules } from '../../src/impact/rules.ts';

const shipped = join(import.meta.dirname, '..', '..', 'pipelines', 'config');

describe('impact.json', () => {
  test('the shipped file holds the defaults the code uses', () => {
    expect(loadImpactRules(shipped)).toEqual(impactRules);
  });

  test('fewer than 500 replicates or a misspelt key is refused, naming the place', () => {
    const text = readFileSync(join(shipped, 'impact.json'), 'utf8');
    const few = JSON.stringify({ ...JSON.parse(text), replicates: 100 });
    expect(() => parseImpactRules(few)).toThrow(impactMessages.badConfig('impact.json', 'replicates', '').slice(0, 60));
    const typo = JSON.stringify({ ...JSON.parse(text), minTreatd: 200 });
    expect(() => parseImpactRules(typo)).toThrow(/Paramètres de la méthode/);
  });
});
