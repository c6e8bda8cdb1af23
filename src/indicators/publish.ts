/**
 * The publish stage: one harmonized year → the publication's protected tables, their CSV files and
 * the audit trail.
 *
 *   cubes      (cube tables)      survey rows → contributions → protect / protectLinked → audit
 *   measures   (measures tables)  one geo-only cube per indicator (or a median) → stacked
 *   derived    (croise-*)         recipes over protected cells → derive (secrecy inherited)
 *   files      tables/<id>.csv, tables/<id>.long.csv, audit/<id>/…, audit/summary.json
 *
 * `failures` names every table (or group of linked tables) whose audit failed: the run must then fail.
 *
 * @example
 *   const { publication, files, failures } = await publishWith(protectionEngine, harmonized, previousPublication, config);
 */
import { formatAuditTrail } from '../format/audit-trail.ts';
import { formatLongCsv, formatTableCsv, type CodeDisplay } from '../format/table-csv.ts';
import type { HarmonizedYear } from '../model/harmonized.ts';
import { cellEvidence, EVIDENCE_COLUMNS, evidenceFields, evidenceKey } from '../protect/evidence.ts';
import type { Contribution, ProtectSpec } from '../protect/types.ts';
import type { OutputFile } from '../model/output.ts';
import type { Publication, PublicationTable } from '../model/publication.ts';
import { buildCrossed } from './build-crossed.ts';
import { buildCube, buildLinked, buildMeasures, surveyOf, type AuditedCube, type Built, type Context } from './build-cubes.ts';
import type { PublicationConfig, TableConfig } from './config.ts';
import { unitsOf } from './contributions.ts';
import type { Engine, Verdict } from '../runtime/engine.ts';
import { geoDimension, geoOrder } from './geo.ts';
import { countsOver } from '../harmonize/coverage.ts';
import { coverageMessages as cm, publishMessages as m } from './messages.ts';
import { tableMarks, type EvolutionRule, type MarkContext } from './marks.ts';
import { publicationTable } from './publication-table.ts';
import { summaryJson, type TableSummary } from './summary.ts';

/**
 * The surveys without a single accepted response this year (a folder not yet received, every return
 * rejected). Their tables cannot exist: published, they would show zeros for what was not surveyed.
 */
export function absentSurveys(year: HarmonizedYear): ('mediation' | 'rencontre')[] {
  return (['mediation', 'rencontre'] as const).filter((survey) => year[survey].length === 0);
}

/** Whether a table can be built this year: its survey answered (a crossed table needs both). */
function answered(t: TableConfig, absent: readonly string[]): boolean {
  return t.survey === 'croise' ? absent.length === 0 : !absent.includes(t.survey);
}

export interface PublishResult {
  publication: Publication;
  files: OutputFile[];
  failures: string[];
}

/** One year's publish stage with a protection engine (the real one, or a stand-in in unit tests). */
export async function publishWith(engine: Engine, year: HarmonizedYear, previous: Publication | null, config: PublicationConfig): Promise<PublishResult> {
  return finishYear(await protectYear(engine, year, config), previous);
}

/** One year's protected tables, before the derived ones (which may need the previous year). */
export interface ProtectedYear {
  ctx: Context;
  config: PublicationConfig;
  failures: string[];
  linkedVerdicts: { link: string; tables: string[]; verdict: Verdict }[];
}

/**
 * The cube, linked and measures tables of one year. Their protections are independent, so they are
 * all asked of the engine at once: an engine on worker threads runs them side by side. Results are
 * taken in catalogue order, whatever order they finish in.
 */
export async function protectYear(engine: Engine, year: HarmonizedYear, config: PublicationConfig): Promise<ProtectedYear> {
  const ctx: Context = {
    engine,
    year,
    config,
    geo: geoDimension(year.geography),
    geoCodes: geoOrder(year.geography),
    units: { mediation: unitsOf(year, 'mediation'), rencontre: unitsOf(year, 'rencontre') },
    previous: null,
    built: new Map(),
  };
  const jobs: Promise<{ built: Built[]; link?: { link: string; tables: string[]; verdict: Verdict } }>[] = [];
  const done = new Set<string>();
  const absent = absentSurveys(year);
  for (const t of config.tables) {
    if (done.has(t.id) || t.kind === 'derived' || !answered(t, absent)) continue;
    if (t.kind === 'measures') {
      jobs.push(buildMeasures(ctx, t, ctx.units[surveyOf(t)]).then((b) => ({ built: [b] })));
    } else if (t.link !== undefined) {
      const link = t.link;
      const group = config.tables.filter((o) => o.link === link);
      group.forEach((g) => done.add(g.id));
      jobs.push(
        buildLinked(ctx, group).then(({ built, joint }) => ({
          built: built.map((b) => ({ ...b, joint })),
          link: { link, tables: group.map((g) => g.id), verdict: joint },
        })),
      );
    } else {
      jobs.push(buildCube(ctx, t).then((b) => ({ built: [b] })));
    }
  }
  const failures: string[] = [];
  const linkedVerdicts: ProtectedYear['linkedVerdicts'] = [];
  for (const { built, link } of await Promise.all(jobs)) {
    for (const b of built) ctx.built.set(b.config.id, b);
    if (!link) continue;
    linkedVerdicts.push(link);
    if (!link.verdict.ok) failures.push(m.linkedAuditFailed(link.link, link.verdict.detail));
  }
  return { ctx, config, failures, linkedVerdicts };
}

/** The derived tables (evolutions on `previous`), the CSV files and the audit trail of a protected year. */
export async function finishYear(protectedYear: ProtectedYear, previous: Publication | null): Promise<PublishResult> {
  const { config, linkedVerdicts } = protectedYear;
  const failures = [...protectedYear.failures];
  const ctx: Context = { ...protectedYear.ctx, previous };
  const { year } = ctx;
  const absent = absentSurveys(year);
  for (const t of config.tables) {
    if (t.kind !== 'derived' || !answered(t, absent)) continue;
    const b = await buildCrossed(ctx, t);
    if (b) ctx.built.set(t.id, b);
  }

  const tables: PublicationTable[] = [];
  const files: OutputFile[] = [];
  const summaries: TableSummary[] = [];
  const display = (t: TableConfig): CodeDisplay => ({
    decimals: Object.fromEntries(t.dimension.codes.filter((c) => c.decimals !== undefined).map((c) => [c.code, c.decimals ?? t.decimals])),
  });
  const markContext: MarkContext = {
    geography: year.geography,
    geoCodes: ctx.geoCodes,
    coverage: year.coverage,
    ...(previous ? { previous: { ...(previous.coverage ? { coverage: previous.coverage } : {}), table: (id: string) => previous.tables.find((p) => p.meta.id === id)?.table } } : {}),
    table: (id: string) => ctx.built.get(id)?.table,
    surveyOfTable: (id: string) => {
      const survey = config.tables.find((c) => c.id === id)?.survey;
      return survey === 'croise' ? undefined : survey;
    },
    tableConfig: (id: string) => config.tables.find((c) => c.id === id),
    evolution: evolutionRule(config),
  };
  for (const t of config.tables) {
    const b = ctx.built.get(t.id);
    if (!b) continue;
    const coverage = { marks: tableMarks(t, b.table, markContext), notes: coverageNotes(t, year, markContext.evolution.minBase) };
    const p = publicationTable(t, b.table, year.geography, year.year, b.verdict.ok && (b.joint?.ok ?? true), coverage, b.changes);
    tables.push(p);
    if (!b.verdict.ok) failures.push(m.auditFailed(t.id, b.verdict.detail));
    files.push(
      { root: 'data-out', path: `${year.year}/tables/${t.id}.csv`, content: formatTableCsv(p, year.geography, ctx.geoCodes, display(t)) },
      { root: 'data-out', path: `${year.year}/tables/${t.id}.long.csv`, content: formatLongCsv(p, ctx.geoCodes) },
    );
    for (const cube of b.cubes) files.push(...formatAuditTrail(cube.folder, cube.spec, cube.contributions, cube.table.cells, evidenceColumns(cube.spec, cube.contributions)));
    const bound = secondaryBound(b.cubes);
    summaries.push({ table: p, kind: t.kind, link: t.link, verdict: b.verdict, folders: b.cubes.map((c) => c.folder.slice(`${year.year}/audit/`.length)), ...(bound !== undefined ? { secondaryBound: bound } : {}) });
  }
  files.push({ root: 'data-out', path: `${year.year}/audit/summary.json`, content: summaryJson(year.year, summaries, linkedVerdicts, year.geography.departments.map((d) => d.code)) });
  const history = previous ? [...previous.history, { year: previous.year, tables: previous.tables }] : [];
  return { publication: { year: year.year, ...(config.publisher ? { publisher: config.publisher } : {}), coverage: year.coverage, geography: year.geography, tables, history, secrecy: config.protect }, files, failures };
}

/**
 * A table's bound on its secondary cells: the sum of its cubes' (a cube without a primary cell has
 * none to protect: 0); none when a cube has no bound (counts of persons, linked or large cubes).
 */
function secondaryBound(cubes: readonly AuditedCube[]): number | undefined {
  let sum = 0;
  for (const { table } of cubes) {
    const bound = table.stats.secondaryBound ?? (table.stats.primary === 0 ? 0 : undefined);
    if (bound === undefined) return undefined;
    sum += bound;
  }
  return cubes.length > 0 ? sum : undefined;
}

/** The evidence of the primary rules, as the columns the audit trail's `cells.csv` appends (src/protect/evidence.ts). */
function evidenceColumns(spec: ProtectSpec, contributions: readonly Contribution[]) {
  const evidence = cellEvidence(spec, contributions);
  return { columns: EVIDENCE_COLUMNS, fields: (cell: { codes: readonly string[] }) => evidenceFields(evidence.get(evidenceKey(cell.codes))) };
}

/** The evolution rule of the catalogue's evolution table (defaults: base 20, 10 % of respondents). */
function evolutionRule(config: PublicationConfig): EvolutionRule {
  return config.tables.find((t) => t.evolution !== undefined)?.evolution ?? { minBase: 20, maxRespondentChange: 0.1 };
}

/** The sentences every table's note gets: figures on respondents (with the response rate), and the signs. */
function coverageNotes(t: TableConfig, year: HarmonizedYear, minBase: number): string[] {
  const surveys = t.survey === 'croise' ? (['mediation', 'rencontre'] as const) : [t.survey];
  const departments = year.geography.departments.map((d) => d.code);
  const lines = surveys.map((survey) => {
    const coverage = year.coverage[survey];
    const { known, respondents } = countsOver(coverage, departments);
    return cm.respondents(survey, year.year, respondents, known, coverage.fromRegister);
  });
  return [...lines, cm.signs(minBase)];
}
