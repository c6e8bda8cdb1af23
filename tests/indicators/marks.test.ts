/**
 * Zero, nothing by nature, not available, not applicable, not significant — through the publish
 * stage (real engine) on a tiny geography with a register of known services:
 * - D1: two mediation services (S1, S2), both answered; one espace de rencontre (E1) answered;
 * - D2: one mediation service (S3) answered; one espace de rencontre (E2) known but silent;
 * - D3: one mediation service known (S5), silent; no espace de rencontre at all;
 * - D4: one mediation service (S4) answered in 2024 only (it opened); no espace de rencontre.
 */
import { levelOf, markKey } from '../../src/indicators/marks.ts';
import { coverageMessages } from '../../src/indicators/messages.ts';
import { protectionEngine } from '../../src/runtime/engine.ts';
import { publishWith, type PublishResult } from '../../src/indicators/publish.ts';
import { loadPublicationConfig } from '../../src/ingest/publication-config.ts';
import type { KnownService } from '../../src/model/coverage.ts';
import type { PublicationTable } from '../../src/model/publication.ts';
import { cellAt } from '../../src/protect/derive.ts';
import { join } from 'node:path';
import { ended, harmonizedYear, service, structure, twoHierarchies } from './fixtures.ts';

const config = loadPublicationConfig(join(import.meta.dirname, '..', '..', 'pipelines', 'config'));

const er = { enfants: 20, familles: 15, mesures_nouvelles: 12, mesures_jaf: 12, mesures_visites: 12, delai_attente_median_jours: 30 };
const known = (year: number): KnownService[] => [
  ...['S1', 'S2'].map((s) => ({ year, survey: 'mediation' as const, service: s, department: 'D1', sites: 1 })),
  { year, survey: 'mediation', service: 'S3', department: 'D2', sites: 1 },
  { year, survey: 'mediation', service: 'S5', department: 'D3', sites: 1 },
  ...(year === 2024 ? [{ year, survey: 'mediation' as const, service: 'S4', department: 'D4', sites: 1 }] : []),
  { year, survey: 'rencontre', service: 'E1', department: 'D1', sites: 1 },
  { year, survey: 'rencontre', service: 'E2', department: 'D2', sites: 1 },
];
const mediation = (year: number) => [
  service('S1', 'D1', { ...ended(30, 3), annee: year }),
  service('S2', 'D1', { ...ended(20, 8), annee: year }),
  service('S3', 'D2', { ...ended(25, 9), annee: year }),
  ...(year === 2024 ? [service('S4', 'D4', { ...ended(12, 6), annee: year })] : []),
];
const y2023 = harmonizedYear(2023, mediation(2023), [structure('E1', 'D1', { ...er, annee: 2023 })], twoHierarchies, [...known(2023), ...known(2024)]);
const y2024 = harmonizedYear(2024, mediation(2024), [structure('E1', 'D1', er)], twoHierarchies, [...known(2023), ...known(2024)]);

let second: PublishResult;
beforeAll(async () => {
  const first = await publishWith(protectionEngine, y2023, null, config);
  second = await publishWith(protectionEngine, y2024, first.publication, config);
}, 120_000);

const table = (id: string): PublicationTable => second.publication.tables.find((t) => t.meta.id === id)!;
const mark = (id: string, geo: string, code: string) => table(id).marks.get(markKey(geo, code));

describe('marks', () => {
  it('shows nd where known services sent nothing usable, - where there is no service, nothing where they answered', () => {
    expect(mark('med-terminees-cadre', 'D3', 'ENS')).toBe('nd');
    expect(mark('med-terminees-cadre', 'D1', 'ENS')).toBeUndefined();
    expect(mark('er-accueil', 'D2', 'enfants')).toBe('nd');
    expect(mark('er-accueil', 'D3', 'enfants')).toBe('-');
    expect(mark('er-attente', 'D4', 'delai_median_jours')).toBe('-');
    // a region with one answering department is not marked: its figure is on respondents
    expect(mark('er-accueil', 'RA', 'enfants')).toBeUndefined();
    // region B: D3 and D4 have no espace de rencontre at all
    expect(mark('er-accueil', 'RB', 'enfants')).toBe('-');
  });

  it('follows each crossed figure\'s own survey', () => {
    expect(mark('croise-taux', 'D3', 'mediations_100k')).toBe('nd');
    expect(mark('croise-taux', 'D3', 'enfants_er_100k')).toBe('-');
    expect(mark('croise-taux', 'D2', 'enfants_er_100k')).toBe('nd');
    expect(mark('croise-taux', 'D1', 'mediations_100k')).toBeUndefined();
  });

  it('counts services from the register, answered or not', () => {
    const moyens = table('med-moyens').table;
    expect(cellAt(moyens, ['D3', 'services']).value).toBe(1);
    expect(cellAt(moyens, ['FR', 'services']).value).toBe(5);
    expect(mark('med-moyens', 'D3', 'services')).toBeUndefined();
  });

  it('marks an evolution ns on a small base or on changed respondents, and nd where a year is not available', () => {
    // D4: no service in 2023 (none), one in 2024
    expect(mark('croise-evolution', 'D4', 'mediations_terminees')).toBe('-');
    expect(mark('croise-evolution', 'D3', 'mediations_terminees')).toBe('nd');
    // D2: 34 both years, same respondent: a figure; RB: 18 in 2024, nd/none before
    expect(mark('croise-evolution', 'D2', 'mediations_terminees')).toBeUndefined();
    // France: S4 joined 3 respondents (1 of 4 changed: 25 % > 10 %)
    expect(mark('croise-evolution', 'FR', 'mediations_terminees')).toBe('ns');
    // D1's espace de rencontre, same respondent both years: 15 families (< 20 both years) is ns,
    // 20 children is not
    expect(mark('croise-evolution', 'D1', 'familles_er')).toBe('ns');
    expect(mark('croise-evolution', 'D1', 'enfants_er')).toBeUndefined();
  });

  it('publishes the response rates and says the rate in the notes when it is below 100 %', () => {
    const reponse = table('croise-reponse').table;
    expect(cellAt(reponse, ['FR', 'med_connus']).value).toBe(5);
    expect(cellAt(reponse, ['FR', 'med_repondants']).value).toBe(4);
    expect(cellAt(reponse, ['FR', 'med_taux']).value).toBeCloseTo(80, 10);
    expect(cellAt(reponse, ['D3', 'er_connus']).value).toBe(0);
    expect(table('croise-reponse').marks.get(markKey('D3', 'er_taux'))).toBe('///');
    expect(table('med-terminees-cadre').meta.note).toContain(coverageMessages.respondents('mediation', 2024, 4, 5, true));
    expect(table('er-accueil').meta.note).toContain(coverageMessages.respondents('rencontre', 2024, 1, 2, true));
  });

  it('judges a change of a rate per inhabitant on the level it divides, and a share on its respondents only', () => {
    // the committed catalogue: etp_100k is the FTE of med-moyens per 100 000 inhabitants
    const ctx = { tableConfig: (id: string) => config.tables.find((t) => t.id === id) };
    expect(levelOf({ table: 'croise-taux', code: 'etp_100k' }, ctx)).toEqual({ table: 'med-moyens', code: 'etp_mediateurs' });
    expect(levelOf({ table: 'croise-taux', code: 'enfants_er_100k' }, ctx)).toEqual({ table: 'er-accueil', code: 'enfants' });
    expect(levelOf({ table: 'med-moyens', code: 'etp_mediateurs' }, ctx)).toEqual({ table: 'med-moyens', code: 'etp_mediateurs' });
    expect(levelOf({ table: 'croise-taux', code: 'taux_accord' }, ctx)).toBeUndefined();
  });
});
