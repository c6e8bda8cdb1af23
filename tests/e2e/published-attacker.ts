/**
 * An attacker that reads only what a reader of the publication gets: the long tables
 * (`data-out/<year>/tables/*.long.csv`), the public geography (`data-raw/reference/`: which
 * department is in which region and court of appeal, and each of these in France métropolitaine
 * or the DROM) and the published rules
 * (`pipelines/config/tables.json`, `protect.json`, printed in the methodology). It knows what a reader
 * knows from them: every `s` cell is unknown, every published cell (zeros included) is exact, `-` and
 * `nd` add nothing to the totals (figures are sums over respondents), the
 * totals of a table and of a geography add up, counts are whole numbers, a secret cell is never zero
 * (the notes say so), and — when a status column tells primary from secondary secrecy — that a
 * primary count lies between 1 and `minValue − 1`.
 *
 * Written apart from the engine (its own HiGHS instance, its own model of the tables: one unknown per
 * secret cell of a table, equations per total and per geographic margin), it answers two questions
 * for each year:
 *  - which secret cells can be recovered exactly (interval of one value; for counts, one integer);
 *  - which primary cells (known to the test from the audit trail, never to the attacker) have an
 *    interval narrower than their rule set's protection interval.
 * The workbooks repeat figures of these tables (a test compares them): they give the attacker nothing
 * more. Derived tables (rates, shares, evolutions, medians) publish a value only when every cell they
 * are computed from is published, so they add no equation on a secret cell.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import loadHighs, { type Highs } from 'highs';
import { parse } from 'csv-parse/sync';

interface CodeRule {
  code: string;
  aggregate?: string;
  ruleSet?: string;
}
interface CatalogueTable {
  id: string;
  kind: 'cube' | 'measures' | 'derived';
  link?: string;
  ruleSet?: string;
  dimension: { name: string; total?: string; codes: CodeRule[] };
}
interface RuleSet {
  minValue?: number;
  protectionPercent?: number;
}

export interface PublicKnowledge {
  tables: CatalogueTable[];
  ruleSets: Record<string, RuleSet>;
  /** child → parent, one map per geographic hierarchy */
  hierarchies: Map<string, string>[];
}

/** The catalogue, the rules and the geography, as published. */
export function loadPublicKnowledge(repo: string, reference: string): PublicKnowledge {
  const tables = (JSON.parse(readFileSync(join(repo, 'pipelines', 'config', 'tables.json'), 'utf8')) as { tables: CatalogueTable[] }).tables;
  const ruleSets = (JSON.parse(readFileSync(join(repo, 'pipelines', 'config', 'protect.json'), 'utf8')) as { ruleSets: Record<string, RuleSet> }).ruleSets;
  const tree = (file: string) => {
    const rows = parse(readFileSync(join(reference, file), 'utf8'), { columns: true }) as { code: string; parent: string }[];
    return new Map(rows.filter((r) => r.parent !== '').map((r) => [r.code, r.parent]));
  };
  return { tables, ruleSets, hierarchies: [tree('region.csv'), tree('cour-appel.csv')] };
}

export interface Verdict {
  year: string;
  table: string;
  geo: string;
  code: string;
  value: number;
  lo: number;
  hi: number;
  why: 'exact' | 'interval';
}

interface Unknown {
  table: string;
  geo: string;
  code: string;
  integer: boolean;
  /** the long table said this cell is primary */
  primaryMark: boolean;
  minValue?: number;
  protectionPercent: number;
}

/** One group of tables that share cells (a link), or one table: its unknowns and equations. */
interface Group {
  unknowns: Unknown[];
  index: Map<string, number>;
  equations: Equation[];
}

type Long = { geo: string; code: string; value: string; status: string }[];

function readLong(path: string): Long {
  const rows = parse(readFileSync(path, 'utf8'), { columns: false, skip_empty_lines: true }) as string[][];
  return rows.slice(1).map(([geo, code, value, status]) => ({ geo, code, value, status }));
}

/**
 * A published figure, or a mark the notes define: `-` (no service) and `nd` (no usable return) add
 * nothing to the totals, which are sums over respondents.
 */
function publishedValue(value: string): number {
  if (value === '-' || value === 'nd') return 0;
  const n = Number(value);
  if (!Number.isFinite(n)) throw new Error(`published-only attacker: unexpected value « ${value} » in an additive table`);
  return n;
}

/** A status that tells a reader the cell is primary: any value other than the published and plain secret ones. */
const PRIMARY_MARKS = new Set(['u']);

let solver: Promise<Highs> | undefined;
function highs(): Promise<Highs> {
  const load = (typeof loadHighs === 'function' ? loadHighs : (loadHighs as unknown as { default: () => Promise<Highs> }).default) as () => Promise<Highs>;
  solver ??= load();
  return solver;
}

/** Σ coef × unknown = rhs */
interface Equation {
  terms: Map<number, number>;
  rhs: number;
}

type Model = ReturnType<Highs['createModel']>;

/** A model of `n` unknowns held by `equations`, within [lower, upper] each; the caller disposes of it. */
function equalityModel(h: Highs, n: number, equations: readonly Equation[], lower: Float64Array, upper: Float64Array): Model {
  const starts = [0];
  for (const r of equations) starts.push(starts[starts.length - 1] + r.terms.size);
  const m = h.createModel({
    numCols: n,
    numRows: equations.length,
    colCost: new Float64Array(n),
    colLower: lower,
    colUpper: upper,
    rowLower: Float64Array.from(equations, (r) => r.rhs),
    rowUpper: Float64Array.from(equations, (r) => r.rhs),
    matrix: {
      format: 'csr',
      numRows: equations.length,
      numCols: n,
      starts: Int32Array.from(starts),
      indices: Int32Array.from(equations.flatMap((r) => [...r.terms.keys()])),
      values: Float64Array.from(equations.flatMap((r) => [...r.terms.values()])),
    },
  });
  m.options.set({ output_flag: false });
  return m;
}

/** The attacker's bound on unknown `j` of a model of `n` unknowns (±Infinity when unbounded). */
function bound(h: Highs, m: Model, n: number, j: number, maximize: boolean): number | 'infeasible' {
  const cost = new Float64Array(n);
  cost[j] = 1;
  m.changeColsCost({ kind: 'range', from: 0, to: n - 1 }, cost);
  m.changeObjectiveSense(maximize ? h.constants.objectiveSense.maximize : h.constants.objectiveSense.minimize);
  m.run();
  const status = m.getModelStatus();
  const { optimal, unbounded, unboundedOrInfeasible, infeasible } = h.constants.modelStatus;
  if (status === unbounded || status === unboundedOrInfeasible) return maximize ? Infinity : -Infinity;
  if (status === infeasible) return 'infeasible';
  if (status !== optimal) throw new Error(`published-only attacker: HiGHS status ${status}`);
  return m.getObjectiveValue();
}

function buildGroups(dir: string, knowledge: PublicKnowledge): Group[] {
  const groups = new Map<string, Group>();
  for (const t of knowledge.tables) {
    if (t.kind === 'derived') continue;
    const path = join(dir, `${t.id}.long.csv`);
    if (!existsSync(path)) continue;
    const rows = readLong(path);
    const additive = (code: string) => t.dimension.codes.find((c) => c.code === code)?.aggregate !== 'median';
    const rulesOf = (code: string): RuleSet => knowledge.ruleSets[t.ruleSet ?? t.dimension.codes.find((c) => c.code === code)?.ruleSet ?? ''] ?? {};
    // linked tables share their total: one unknown for it across the link
    const keyOf = (geo: string, code: string) => (t.link && code === t.dimension.total ? `${t.link}|${geo}|${code}` : `${t.id}|${geo}|${code}`);
    // a measures table is one cube per code: each its own group
    const groupOf = (code: string) => (t.kind === 'measures' ? `${t.id}|${code}` : (t.link ?? t.id));
    const valueOf = new Map<string, string>();
    for (const r of rows) valueOf.set(`${r.geo}|${r.code}`, r.value);
    const group = (code: string) => {
      const name = groupOf(code);
      if (!groups.has(name)) groups.set(name, { unknowns: [], index: new Map(), equations: [] });
      return groups.get(name)!;
    };
    for (const r of rows) {
      if (r.value !== 's' || !additive(r.code)) continue;
      const g = group(r.code);
      const key = keyOf(r.geo, r.code);
      if (g.index.has(key)) continue;
      const rules = rulesOf(r.code);
      g.index.set(key, g.unknowns.length);
      g.unknowns.push({
        table: t.id,
        geo: r.geo,
        code: r.code,
        integer: rules.minValue !== undefined || t.dimension.codes.find((c) => c.code === r.code)?.aggregate === 'count',
        primaryMark: PRIMARY_MARKS.has(r.status),
        ...(rules.minValue !== undefined ? { minValue: rules.minValue } : {}),
        protectionPercent: rules.protectionPercent ?? 0,
      });
    }
    // each equation: Σ parts − whole = 0, published terms moved to the right-hand side
    const equation = (code: string, parts: readonly [string, string][], whole: [string, string]) => {
      const g = group(code);
      const terms = new Map<number, number>();
      let rhs = 0;
      const add = ([geo, c]: [string, string], coef: number) => {
        const value = valueOf.get(`${geo}|${c}`);
        if (value === undefined) return; // not in the table: nothing there
        if (value === 's') {
          const j = g.index.get(keyOf(geo, c))!;
          terms.set(j, (terms.get(j) ?? 0) + coef);
        } else rhs -= coef * publishedValue(value);
      };
      parts.forEach((p) => add(p, 1));
      add(whole, -1);
      if (terms.size > 0) g.equations.push({ terms, rhs });
    };
    const geos = [...new Set(rows.map((r) => r.geo))];
    const codes = [...new Set(rows.map((r) => r.code))].filter(additive);
    const total = t.dimension.total;
    if (total !== undefined) {
      for (const geo of geos) equation(total, codes.filter((c) => c !== total).map((c) => [geo, c]), [geo, total]);
    }
    for (const hierarchy of knowledge.hierarchies) {
      const children = new Map<string, string[]>();
      // a territory adds up into its nearest published ancestor (zone = Σ its regions = Σ its courts,
      // France = Σ zones; France = Σ regions if the zones were not published)
      const shown = new Set(geos);
      for (const geo of geos) {
        let parent = hierarchy.get(geo);
        while (parent !== undefined && !shown.has(parent)) parent = hierarchy.get(parent);
        if (parent !== undefined) children.set(parent, [...(children.get(parent) ?? []), geo]);
      }
      for (const code of codes) for (const [parent, list] of children) equation(code, list.map((geo) => [geo, code]), [parent, code]);
    }
  }
  return [...groups.values()].filter((g) => g.unknowns.length > 0);
}

/** The truth of every withheld cell, from the audit trail (the test's knowledge, never the attacker's). */
function readTruth(auditDir: string): Map<string, { value: number; primary: boolean }> {
  const truth = new Map<string, { value: number; primary: boolean }>();
  const walk = (dir: string, table: string, code?: string) => {
    for (const name of readdirSync(dir, { withFileTypes: true })) {
      if (name.isDirectory()) walk(join(dir, name.name), table, name.name);
      else if (name.name === 'cells.csv') {
        const rows = parse(readFileSync(join(dir, name.name), 'utf8'), { columns: true }) as Record<string, string>[];
        for (const r of rows) {
          const cellCode = code ?? Object.entries(r).find(([k]) => !['geo', 'value', 'contributors', 'status'].includes(k))![1];
          truth.set(`${table}|${r.geo}|${cellCode}`, { value: Number(r.value), primary: r.status === 'u' });
        }
      }
    }
  };
  for (const entry of readdirSync(auditDir, { withFileTypes: true })) if (entry.isDirectory()) walk(join(auditDir, entry.name), entry.name);
  return truth;
}

/**
 * Attacks one year of a run: `out` is the `data-out` folder. Returns every secret cell recovered
 * exactly and every primary cell whose interval is narrower than its protection interval.
 */
export async function attackYear(out: string, year: string, knowledge: PublicKnowledge): Promise<{ verdicts: Verdict[]; secretCells: number; floorsHold: boolean }> {
  const h = await highs();
  const groups = buildGroups(join(out, year, 'tables'), knowledge);
  const truth = readTruth(join(out, year, 'audit'));
  const verdicts: Verdict[] = [];
  let secretCells = 0;
  let floorsHold = true;
  for (const g of groups) {
    secretCells += g.unknowns.length;
    const n = g.unknowns.length;
    const model = (floors: boolean) =>
      equalityModel(
        h,
        n,
        g.equations,
        Float64Array.from(g.unknowns, (u) => ((floors || u.primaryMark) && u.integer ? 1 : 0)),
        Float64Array.from(g.unknowns, (u) => (u.primaryMark && u.minValue !== undefined ? u.minValue - 1 : h.infinity)),
      );
    // exact recovery: with everything the reader knows (secret cells are never zero: a count is then
    // at least 1; an amount or a number of FTE is only above 0, as weak as a lower bound of 0 in an LP)
    let exact = model(true);
    try {
      if (n > 0 && bound(h, exact, n, 0, true) === 'infeasible') {
        // the published claim "a secret cell is never zero" is false here: the reader learns it is wrong
        floorsHold = false;
        exact.dispose();
        exact = model(false);
      }
      g.unknowns.forEach((u, j) => {
        const lo = bound(h, exact, n, j, false);
        const hi = bound(h, exact, n, j, true);
        if (lo === 'infeasible' || hi === 'infeasible') throw new Error('published-only attacker: the published tables contradict each other');
        const one = u.integer ? Math.ceil(lo - 1e-6) >= Math.floor(hi + 1e-6) : hi - lo <= 1e-6 * Math.max(1, Math.abs(hi));
        const t = truth.get(`${u.table}|${u.geo}|${u.code}`) ?? truth.get(`${knowledgeLink(knowledge, u.table)}|${u.geo}|${u.code}`);
        if (one) verdicts.push({ year, table: u.table, geo: u.geo, code: u.code, value: t?.value ?? NaN, lo, hi, why: 'exact' });
      });
    } finally {
      exact.dispose();
    }
    // protection intervals of primary cells: requirement A's reader (secret cells ≥ 0)
    const wide = model(false);
    try {
      g.unknowns.forEach((u, j) => {
        const t = truth.get(`${u.table}|${u.geo}|${u.code}`) ?? truth.get(`${knowledgeLink(knowledge, u.table)}|${u.geo}|${u.code}`);
        if (!t?.primary) return;
        const lo = bound(h, wide, n, j, false) as number;
        const hi = bound(h, wide, n, j, true) as number;
        const p = Math.max(1, (u.protectionPercent / 100) * t.value);
        if (lo > Math.max(0, t.value - p) + 1e-6 || hi < t.value + p - 1e-6) verdicts.push({ year, table: u.table, geo: u.geo, code: u.code, value: t.value, lo, hi, why: 'interval' });
      });
    } finally {
      wide.dispose();
    }
  }
  return { verdicts, secretCells, floorsHold };
}

/** Linked tables keep one audit folder per link: the truth of a table's cell may sit under its link. */
function knowledgeLink(knowledge: PublicKnowledge, table: string): string {
  return knowledge.tables.find((t) => t.id === table)?.link ?? table;
}

/**
 * The follow-up tables (`tables/suivi-<scheme>.long.csv`, issue 23) as the same reader sees them: for
 * each scheme, cohort, horizon and count outcome, the secret cells are unknowns; the equations are
 * the geographic margins of the public geography (department → region or court of appeal →
 * France métropolitaine / DROM → France) for every group, and the group margins (`ensemble` = Σ frames or origins =
 * Σ results or ends) for every territory. Counts of children are whole numbers, secret ones ≥ 1.
 * Rates (`taux_*`) add nothing: each is published only with its numerator and denominator (tested
 * apart). The truth (which cell is primary) comes from `audit/suivi/cells-<scheme>.csv`.
 */
export async function attackFollowUp(out: string, year: string, knowledge: PublicKnowledge, protectionPercent: number): Promise<{ verdicts: Verdict[]; secretCells: number }> {
  const h = await highs();
  const verdicts: Verdict[] = [];
  let secretCells = 0;
  const hierarchies = knowledge.hierarchies;
  for (const scheme of ['mediation', 'rencontre']) {
    const path = join(out, year, 'tables', `suivi-${scheme}.long.csv`);
    if (!existsSync(path)) continue;
    const rows = (parse(readFileSync(path, 'utf8'), { columns: true }) as Record<string, string>[]).filter((r) => !r.outcome.startsWith('taux_'));
    const truthRows = parse(readFileSync(join(out, year, 'audit', 'suivi', `cells-${scheme}.csv`), 'utf8'), { columns: true }) as Record<string, string>[];
    const truth = new Map(truthRows.map((r) => [[r.cohort, r.horizon, r.outcome, r.geo, r.group].join('|'), r]));
    const cubes = new Map<string, Record<string, string>[]>();
    for (const r of rows) {
      const k = [r.cohort, r.horizon, r.outcome].join('|');
      cubes.set(k, [...(cubes.get(k) ?? []), r]);
    }
    for (const [cube, cells] of cubes) {
      const value = new Map(cells.map((c) => [`${c.geo}|${c.group}`, c.value]));
      const unknowns = cells.filter((c) => c.value === 's').map((c) => `${c.geo}|${c.group}`);
      if (unknowns.length === 0) continue;
      secretCells += unknowns.length;
      const index = new Map(unknowns.map((u, i) => [u, i]));
      const equations: Equation[] = [];
      // parent − Σ children = 0, over the cells present (an absent cell is a published zero)
      const equation = (parent: string, children: string[]) => {
        const terms = new Map<number, number>();
        let rhs = 0;
        const put = (cell: string, coef: number) => {
          const v = value.get(cell);
          if (v === 's') terms.set(index.get(cell)!, (terms.get(index.get(cell)!) ?? 0) + coef);
          else rhs -= coef * Number(v ?? 0);
        };
        put(parent, 1);
        children.forEach((c) => put(c, -1));
        if (terms.size > 0) equations.push({ terms, rhs });
      };
      const geos = [...new Set(cells.map((c) => c.geo))];
      const groups = [...new Set(cells.map((c) => c.group))];
      for (const tree of hierarchies) {
        const kids = new Map<string, string[]>();
        for (const [child, parent] of tree) kids.set(parent, [...(kids.get(parent) ?? []), child]);
        for (const grp of groups) for (const [parent, list] of kids) equation(`${parent}|${grp}`, list.map((g) => `${g}|${grp}`));
      }
      // the group margins: which code is a frame (origin) and which a result (end) is public (the dictionaries)
      const firstLevel = new Set(['conventionnelle', 'judiciaire', 'jaf', 'juge_enfants', 'spontanee']);
      for (const geo of geos) {
        equation(`${geo}|ensemble`, groups.filter((g) => firstLevel.has(g)).map((g) => `${geo}|${g}`));
        equation(`${geo}|ensemble`, groups.filter((g) => g !== 'ensemble' && !firstLevel.has(g)).map((g) => `${geo}|${g}`));
      }
      const n = unknowns.length;
      const model = (floor: number) => equalityModel(h, n, equations, new Float64Array(n).fill(floor), new Float64Array(n).fill(h.infinity));
      const known = (x: number | 'infeasible') => {
        if (x === 'infeasible') throw new Error('published-only attacker (suivi): the published tables contradict each other');
        return x;
      };
      for (const [floor, why] of [[1, 'exact'], [0, 'interval']] as const) {
        const m = model(floor);
        try {
          unknowns.forEach((u, j) => {
            const [geo, group] = u.split('|');
            const t = truth.get(`${cube}|${geo}|${group}`);
            if (why === 'interval' && t?.status !== 'u') return;
            const lo = known(bound(h, m, n, j, false));
            const hi = known(bound(h, m, n, j, true));
            const v = Number(t?.value ?? NaN);
            const p = Math.max(1, (protectionPercent / 100) * v);
            const broken = why === 'exact' ? Math.ceil(lo - 1e-6) >= Math.floor(hi + 1e-6) : lo > Math.max(0, v - p) + 1e-6 || hi < v + p - 1e-6;
            if (broken) verdicts.push({ year, table: `suivi-${scheme} ${cube}`, geo, code: group, value: v, lo, hi, why });
          });
        } finally {
          m.dispose();
        }
      }
    }
  }
  return { verdicts, secretCells };
}

/**
 * The impact estimates (`tables/impact-mediation.long.csv`, issue 24) as a reader sees them. A
 * published territory gives, per cohort and outcome: the matched sizes (`treated`, `compared` of the
 * `matched` row), the arms' sizes (`naive` row) and the common support; the naive effect and its
 * E-value give back the two arms' rates, hence the counts of children with the outcome in each arm
 * (the integers consistent with both rounded figures); the matched effect and its E-value give back
 * the matched treated children's rate, hence their count with the outcome. The reader then takes
 * differences: within a territory (unmatched children, children without the outcome, unmatched with
 * the outcome…) and between territories (France minus the published regions, France métropolitaine
 * or DROM minus their published regions). Every count it learns exactly must be 0 or at least
 * `minCount`: a count of 1 to `minCount − 1` children is a disclosure.
 */
export function attackImpact(out: string, year: string, regionOf: ReadonlyMap<string, string>, minCount: number): { learned: number; verdicts: string[] } {
  const path = join(out, year, 'tables', 'impact-mediation.long.csv');
  if (!existsSync(path)) return { learned: 0, verdicts: [] };
  const rows = parse(readFileSync(path, 'utf8'), { columns: true }) as Record<string, string>[];
  const evalue = (pt: number, pc: number): number | null => {
    if (!(pt > 0) || !(pc > 0)) return null;
    const rr = pt / pc < 1 ? pc / pt : pt / pc;
    return rr + Math.sqrt(rr * (rr - 1));
  };
  const close = (a: number | null, text: string, step: number): boolean => (text === '' ? a === null : a !== null && Math.abs(a - Number(text)) <= step / 2 + 1e-9);
  /** the integers t ≤ n (and c ≤ m for the naive row) consistent with the published effect and E-value */
  const naiveCounts = (n: number, m: number, effect: string, e: string): [number, number][] => {
    const out: [number, number][] = [];
    for (let t = 0; t <= n; t++) {
      const centre = (t / n - Number(effect) / 100) * m;
      for (let c = Math.max(0, Math.floor(centre) - 1); c <= Math.min(m, Math.ceil(centre) + 1); c++) {
        if (close(100 * (t / n - c / m), effect, 0.01) && close(evalue(t / n, c / m), e, 0.01)) out.push([t, c]);
      }
    }
    return out;
  };
  const matchedCount = (n: number, effect: string, e: string): number[] => {
    const out: number[] = [];
    for (let t = 0; t <= n; t++) {
      const ok = [-0.005, 0, 0.005].some((d) => close(evalue(t / n, t / n - (Number(effect) + d) / 100), e, 0.01));
      if (ok) out.push(t);
    }
    return out;
  };
  // known[cohort|outcome|geo|count] = value
  const known = new Map<string, number>();
  const byKey = new Map<string, Record<string, Record<string, string>>>();
  for (const r of rows) {
    if (r.status !== 'published') continue;
    const k = `${r.cohort}|${r.outcome}|${r.geo}`;
    byKey.set(k, { ...(byKey.get(k) ?? {}), [r.method]: r });
  }
  for (const [k, { matched, naive }] of byKey) {
    const put = (name: string, v: number) => known.set(`${k}|${name}`, v);
    if (matched?.treated) put('Tm', Number(matched.treated));
    if (matched?.compared) put('Cm', Number(matched.compared));
    if (naive?.treated) put('T', Number(naive.treated));
    if (naive?.compared) put('C', Number(naive.compared));
    if (naive?.treated && naive.compared && naive.effect !== '') {
      const found = naiveCounts(Number(naive.treated), Number(naive.compared), naive.effect, naive.e_value);
      if (found.length === 1) {
        put('T1', found[0][0]);
        put('C1', found[0][1]);
      }
    }
    if (matched?.treated && matched.effect !== '' && matched.e_value !== '') {
      const found = matchedCount(Number(matched.treated), matched.effect, matched.e_value);
      if (found.length === 1) put('Tm1', found[0]);
    }
  }
  // within a territory
  const derived: [string, string, string][] = [['T', 'Tm', 'Tu'], ['C', 'Cm', 'Cu'], ['T', 'T1', 'T0'], ['C', 'C1', 'C0'], ['Tm', 'Tm1', 'Tm0'], ['T1', 'Tm1', 'Tu1'], ['T0', 'Tm0', 'Tu0']];
  const cells = ['T', 'C', 'Tm', 'Cm', 'T1', 'C1', 'Tm1', 'Tu', 'Cu', 'T0', 'C0', 'Tm0', 'Tu1', 'Tu0'];
  const learn = (k: string) => {
    for (const [a, b, d] of derived) {
      const x = known.get(`${k}|${a}`);
      const y = known.get(`${k}|${b}`);
      if (x !== undefined && y !== undefined) known.set(`${k}|${d}`, x - y);
    }
  };
  for (const k of byKey.keys()) learn(k);
  // between territories: a parent minus its published children, when every other child is unpublished (one remainder)
  const verdicts: string[] = [];
  const keys = [...new Set([...byKey.keys()].map((k) => k.split('|').slice(0, 2).join('|')))];
  for (const co of keys) {
    const geos = [...byKey.keys()].filter((k) => k.startsWith(`${co}|`)).map((k) => k.split('|')[2]);
    const regions = geos.filter((g) => g.startsWith('R'));
    const halves = geos.includes('FRM') && geos.includes('DROM');
    const remainders: [string, string[]][] = halves
      ? [['FRM', regions.filter((r) => regionOf.get(r) !== 'DROM')], ['DROM', regions.filter((r) => regionOf.get(r) === 'DROM')]]
      : [['FR', regions]];
    if (halves) remainders.push(['FR', ['FRM', 'DROM']]);
    for (const [parent, children] of remainders) {
      if (!geos.includes(parent)) continue;
      for (const cell of cells) {
        const p = known.get(`${co}|${parent}|${cell}`);
        const parts = children.map((c) => known.get(`${co}|${c}|${cell}`));
        if (p === undefined || parts.some((x) => x === undefined)) continue;
        const rest = p - parts.reduce((s, x) => s! + x!, 0)!;
        if (rest > 0 && rest < minCount) verdicts.push(`${co} ${parent} moins ${children.join('+') || '∅'} : ${cell} = ${rest}`);
      }
    }
  }
  for (const [k, v] of known) if (v > 0 && v < minCount) verdicts.push(`${k} = ${v}`);
  return { learned: known.size, verdicts };
}
