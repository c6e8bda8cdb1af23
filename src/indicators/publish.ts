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
 *   const { publication, files, failures } = await publish(harmonized, previousPublication, config);
 */
import { FRANCE } from '../model/geography.ts';
import type { HarmonizedYear } from '../model/harmonized.ts';
import type { OutputFile } from '../model/output.ts';
import type { Publication, PublicationTable, TableMeta } from '../model/publication.ts';
import { derive, inheritanceViolations, stack, type DerivedCell } from '../protect/derive.ts';
import type { ProtectedTable } from '../protect/protected-table.ts';
import type { Contribution, DimensionSpec, ProtectSpec } from '../protect/types.ts';
import { auditFiles } from './audit-files.ts';
import type { PublicationConfig, TableConfig } from './config.ts';
import { CONTRIBUTOR, cubeContributions, measureContributions, numberField, unitsOf, type Unit } from './contributions.ts';
import { coverageContributions, evolutionCells, rateCells } from './crossed.ts';
import { protectionEngine, type Engine, type LinkedTables, type Verdict } from './engine.ts';
import { geoDimension, geoMembers, geoOrder, GEO } from './geo.ts';
import { publishMessages as m, recipeMessages } from './messages.ts';
import { summaryJson, type TableSummary } from './summary.ts';
import { longCsv, tableCsv, type CodeDisplay } from './table-csv.ts';

export interface PublishResult {
  publication: Publication;
  files: OutputFile[];
  failures: string[];
}

/** One protected cube written to the audit trail. */
interface AuditedCube {
  folder: string;
  spec: ProtectSpec;
  contributions: readonly Contribution[];
  table: ProtectedTable;
  verdict: Verdict;
}

interface Built {
  config: TableConfig;
  table: ProtectedTable;
  cubes: AuditedCube[];
  verdict: Verdict;
}

interface Context {
  engine: Engine;
  year: HarmonizedYear;
  config: PublicationConfig;
  geo: DimensionSpec;
  geoCodes: string[];
  units: { mediation: Unit[]; rencontre: Unit[] };
  previous: Publication | null;
  built: Map<string, Built>;
}

function secondDimension(t: TableConfig): DimensionSpec {
  const total = t.dimension.total ?? 'ENS';
  return { name: t.dimension.name, total, hierarchies: { [t.dimension.name]: Object.fromEntries(t.dimension.codes.map((c) => [c.code, total])) } };
}

function surveyOf(t: TableConfig): 'mediation' | 'rencontre' {
  return t.survey === 'rencontre' ? 'rencontre' : 'mediation';
}

function cubeSpec(ctx: Context, t: TableConfig): ProtectSpec {
  return {
    dimensions: [ctx.geo, secondDimension(t)],
    contributor: CONTRIBUTOR[surveyOf(t)],
    value: t.measure ?? 'valeur',
    rules: ctx.config.protect.ruleSets[t.ruleSet ?? ''],
  };
}

function combine(verdicts: readonly Verdict[]): Verdict {
  const failed = verdicts.filter((v) => !v.ok);
  return { ok: failed.length === 0, detail: failed.map((v) => v.detail).join(' ; ') };
}

const folderOf = (ctx: Context, id: string) => `${ctx.year.year}/audit/${id}`;

/** Cube tables without a link: protected and audited alone. */
async function buildCube(ctx: Context, t: TableConfig): Promise<Built> {
  const spec = cubeSpec(ctx, t);
  const contributions = cubeContributions(t, ctx.units[surveyOf(t)]);
  const table = await ctx.engine.protect(spec, contributions);
  const verdict = await ctx.engine.audit(spec, contributions, table.cells);
  return { config: t, table, verdict, cubes: [{ folder: folderOf(ctx, t.id), spec, contributions, table, verdict }] };
}

/**
 * Tables sharing cells (same `link`): protected jointly so that a shared cell has one status
 * everywhere; each table is also audited alone (its audit folder is checkable on its own) and the
 * group is audited jointly.
 */
async function buildLinked(ctx: Context, group: readonly TableConfig[]): Promise<{ built: Built[]; joint: Verdict }> {
  const specs = group.map((t) => cubeSpec(ctx, t));
  const contributions = Object.fromEntries(group.map((t) => [t.id, cubeContributions(t, ctx.units[surveyOf(t)])]));
  const linked: LinkedTables = {
    dimensions: [ctx.geo, ...specs.map((s) => s.dimensions[1])],
    tables: group.map((t) => ({ id: t.id, dimensions: [GEO, t.dimension.name] })),
    contributor: specs[0].contributor,
    rules: specs[0].rules,
  };
  const tables = await ctx.engine.protectLinked(linked, contributions);
  const built: Built[] = [];
  for (const [i, t] of group.entries()) {
    const table = tables[t.id];
    const verdict = await ctx.engine.audit(specs[i], contributions[t.id], table.cells);
    built.push({ config: t, table, verdict, cubes: [{ folder: folderOf(ctx, t.id), spec: specs[i], contributions: contributions[t.id], table, verdict }] });
  }
  const cells = Object.fromEntries(group.map((t) => [t.id, tables[t.id].cells]));
  const joint = await ctx.engine.auditLinked(linked, contributions, cells);
  return { built, joint };
}

function medianCells(ctx: Context, field: string, units: readonly Unit[]): DerivedCell[] {
  const members = geoMembers(ctx.year.geography);
  const byDepartment = new Map<string, number[]>();
  for (const unit of units) {
    const value = numberField(unit, field);
    if (value === null) continue;
    byDepartment.set(unit.departement, [...(byDepartment.get(unit.departement) ?? []), value]);
  }
  return ctx.geoCodes.map((geo) => ({
    codes: [geo],
    median: (members.get(geo) ?? []).flatMap((dep) => byDepartment.get(dep) ?? []),
    minCount: ctx.config.protect.medianMinStructures,
  }));
}

/** Geo-only cubes, one per indicator with its own rule set, stacked; medians derived from rows. */
async function buildMeasures(ctx: Context, t: TableConfig, units: readonly Unit[], contributions?: Record<string, Contribution[]>): Promise<Built> {
  const parts: { code: string; table: ProtectedTable }[] = [];
  const cubes: AuditedCube[] = [];
  const checks: Verdict[] = [];
  for (const code of t.dimension.codes) {
    if (code.aggregate === 'median') {
      const cells = medianCells(ctx, code.field ?? code.code, units);
      const table = derive([GEO], cells);
      const leaks = inheritanceViolations(table, cells);
      checks.push({ ok: leaks.length === 0, detail: leaks.map((c) => m.derivedLeak(t.id, c)).join(' ') });
      parts.push({ code: code.code, table });
      continue;
    }
    const spec: ProtectSpec = {
      dimensions: [ctx.geo],
      contributor: contributions ? 'departement' : CONTRIBUTOR[surveyOf(t)],
      value: code.code,
      rules: ctx.config.protect.ruleSets[code.ruleSet ?? 'public'] ?? {},
    };
    const rows = contributions ? contributions[code.code] : measureContributions(code, units);
    const table = await ctx.engine.protect(spec, rows);
    const verdict = await ctx.engine.audit(spec, rows, table.cells);
    checks.push(verdict);
    cubes.push({ folder: `${folderOf(ctx, t.id)}/${code.code}`, spec, contributions: rows, table, verdict });
    parts.push({ code: code.code, table });
  }
  return { config: t, table: stack(t.dimension.name, parts), cubes, verdict: combine(checks) };
}

function lookupIn(tables: ReadonlyMap<string, Built> | readonly PublicationTable[]) {
  return (id: string): ProtectedTable | undefined =>
    tables instanceof Map ? tables.get(id)?.table : (tables as readonly PublicationTable[]).find((p) => p.meta.id === id)?.table;
}

function buildDerived(ctx: Context, t: TableConfig, cells: DerivedCell[]): Built {
  const table = derive([GEO, t.dimension.name], cells);
  const leaks = inheritanceViolations(table, cells);
  return { config: t, table, cubes: [], verdict: { ok: leaks.length === 0, detail: leaks.map((c) => m.derivedLeak(t.id, c)).join(' ') } };
}

/** The crossed tables; null when the table cannot exist this year (evolution in the first year). */
async function buildCrossed(ctx: Context, t: TableConfig): Promise<Built | null> {
  const codes = t.dimension.codes.map((c) => c.code);
  if (t.id === 'croise-taux') return buildDerived(ctx, t, rateCells(lookupIn(ctx.built), ctx.year.geography, codes, ctx.geoCodes));
  if (t.id === 'croise-evolution') {
    if (!ctx.previous) return null;
    return buildDerived(ctx, t, evolutionCells(lookupIn(ctx.built), lookupIn(ctx.previous.tables), codes, ctx.geoCodes));
  }
  if (t.id === 'croise-couverture') {
    const flags = coverageContributions(ctx.year.geography, ctx.units.mediation, ctx.units.rencontre);
    for (const code of codes) if (!Object.hasOwn(flags, code)) throw new Error(recipeMessages.unknownCode(t.id, code));
    return buildMeasures(ctx, t, [], flags);
  }
  throw new Error(recipeMessages.unknownDerived(t.id));
}

function fill(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(values, name) ? values[name] : whole));
}

function formatNumber(value: number, decimals: number): string {
  return new Intl.NumberFormat('fr-FR', { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(value);
}

/** The "Lecture" sentence reads the France cell of one code (`lectureCode` or the first); a suppressed one is not read. */
function lecture(b: Built, year: number): string {
  const first = b.config.dimension.codes.find((c) => c.code === b.config.lectureCode) ?? b.config.dimension.codes[0];
  const cell = b.table.cells.find((c) => c.codes[0] === FRANCE && c.codes[1] === first.code);
  if (!cell || cell.status !== 's') return m.lectureUnavailable();
  const valeur = formatNumber(cell.value, first.decimals ?? b.config.decimals);
  return fill(b.config.lecture, { annee: String(year), annee_precedente: String(year - 1), valeur });
}

function publicationTable(ctx: Context, b: Built): PublicationTable {
  const t = b.config;
  const year = ctx.year.year;
  const values = { numero: String(t.number), annee: String(year), annee_precedente: String(year - 1) };
  const meta: TableMeta = {
    id: t.id,
    number: t.number,
    title: fill(t.title, values),
    unit: t.unit,
    survey: t.survey,
    lecture: lecture(b, year),
    champ: t.champ,
    source: fill(t.source, values),
    note: t.note,
  };
  const total = t.dimension.total;
  const dimLabels: Record<string, string> = Object.fromEntries(t.dimension.codes.map((c) => [c.code, c.label]));
  if (total !== undefined) dimLabels[total] = t.dimension.totalLabel ?? total;
  const order = [...t.dimension.codes.map((c) => c.code), ...(total !== undefined ? [total] : [])];
  const cells = b.table.cells;
  const primary = cells.filter((c) => c.status === 'u').length;
  const secondary = cells.filter((c) => c.status === 'x').length;
  return {
    meta,
    year,
    table: b.table,
    labels: { geo: ctx.year.geography.labels, [t.dimension.name]: dimLabels },
    order: { [t.dimension.name]: order },
    decimals: t.decimals,
    protection: {
      cells: cells.length,
      primary,
      secondary,
      shareSuppressed: cells.length === 0 ? 0 : (primary + secondary) / cells.length,
      audit: b.verdict.ok ? 'ok' : 'echec',
    },
  };
}

/** The publish stage with the protection engine of src/protect/. */
export async function publish(year: HarmonizedYear, previous: Publication | null, config: PublicationConfig): Promise<PublishResult> {
  return publishWith(protectionEngine, year, previous, config);
}

/** `publish` with an explicit protection engine (the real one, or a stand-in in unit tests). */
export async function publishWith(engine: Engine, year: HarmonizedYear, previous: Publication | null, config: PublicationConfig): Promise<PublishResult> {
  const ctx: Context = {
    engine,
    year,
    config,
    geo: geoDimension(year.geography),
    geoCodes: geoOrder(year.geography),
    units: { mediation: unitsOf(year, 'mediation'), rencontre: unitsOf(year, 'rencontre') },
    previous,
    built: new Map(),
  };
  const failures: string[] = [];
  const linkedVerdicts: { link: string; tables: string[]; verdict: Verdict }[] = [];
  const done = new Set<string>();
  for (const t of config.tables) {
    if (done.has(t.id) || t.kind === 'derived') continue;
    if (t.kind === 'measures') {
      ctx.built.set(t.id, await buildMeasures(ctx, t, ctx.units[surveyOf(t)]));
    } else if (t.link !== undefined) {
      const group = config.tables.filter((o) => o.link === t.link);
      const { built, joint } = await buildLinked(ctx, group);
      for (const b of built) ctx.built.set(b.config.id, b);
      group.forEach((g) => done.add(g.id));
      linkedVerdicts.push({ link: t.link, tables: group.map((g) => g.id), verdict: joint });
      if (!joint.ok) failures.push(m.linkedAuditFailed(t.link, joint.detail));
    } else {
      ctx.built.set(t.id, await buildCube(ctx, t));
    }
  }
  for (const t of config.tables) {
    if (t.kind !== 'derived') continue;
    const b = await buildCrossed(ctx, t);
    if (b) ctx.built.set(t.id, b);
  }

  const tables: PublicationTable[] = [];
  const files: OutputFile[] = [];
  const summaries: TableSummary[] = [];
  const display = (t: TableConfig): CodeDisplay => ({
    decimals: Object.fromEntries(t.dimension.codes.filter((c) => c.decimals !== undefined).map((c) => [c.code, c.decimals ?? t.decimals])),
    derived: new Set(t.dimension.codes.filter((c) => c.aggregate === 'median').map((c) => c.code)),
  });
  for (const t of config.tables) {
    const b = ctx.built.get(t.id);
    if (!b) continue;
    const p = publicationTable(ctx, b);
    tables.push(p);
    if (!b.verdict.ok) failures.push(m.auditFailed(t.id, b.verdict.detail));
    files.push(
      { root: 'data-out', path: `${year.year}/tables/${t.id}.csv`, content: tableCsv(p, year.geography, ctx.geoCodes, display(t)) },
      { root: 'data-out', path: `${year.year}/tables/${t.id}.long.csv`, content: longCsv(p, ctx.geoCodes, display(t)) },
    );
    for (const cube of b.cubes) files.push(...auditFiles(cube.folder, cube.spec, cube.contributions, engine.formatCells(cube.table, cube.spec)));
    summaries.push({ table: p, kind: t.kind, link: t.link, verdict: b.verdict, folders: b.cubes.map((c) => c.folder.slice(`${year.year}/audit/`.length)) });
  }
  files.push({ root: 'data-out', path: `${year.year}/audit/summary.json`, content: summaryJson(year.year, summaries, linkedVerdicts) });
  const history = previous ? [...previous.history, { year: previous.year, tables: previous.tables }] : [];
  return { publication: { year: year.year, geography: year.geography, tables, history }, files, failures };
}
