/**
 * The protected tables built from survey rows: cube tables (alone or linked, so that cells shared by
 * several tables have one status and cannot be recovered by combining them) and tables of separate
 * indicators (one geo-only cube each, with its own rule set; medians derived from the rows).
 *
 * @example
 *   const built = await buildCube(ctx, catalogue.find((t) => t.id === 'med-financement'));
 *   built.table.cells; // geo × financeur, statuses set by the engine
 */
import type { HarmonizedYear } from '../model/harmonized.ts';
import type { Publication, PublicationTable } from '../model/publication.ts';
import { derive, inheritanceViolations, stack, type DerivedCell } from '../protect/derive.ts';
import type { ProtectedTable, ProtectedTableWithStats } from '../protect/protected-table.ts';
import { businessRules } from '../protect/primary.ts';
import type { Contribution, DimensionSpec, ProtectSpec, RuleSet } from '../protect/types.ts';
import type { PublicationConfig, TableConfig } from './config.ts';
import { CONTRIBUTOR, cubeContributions, knownServiceContributions, measureContributions, numberReader, type Unit } from './contributions.ts';
import type { Engine, LinkedTables, Verdict } from '../runtime/engine.ts';
import { geoMembers, GEO } from './geo.ts';
import { configMessages, publishMessages as m } from './messages.ts';

/** One protected cube written to the audit trail. */
export interface AuditedCube {
  folder: string;
  spec: ProtectSpec;
  contributions: readonly Contribution[];
  table: ProtectedTableWithStats;
  verdict: Verdict;
}

/** A table of the publication once protected, with its audit trail and verdict. */
export interface Built {
  config: TableConfig;
  table: ProtectedTable;
  cubes: AuditedCube[];
  verdict: Verdict;
  /** linked tables: the verdict of the group's joint audit */
  joint?: Verdict;
  /** a table of changes on the previous year: each code's source cell and kind of change */
  changes?: PublicationTable['changes'];
}

/** What every builder of one year's publication reads (and `built`, which it fills). */
export interface Context {
  engine: Engine;
  year: HarmonizedYear;
  config: PublicationConfig;
  geo: DimensionSpec;
  geoCodes: string[];
  units: { mediation: Unit[]; rencontre: Unit[] };
  previous: Publication | null;
  built: Map<string, Built>;
}

export function secondDimension(t: TableConfig): DimensionSpec {
  const total = t.dimension.total ?? 'ENS';
  return { name: t.dimension.name, total, hierarchies: { [t.dimension.name]: Object.fromEntries(t.dimension.codes.map((c) => [c.code, total])) } };
}

export function surveyOf(t: TableConfig): 'mediation' | 'rencontre' {
  return t.survey === 'rencontre' ? 'rencontre' : 'mediation';
}

export function cubeSpec(ctx: Context, t: TableConfig): ProtectSpec {
  const rules = ruleSetOf(ctx, t, t.ruleSet);
  return {
    dimensions: [ctx.geo, secondDimension(t)],
    contributor: CONTRIBUTOR[surveyOf(t)],
    value: t.measure ?? 'valeur',
    rules,
    ...consentOf(ctx, surveyOf(t), rules),
  };
}

/**
 * The register's consents (law of 7 June 1951) for a spec whose contributors are the survey's
 * services, when its rule set has a business rule a consent can lift (minFrequency, dominance,
 * pPercent): nothing otherwise, so a spec on counts of persons is the same with or without consents.
 */
export function consentOf(ctx: Context, survey: 'mediation' | 'rencontre', rules: RuleSet): { consent?: readonly string[] } {
  const consenting = ctx.year.coverage[survey].consenting ?? [];
  return businessRules(rules) && consenting.length > 0 ? { consent: consenting } : {};
}

/** The rule set a figure is protected by; the catalogue's loader refused any figure without one. */
function ruleSetOf(ctx: Context, t: TableConfig, name: string | undefined) {
  const set = name === undefined ? undefined : ctx.config.protect.ruleSets[name];
  if (!set) throw new Error(configMessages.missingRuleSet(t.id));
  // the label is the methodology's, not the engine's: spec.json holds the rules only
  const { label: _label, ...rules } = set;
  return rules;
}

export function combine(verdicts: readonly Verdict[]): Verdict {
  const failed = verdicts.filter((v) => !v.ok);
  return { ok: failed.length === 0, detail: failed.map((v) => v.detail).join(' ; ') };
}

export const folderOf = (ctx: Context, id: string) => `${ctx.year.year}/audit/${id}`;

/** Cube tables without a link: protected and audited alone. */
export async function buildCube(ctx: Context, t: TableConfig): Promise<Built> {
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
export async function buildLinked(ctx: Context, group: readonly TableConfig[]): Promise<{ built: Built[]; joint: Verdict }> {
  const specs = group.map((t) => cubeSpec(ctx, t));
  const contributions = Object.fromEntries(group.map((t) => [t.id, cubeContributions(t, ctx.units[surveyOf(t)])]));
  const linked: LinkedTables = {
    dimensions: [ctx.geo, ...specs.map((s) => s.dimensions[1])],
    tables: group.map((t) => ({ id: t.id, dimensions: [GEO, t.dimension.name] })),
    contributor: specs[0].contributor,
    rules: specs[0].rules,
    ...(specs[0].consent ? { consent: specs[0].consent } : {}),
  };
  const tables = await ctx.engine.protectLinked(linked, contributions);
  const cells = Object.fromEntries(group.map((t) => [t.id, tables[t.id].cells]));
  // the audits are independent: asked at once (an engine on worker threads runs them side by side)
  const [joint, ...verdicts] = await Promise.all([
    ctx.engine.auditLinked(linked, contributions, cells),
    ...group.map((t, i) => ctx.engine.audit(specs[i], contributions[t.id], tables[t.id].cells)),
  ]);
  const built = group.map((t, i): Built => {
    const table = tables[t.id];
    const verdict = verdicts[i];
    return { config: t, table, verdict, cubes: [{ folder: folderOf(ctx, t.id), spec: specs[i], contributions: contributions[t.id], table, verdict }] };
  });
  return { built, joint };
}

export function medianCells(ctx: Context, field: string, units: readonly Unit[], consenting: ReadonlySet<string>): DerivedCell[] {
  const members = geoMembers(ctx.year.geography);
  const byDepartment = new Map<string, { value: number; consented: boolean }[]>();
  const read = numberReader(field);
  for (const unit of units) {
    const value = read(unit);
    if (value === null) continue;
    byDepartment.set(unit.departement, [...(byDepartment.get(unit.departement) ?? []), { value, consented: consenting.has(unit.id) }]);
  }
  return ctx.geoCodes.map((geo) => {
    const values = (members.get(geo) ?? []).flatMap((dep) => byDepartment.get(dep) ?? []);
    return { codes: [geo], median: values.map((v) => v.value), minCount: ctx.config.protect.medianMinStructures, consented: values.filter((v) => v.consented).length };
  });
}

/** Geo-only cubes, one per indicator with its own rule set, stacked; medians derived from rows. */
export async function buildMeasures(ctx: Context, t: TableConfig, units: readonly Unit[], contributions?: Record<string, Contribution[]>): Promise<Built> {
  // one cube per code, all asked at once (an engine on worker threads runs them side by side)
  const results = await Promise.all(
    t.dimension.codes.map(async (code): Promise<{ part: { code: string; table: ProtectedTable }; check: Verdict; cube?: AuditedCube }> => {
      if (code.aggregate === 'median') {
        const cells = medianCells(ctx, code.field ?? code.code, units, new Set(ctx.year.coverage[surveyOf(t)].consenting ?? []));
        const table = derive([GEO], cells);
        const leaks = inheritanceViolations(table, cells);
        return { part: { code: code.code, table }, check: { ok: leaks.length === 0, detail: leaks.map((c) => m.derivedLeak(t.id, c)).join(' ') } };
      }
      const rules = ruleSetOf(ctx, t, code.ruleSet);
      const spec: ProtectSpec = {
        dimensions: [ctx.geo],
        contributor: contributions ? 'departement' : CONTRIBUTOR[surveyOf(t)],
        value: code.code,
        rules,
        // a consent is a service's: not for contributions by department
        ...(contributions ? {} : consentOf(ctx, surveyOf(t), rules)),
      };
      const rows = contributions ? contributions[code.code] : code.aggregate === 'count' ? knownServiceContributions(ctx.year.coverage[surveyOf(t)]) : measureContributions(code, units);
      const table = await ctx.engine.protect(spec, rows);
      const verdict = await ctx.engine.audit(spec, rows, table.cells);
      return { part: { code: code.code, table }, check: verdict, cube: { folder: `${folderOf(ctx, t.id)}/${code.code}`, spec, contributions: rows, table, verdict } };
    }),
  );
  const parts = results.map((r) => r.part);
  const checks = results.map((r) => r.check);
  const cubes = results.flatMap((r) => (r.cube ? [r.cube] : []));
  return { config: t, table: stack(t.dimension.name, parts), cubes, verdict: combine(checks) };
}
