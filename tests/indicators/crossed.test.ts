/**
 * Indicator arithmetic on tiny fixtures: rates per 100 000, shares, agreement rate, evolutions and
 * coverage (white zones), over the non-nesting `twoHierarchies` geography.
 */
import { join } from 'node:path';
import { coverageContributions, evolutionCells, notComputedIn, rateCells } from '../../src/indicators/crossed.ts';
import { loadPublicationConfig } from '../../src/ingest/publication-config.ts';
import { unitsOf } from '../../src/indicators/contributions.ts';
import { cellAt, derive } from '../../src/protect/derive.ts';
import { sealProtected } from '../../src/protect/protected-table.ts';
import type { Cell, CellStatus } from '../../src/protect/types.ts';
import { harmonizedYear, service, structure, twoHierarchies } from './fixtures.ts';

function table(cells: [string, string, number, CellStatus?][]) {
  return sealProtected(['geo', 'x'], cells.map(([geo, code, value, status]): Cell => ({ codes: [geo, code], value, contributors: 3, status: status ?? 's' })));
}

const tables = {
  'med-terminees-cadre': table([['D1', 'ENS', 50], ['D1', 'judiciaire', 10], ['FR', 'ENS', 1000], ['FR', 'judiciaire', 310]]),
  'med-terminees-issue': table([['D1', 'ENS', 50], ['D1', 'accord_ecrit', 14], ['D1', 'accord_oral', 17], ['FR', 'ENS', 1000], ['FR', 'accord_ecrit', 280], ['FR', 'accord_oral', 2, 'u']]),
  'med-moyens': table([['D1', 'etp_mediateurs', 2.5], ['FR', 'etp_mediateurs', 40]]),
  'er-accueil': table([['D1', 'enfants', 30], ['FR', 'enfants', 900]]),
  'er-mesures-fin': table([['D1', 'ENS', 8], ['D1', 'exercice_autonome', 2], ['FR', 'ENS', 0]]),
  'er-attente': table([['D1', 'familles_attente', 6], ['FR', 'familles_attente', 120]]),
};
type Id = keyof typeof tables;
const lookup = (id: string) => (Object.hasOwn(tables, id) ? tables[id as Id] : undefined);
/** The committed catalogue's recipes: the codes of a derived table (all, or those named). */
const catalogue = loadPublicationConfig(join(import.meta.dirname, '..', '..', 'pipelines', 'config')).tables;
const notComputed = notComputedIn(catalogue);
function recipes(id: string, only?: readonly string[]) {
  const codes = catalogue.find((t) => t.id === id)!.dimension.codes;
  return only ? only.map((code) => codes.find((c) => c.code === code)!) : codes;
}
const codes = recipes('croise-taux');

describe('croise-taux', () => {
  const t = derive(['geo', 'indicateur'], rateCells(lookup, twoHierarchies, codes, ['D1', 'FR'], notComputed, 'croise-taux'));
  const value = (geo: string, code: string) => cellAt(t, [geo, code]).value;

  it('gives rates per 100 000 inhabitants from the reference population', () => {
    expect(value('D1', 'mediations_100k')).toBeCloseTo(25, 10); // 50 / 200 000
    expect(value('FR', 'mediations_100k')).toBeCloseTo(100, 10); // 1000 / 1 000 000
    expect(value('D1', 'enfants_er_100k')).toBeCloseTo(15, 10);
    expect(value('D1', 'etp_100k')).toBeCloseTo(1.25, 10);
  });

  it('gives shares in % of the table total', () => {
    expect(value('D1', 'part_judiciaire')).toBeCloseTo(20, 10);
    expect(value('FR', 'part_judiciaire')).toBeCloseTo(31, 10);
    expect(value('D1', 'taux_accord')).toBeCloseTo(62, 10); // (14 + 17) / 50
    expect(value('D1', 'part_exercice_autonome')).toBeCloseTo(25, 10);
  });

  it('suppresses the agreement rate when one of the two agreements is suppressed', () => {
    expect(cellAt(t, ['FR', 'taux_accord']).status).toBe('u');
    expect(cellAt(t, ['FR', 'part_judiciaire']).status).toBe('s');
  });

  it('leaves out a share over an empty total', () => {
    expect(t.cells.some((c) => c.codes[0] === 'FR' && c.codes[1] === 'part_exercice_autonome')).toBe(false);
  });
});

describe('croise-evolution', () => {
  const before = {
    'med-terminees-cadre': table([['D1', 'ENS', 40], ['FR', 'ENS', 1000]]),
    'er-accueil': table([['D1', 'enfants', 30, 'x'], ['FR', 'enfants', 0]]),
    'med-moyens': table([['D1', 'etp_mediateurs', 2], ['FR', 'etp_mediateurs', 50]]),
    'er-attente': table([['D1', 'familles_attente', 6], ['FR', 'familles_attente', 100]]),
  };
  const previous = (id: string) => (Object.hasOwn(before, id) ? before[id as keyof typeof before] : undefined);
  const t = derive(['geo', 'indicateur'], evolutionCells(lookup, previous, recipes('croise-evolution', ['mediations_terminees', 'enfants_er', 'etp_mediateurs', 'familles_attente']), ['D1', 'FR'], notComputed, 'croise-evolution'));

  it('gives the evolution in % on the previous year', () => {
    expect(cellAt(t, ['D1', 'mediations_terminees']).value).toBeCloseTo(25, 10);
    expect(cellAt(t, ['FR', 'etp_mediateurs']).value).toBeCloseTo(-20, 10);
    expect(cellAt(t, ['FR', 'familles_attente']).value).toBeCloseTo(20, 10);
  });

  it('suppresses an evolution whose previous value was suppressed', () => {
    expect(cellAt(t, ['D1', 'enfants_er']).status).toBe('x');
  });

  it('has no evolution from a zero', () => {
    expect(t.cells.some((c) => c.codes[0] === 'FR' && c.codes[1] === 'enfants_er')).toBe(false);
  });
});

describe('croise-evolution of shares and rates', () => {
  // last year: D1 20 % judicial (10 of 50), FR 25 % (250 of 1000) and a suppressed D2 total; this year: `tables`
  const lastCadre = table([['D1', 'ENS', 50], ['D1', 'judiciaire', 10], ['D2', 'ENS', 30, 'x'], ['D2', 'judiciaire', 9], ['FR', 'ENS', 1000], ['FR', 'judiciaire', 250]]);
  const nowCadre = table([['D1', 'ENS', 40], ['D1', 'judiciaire', 10], ['D2', 'ENS', 20], ['D2', 'judiciaire', 8], ['FR', 'ENS', 1000], ['FR', 'judiciaire', 310]]);
  const rates = (cadre: ReturnType<typeof table>) => derive(['geo', 'indicateur'], rateCells((id) => (id === 'med-terminees-cadre' ? cadre : lookup(id)), twoHierarchies, recipes('croise-taux', ['part_judiciaire', 'mediations_100k']), ['D1', 'D2', 'D3', 'FR'], notComputed, 'croise-taux'));
  const current = (id: string) => (id === 'croise-taux' ? rates(nowCadre) : lookup(id));
  const previous = (id: string) => (id === 'croise-taux' ? rates(lastCadre) : undefined);
  const t = derive(['geo', 'indicateur'], evolutionCells(current, previous, recipes('croise-evolution', ['part_judiciaire', 'mediations_100k']), ['D1', 'D2', 'D3', 'FR'], notComputed, 'croise-evolution'));

  it('gives the change of a share in points, not in %', () => {
    expect(cellAt(t, ['D1', 'part_judiciaire']).value).toBeCloseTo(25 - 20, 10); // 10/40 against 10/50
    expect(cellAt(t, ['FR', 'part_judiciaire']).value).toBeCloseTo(31 - 25, 10);
  });

  it('gives the change of a rate per 100 000 inhabitants in %', () => {
    expect(cellAt(t, ['D1', 'mediations_100k']).value).toBeCloseTo(-20, 10); // 40 against 50, same population
  });

  it('suppresses a change in points whose share was suppressed (inherited from its components)', () => {
    expect(cellAt(t, ['D2', 'part_judiciaire']).status).toBe('x');
    expect(cellAt(t, ['D1', 'part_judiciaire']).status).toBe('s');
  });

  it('has no change where a share is not defined (no mediation at all), rather than a change from 0', () => {
    expect(t.cells.some((c) => c.codes[0] === 'D3')).toBe(false);
  });
});

describe('croise-couverture', () => {
  const year = harmonizedYear(2024, [service('S1', 'D1'), service('S2', 'D1'), service('S3', 'D2')], [structure('E1', 'D2'), structure('E2', 'D3')]);
  const flags = coverageContributions(twoHierarchies, year.coverage, recipes('croise-couverture'), 'croise-couverture');
  const flagged = (code: string) => flags[code].filter((c) => c.value === 1).map((c) => c.codes[0]);

  it('flags departments without mediation, without ER, and without either (white zones)', () => {
    expect(flagged('departements')).toEqual(['D1', 'D2', 'D3', 'D4']);
    expect(flagged('sans_mediation')).toEqual(['D3', 'D4']);
    expect(flagged('sans_er')).toEqual(['D1', 'D4']);
    expect(flagged('sans_aucun')).toEqual(['D4']);
  });

  it('reads the register: a department whose known services did not answer is no white zone', () => {
    const register = [
      { year: 2024, survey: 'mediation' as const, service: 'S9', department: 'D4', sites: 1 },
      { year: 2023, survey: 'rencontre' as const, service: 'E9', department: 'D1', sites: 1 },
    ];
    const withRegister = harmonizedYear(2024, [service('S1', 'D1'), service('S3', 'D2')], [structure('E1', 'D2'), structure('E2', 'D3')], twoHierarchies, register);
    const f = coverageContributions(twoHierarchies, withRegister.coverage, recipes('croise-couverture'), 'croise-couverture');
    const on = (code: string) => f[code].filter((c) => c.value === 1).map((c) => c.codes[0]);
    expect(on('sans_mediation')).toEqual(['D3']); // D4's known service did not answer: D4 has one
    expect(on('sans_er')).toEqual(['D1', 'D4']); // E9 is known in 2023 only
  });

  it('has each department contribute for itself only', () => {
    for (const rows of Object.values(flags)) expect(rows.every((r) => r.contributor === r.codes[0])).toBe(true);
  });
});
