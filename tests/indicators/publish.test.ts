/**
 * The publish stage end to end on a tiny year (real protection engine): which files it writes, how a
 * failed audit surfaces, and that row order does not matter (metamorphic).
 */
import { protectionEngine, type Engine } from '../../src/runtime/engine.ts';
import { publishMessages } from '../../src/indicators/messages.ts';
import { publishWith, type PublishResult } from '../../src/indicators/publish.ts';
import { loadPublicationConfig } from '../../src/ingest/publication-config.ts';
import { join } from 'node:path';
import { ended, harmonizedYear, service, structure } from './fixtures.ts';

const config = loadPublicationConfig(join(import.meta.dirname, '..', '..', 'pipelines', 'config'));

const mediation = [service('S1', 'D1', ended(30, 3)), service('S2', 'D1', ended(20, 8)), service('S3', 'D2', ended(25, 9)), service('S4', 'D4', ended(12, 6))];
const rencontre = [
  structure('E1', 'D1', { enfants: 20, familles: 15, mesures_nouvelles: 12, mesures_jaf: 12, mesures_visites: 12, delai_attente_median_jours: 30 }),
  structure('E2', 'D2', { enfants: 9, familles: 6, mesures_nouvelles: 3, mesures_jaf: 3, mesures_remises: 3, delai_attente_median_jours: 50 }),
  structure('E3', 'D2', { enfants: 14, familles: 10, mesures_nouvelles: 7, mesures_je: 7, mesures_visites: 7, delai_attente_median_jours: 70 }),
];
const y2023 = harmonizedYear(2023, mediation.map((r) => ({ ...r, annee: 2023 })), rencontre.map((r) => ({ ...r, annee: 2023 })));
const y2024 = harmonizedYear(2024, mediation, rencontre);

const byPath = (r: PublishResult) => new Map(r.files.map((f) => [f.path, f.content]));

describe('publish', () => {
  let first: PublishResult;
  let second: PublishResult;

  beforeAll(async () => {
    first = await publishWith(protectionEngine, y2023, null, config);
    second = await publishWith(protectionEngine, y2024, first.publication, config);
  });

  it('writes both CSV files of every table, and the evolution table only with a previous year', () => {
    const ids = config.tables.map((t) => t.id);
    const paths = byPath(second);
    for (const id of ids) {
      expect(paths.has(`2024/tables/${id}.csv`)).toBe(true);
      expect(paths.has(`2024/tables/${id}.long.csv`)).toBe(true);
    }
    expect(first.publication.tables.map((t) => t.meta.id)).toEqual(ids.filter((id) => id !== 'croise-evolution'));
    expect(second.publication.tables.map((t) => t.meta.id)).toEqual(ids);
    expect(second.publication.history.map((h) => h.year)).toEqual([2023]);
  });

  it('gives each cube its own audit folder, one per indicator for tables without a total, none for derived tables', () => {
    const audit = [...byPath(second).keys()].filter((p) => p.endsWith('/spec.json'));
    expect(audit).toEqual(expect.arrayContaining(['2024/audit/med-terminees-cadre/spec.json', '2024/audit/med-terminees-issue/spec.json', '2024/audit/med-activite/seances/spec.json']));
    expect(audit.some((p) => p.startsWith('2024/audit/croise-taux/'))).toBe(false);
    expect(audit.some((p) => p.startsWith('2024/audit/er-attente/delai_median_jours/'))).toBe(false);
    expect(byPath(second).has('2024/audit/summary.json')).toBe(true);
  });

  it('reports the suppressed cells per table in the summary (primary and secondary apart, for the producer only), as in the publication', () => {
    const summary = JSON.parse(String(byPath(second).get('2024/audit/summary.json'))) as { tables: { id: string; primaires: number; secondaires: number; masquees: number; audit: string }[]; tables_liees: { lien: string; audit_conjoint: string }[] };
    for (const t of second.publication.tables) {
      const row = summary.tables.find((s) => s.id === t.meta.id);
      const withStatus = (status: string) => t.table.cells.filter((c) => c.status === status).length;
      expect(row).toMatchObject({ primaires: withStatus('u'), secondaires: withStatus('x'), masquees: t.protection.suppressed, audit: 'ok' });
      expect(row!.primaires + row!.secondaires).toBe(t.protection.suppressed);
    }
    expect(summary.tables_liees.map((l) => [l.lien, l.audit_conjoint])).toEqual([['med-terminees', 'ok'], ['er-mesures', 'ok']]);
    expect(second.failures).toEqual([]);
  });

  it('names the table whose audit fails, and marks it echec', async () => {
    const failing: Engine = {
      ...protectionEngine,
      audit: async (spec, contributions, cells) => (spec.value === 'mesures_terminees' ? { ok: false, detail: 'D1' } : protectionEngine.audit(spec, contributions, cells)),
      auditLinked: async () => ({ ok: false, detail: 'D2' }),
    };
    const result = await publishWith(failing, y2023, null, config);
    expect(result.failures).toEqual(
      expect.arrayContaining([
        publishMessages.auditFailed('er-mesures-fin', 'D1'),
        publishMessages.linkedAuditFailed('med-terminees', 'D2'),
        publishMessages.linkedAuditFailed('er-mesures', 'D2'),
      ]),
    );
    const verdict = (id: string) => result.publication.tables.find((t) => t.meta.id === id)?.protection.audit;
    expect(verdict('er-mesures-fin')).toBe('echec');
    expect(verdict('med-terminees-duree')).toBe('echec');
    expect(verdict('med-financement')).toBe('ok');
  });

  it('gives the same files whatever the order of the rows (metamorphic)', async () => {
    const shuffled = harmonizedYear(2023, [...y2023.mediation].reverse(), [...y2023.rencontre].reverse());
    const again = await publishWith(protectionEngine, shuffled, null, config);
    const paths = (r: PublishResult) => r.files.filter((f) => f.path.includes('/tables/') || f.path.endsWith('summary.json') || f.path.endsWith('cells.csv'));
    expect(paths(again).map((f) => [f.path, f.content])).toEqual(paths(first).map((f) => [f.path, f.content]));
  });

  it('publishes no table of a survey without any accepted response, nor the crossed ones, rather than zeros', async () => {
    const survey = (id: string) => config.tables.find((t) => t.id === id)!.survey;
    const noEr = await publishWith(protectionEngine, harmonizedYear(2024, mediation, []), first.publication, config);
    const ids = noEr.publication.tables.map((t) => t.meta.id);
    expect(ids).toEqual(config.tables.filter((t) => t.survey === 'mediation').map((t) => t.id));
    expect(noEr.files.some((f) => /\/(er|croise)-/.test(f.path))).toBe(false);
    expect(noEr.failures).toEqual([]);
    // the year after: its evolutions would need last year's espaces de rencontre, which do not exist
    const after = await publishWith(protectionEngine, harmonizedYear(2025, mediation.map((r) => ({ ...r, annee: 2025 })), rencontre.map((r) => ({ ...r, annee: 2025 }))), noEr.publication, config);
    expect(after.publication.tables.map((t) => t.meta.id)).toEqual(config.tables.map((t) => t.id).filter((id) => id !== 'croise-evolution'));
    const noMediation = await publishWith(protectionEngine, harmonizedYear(2024, [], rencontre), first.publication, config);
    expect(noMediation.publication.tables.every((t) => survey(t.meta.id) === 'rencontre')).toBe(true);
  });

  it('does not mutate its input rows', () => {
    expect(y2024.mediation[0]).toEqual(service('S1', 'D1', ended(30, 3)));
  });
});
