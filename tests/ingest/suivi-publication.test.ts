/**
 * The follow-up tables' publication rules (pipelines/config/suivi/publication.json) go through the one
 * rule-set schema, and fail closed: those tables count children, so their set needs a primary rule.
 */
import { join } from 'node:path';
import { loadFollowUpPublication, parseFollowUpPublication } from '../../src/ingest/suivi.ts';
import { ruleBounds } from '../../src/protect/messages.ts';
import { suiviMessages as m } from '../../src/suivi/messages.ts';

const path = 'suivi/publication.json';

describe('follow-up publication rules', () => {
  it('reads the committed file', () => {
    const config = loadFollowUpPublication(join(import.meta.dirname, '..', '..', 'pipelines', 'config', 'suivi'));
    expect(config.rules.minValue).toBeGreaterThanOrEqual(2);
    expect(config.minDenominator).toBeGreaterThanOrEqual(1);
  });

  it('refuses what the rule-set schema refuses, naming file and key', () => {
    expect(() => parseFollowUpPublication({ rules: { minValue: 1 }, minDenominator: 30 }, path)).toThrow(m.publicationInvalid(path, 'rules.minValue', ruleBounds.minValue));
    expect(() => parseFollowUpPublication({ rules: { minValue: 11, minValeur: 5 }, minDenominator: 30 }, path)).toThrow(/suivi\/publication\.json », rules :/);
    expect(() => parseFollowUpPublication({ rules: { minValue: 11, protectionPercent: 0 }, minDenominator: 30 }, path)).toThrow(m.publicationInvalid(path, 'rules.protectionPercent', ruleBounds.protectionPercent));
  });

  it('fails closed: no rule set, or one without primary rule, is refused', () => {
    expect(() => parseFollowUpPublication({ minDenominator: 30 }, path)).toThrow(/suivi\/publication\.json », rules :/);
    expect(() => parseFollowUpPublication({ rules: { protectionPercent: 10 }, minDenominator: 30 }, path)).toThrow(m.publicationNoPrimaryRule(path));
    expect(() => parseFollowUpPublication({ rules: { minValue: 11 } }, path)).toThrow(m.publicationInvalid(path, 'minDenominator', m.minDenominatorBound()));
  });

  it('accepts a business rule set too, dropping $comment', () => {
    expect(parseFollowUpPublication({ rules: { $comment: 'x', minFrequency: 3, protectionPercent: 10 }, minDenominator: 30 }, path)).toEqual({ rules: { minFrequency: 3, protectionPercent: 10 }, minDenominator: 30 });
  });
});
