/**
 * The primary-rule evidence of the audit trail (src/protect/evidence.ts): per cell, the rules that
 * fired, those the consents lifted, the largest contribution's share and the consenting services.
 */
import { cellEvidence, evidenceFields, evidenceKey } from '../../src/protect/evidence.ts';
import type { Contribution, ProtectSpec } from '../../src/protect/types.ts';
import { flat } from './fixtures.ts';

// one dimension, two cells: a holds S1 (90, dominant) and S2, S3 (5 each); b holds S4 alone (7)
const contributions: Contribution[] = [
  { codes: ['a'], contributor: 'S1', value: 90 },
  { codes: ['a'], contributor: 'S2', value: 5 },
  { codes: ['a'], contributor: 'S3', value: 5 },
  { codes: ['b'], contributor: 'S4', value: 7 },
];
const spec = (consent?: string[]): ProtectSpec => ({ dimensions: [flat('geo', ['a', 'b'])], contributor: 's', value: 'v', rules: { minFrequency: 3, dominance: { n: 1, k: 85 }, minValue: 8 }, ...(consent ? { consent } : {}) });

describe('cell evidence', () => {
  it('names the rules that fired, with the top share, and nothing lifted without consent', () => {
    const e = cellEvidence(spec(), contributions);
    expect(e.get(evidenceKey(['a']))).toEqual({ rules: ['dominance'], lifted: [], contributors: 3, topShare: 0.9, consents: [] });
    // a cell of one service fires dominance too (7 of 7)
    expect(e.get(evidenceKey(['b']))).toEqual({ rules: ['minFrequency', 'minValue', 'dominance'], lifted: [], contributors: 1, topShare: 1, consents: [] });
    expect(e.get(evidenceKey(['T']))?.rules).toEqual([]); // 90 of 107: 84 %, under 85 %
  });

  it('lifts dominance when the dominant service consented and names it; never minValue', () => {
    const e = cellEvidence(spec(['S1', 'S4']), contributions);
    expect(e.get(evidenceKey(['a']))).toMatchObject({ rules: ['dominance'], lifted: ['dominance'], consents: ['S1'] });
    // S4, alone in b, consented: its business rules are lifted, minValue (7 < 8 persons) stays
    expect(e.get(evidenceKey(['b']))).toMatchObject({ rules: ['minFrequency', 'minValue', 'dominance'], lifted: ['minFrequency', 'dominance'], consents: ['S4'] });
    expect(evidenceFields(e.get(evidenceKey(['b'])))).toEqual(['minFrequency minValue dominance', 'minFrequency dominance', '1', 'S4']);
  });
});
