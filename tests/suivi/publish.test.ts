import { join } from 'node:path';
import { loadGeography } from '../../src/ingest/geography.ts';
import { protectionEngine } from '../../src/runtime/engine.ts';
import type { OutcomeCount } from '../../src/suivi/outcomes.ts';
import { publishFollowUp } from '../../src/suivi/publish.ts';

const geography = loadGeography(join(import.meta.dirname, '..', '..', 'data-raw', 'reference'));
const config = { rules: { minValue: 11, protectionPercent: 10 }, minDenominator: 30 };
const count = (outcome: string, value: number): OutcomeCount => ({ scheme: 'mediation', cohort: 2022, horizon: 12, departement: '01', unit: 'S1', g1: 'judiciaire', g2: 'accord_ecrit', outcome, value });

/** One service in one department: every territory and group repeats its figures. */
const oneService = [count('enfants', 40), count('retour_juge', 5), count('connus_caf', 25), count('asf_avant', 12), count('asf_horizon', 14)];

describe('the follow-up outcome tables', () => {
  it('withhold small counts of children (< 11) and the rates computed from them; a rate on fewer than 30 children is ns', async () => {
    const { long, failures } = await publishFollowUp(oneService, geography, protectionEngine, config);
    expect(failures).toEqual([]);
    const at = (geo: string, group: string, outcome: string) => long.mediation.find((r) => r.geo === geo && r.group === group && r.outcome === outcome);
    for (const geo of ['FR', 'FRM', '01']) {
      expect(at(geo, 'ensemble', 'enfants')).toMatchObject({ value: 40, status: 'published' });
      expect(at(geo, 'judiciaire', 'retour_juge')).toMatchObject({ value: 's', status: 'secret' });
      expect(at(geo, 'ensemble', 'taux_retour_juge')).toMatchObject({ value: 's', status: 'secret' });
      expect(at(geo, 'accord_ecrit', 'asf_avant')).toMatchObject({ value: 12, status: 'published' });
      expect(at(geo, 'accord_ecrit', 'taux_asf_avant')).toMatchObject({ value: 'ns', status: 'published' });
    }
    // a territory without children has no row (DROM here), and no leaf (frame × result) is published
    expect(long.mediation.some((r) => r.geo === 'DROM' || r.group.includes('|'))).toBe(false);
  });

  it('shows a rate, rounded to a tenth of a per cent, once its denominator reaches 30', async () => {
    const { long } = await publishFollowUp([count('enfants', 40), count('connus_caf', 36), count('asf_avant', 12)], geography, protectionEngine, config);
    expect(long.mediation.find((r) => r.geo === 'FR' && r.group === 'ensemble' && r.outcome === 'taux_asf_avant')).toMatchObject({ value: 33.3, status: 'published' });
    // no return to court at all: a published zero, and a rate of 0
    expect(long.mediation.find((r) => r.geo === 'FR' && r.group === 'ensemble' && r.outcome === 'taux_retour_juge')).toMatchObject({ value: 0, status: 'published' });
  });

  it('names, in its Champ line, the departments the follow-up files cover: France adds up those alone', async () => {
    const inThe = (departement: string, value: number): OutcomeCount => ({ ...count('enfants', value), departement });
    const { champ } = await publishFollowUp([inThe('2B', 40), inThe('01', 50)], geography, protectionEngine, config);
    // in the geography's order, by name (data-raw/reference), and said to be the scope of France's figures
    expect(champ).toMatch(/des 2 départements couverts/);
    expect(champ).toContain('(Ain, Haute-Corse)');
    expect(champ).toMatch(/France.*ne portent que sur eux/);
    // a department with espaces de rencontre only: each scheme's departments are named apart
    const rencontre: OutcomeCount = { ...inThe('05', 30), scheme: 'rencontre', g1: 'jaf', g2: 'exercice_autonome' };
    const two = await publishFollowUp([inThe('2B', 40), rencontre], geography, protectionEngine, config);
    expect(two.champ).toContain('médiation familiale, enfants du seul département couvert par les fichiers de suivi transmis (Haute-Corse)');
    expect(two.champ).toContain('espaces de rencontre, enfants du seul département couvert par les fichiers de suivi transmis (Hautes-Alpes)');
    const one = await publishFollowUp([inThe('2B', 40)], geography, protectionEngine, config);
    expect(one.champ).toContain('du seul département couvert');
    expect(one.champ).toContain('(Haute-Corse)');
  });

  it('never publishes two nested counts whose difference the rule withholds: 30 autonomous, 28 durably, would say 2 lost it', async () => {
    const measure = (outcome: string, value: number): OutcomeCount => ({ scheme: 'rencontre', cohort: 2022, horizon: 12, departement: '01', unit: 'E1', g1: 'jaf', g2: 'exercice_autonome', outcome, value });
    const published = (long: Awaited<ReturnType<typeof publishFollowUp>>['long'], geo: string, outcome: string) =>
      long.rencontre.find((r) => r.geo === geo && r.group === 'ensemble' && r.outcome === outcome);
    const close = await publishFollowUp([measure('enfants', 60), measure('exercice_autonome', 30), measure('autonomie_durable', 28)], geography, protectionEngine, config);
    expect(close.failures).toEqual([]);
    for (const geo of ['FR', '01']) {
      const pair = [published(close.long, geo, 'exercice_autonome'), published(close.long, geo, 'autonomie_durable')];
      // each is 11 or more, yet not both: one is s
      expect(pair.filter((r) => r?.status === 'published')).toHaveLength(1);
      expect(published(close.long, geo, 'enfants')).toMatchObject({ value: 60, status: 'published' });
    }
    // the difference is in the audit trail, as a primary cell, and in no published row
    expect(close.audit.rencontre.find((c) => c.geo === '01' && c.group === 'ensemble' && c.outcome === 'non_durable')).toMatchObject({ value: 2, status: 'u' });
    expect(close.long.rencontre.some((r) => r.outcome === 'non_durable' || r.outcome === 'non_autonome')).toBe(false);
    // 15 apart: both published
    const apart = await publishFollowUp([measure('enfants', 60), measure('exercice_autonome', 30), measure('autonomie_durable', 15)], geography, protectionEngine, config);
    expect(published(apart.long, '01', 'exercice_autonome')).toMatchObject({ value: 30, status: 'published' });
    expect(published(apart.long, '01', 'autonomie_durable')).toMatchObject({ value: 15, status: 'published' });
  });
});
