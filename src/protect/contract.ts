/**
 * The files of `mfer protect` / `mfer audit` (pure: text in, objects out, and back). Every problem
 * is thrown as one French message naming the file, the row and the column.
 *
 * @example
 *   const spec = parseSpec('{"dimensions":[{"name":"g","total":"T","hierarchies":{"h":{"a":"T"}}}],"contributor":"s","rules":{}}');
 *   parseContributions('g,s\na,S1\n', spec).contributions; // [{ codes: ['a'], contributor: 'S1', value: 1 }]
 */
import { parse } from 'csv-parse/sync';
import { RECORD_DELIMITERS } from '../ingest/parse-csv.ts';
import { indexDimension } from './dimension.ts';
import * as msg from './messages.ts';
import type { ProtectedTable } from './protected-table.ts';
import { RULE_SET_KEYS, ruleSetSchema } from './rule-set.ts';
import type { Cell, CellStatus, Contribution, DimensionSpec, ProtectSpec, RuleSet } from './types.ts';

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/**
 * A key the format does not know is an error, never ignored: a misspelt rule (`minFrequence`) or
 * section (`rule`) would otherwise publish what it should hide. `$comment` is allowed anywhere.
 */
function onlyKeys(raw: Record<string, unknown>, allowed: readonly string[], at: string): void {
  const unknown = Object.keys(raw).find((key) => key !== '$comment' && !allowed.includes(key));
  if (unknown !== undefined) throw new Error(msg.specUnknownKey(at, unknown, allowed));
}

function parseDimension(raw: unknown, at: string): DimensionSpec {
  if (!isObject(raw)) throw new Error(msg.specField(at, 'un objet'));
  onlyKeys(raw, ['name', 'total', 'hierarchies'], at);
  if (typeof raw.name !== 'string' || raw.name === '') throw new Error(msg.specField(`${at}.name`, 'un texte non vide'));
  if (typeof raw.total !== 'string' || raw.total === '') throw new Error(msg.specField(`${at}.total`, 'un texte non vide'));
  if (!isObject(raw.hierarchies) || Object.keys(raw.hierarchies).length === 0) {
    throw new Error(msg.specField(`${at}.hierarchies`, "un objet d'au moins une hiérarchie"));
  }
  const hierarchies: Record<string, Record<string, string>> = {};
  for (const [h, map] of Object.entries(raw.hierarchies)) {
    if (!isObject(map) || Object.values(map).some((p) => typeof p !== 'string')) {
      throw new Error(msg.specField(`${at}.hierarchies.${h}`, 'un objet « enfant » : « parent »'));
    }
    hierarchies[h] = map as Record<string, string>;
  }
  const dim: DimensionSpec = { name: raw.name, total: raw.total, hierarchies };
  checkHierarchies(dim);
  return dim;
}

/**
 * Each hierarchy reaches the total from every code, and all hierarchies have the same leaves. A
 * code other than a leaf may appear in several hierarchies (a department under both regions and
 * courts, above communes) only if it covers the same leaves in each: a code means one set.
 */
function checkHierarchies(dim: DimensionSpec): void {
  const covers = new Map<string, { hierarchy: string; leaves: string }>();
  const leavesOf = new Map<string, Set<string>>();
  for (const [h, map] of Object.entries(dim.hierarchies)) {
    const parents = new Set(Object.values(map));
    const leaves = new Set(Object.keys(map).filter((c) => !parents.has(c)));
    leavesOf.set(h, leaves);
    const below = new Map<string, string[]>();
    for (const code of Object.keys(map)) {
      let x = code;
      for (let steps = 0; x !== dim.total; steps++) {
        if (steps > Object.keys(map).length || map[x] === undefined) throw new Error(msg.specCycle(dim.name, h, code));
        x = map[x];
        if (leaves.has(code)) below.set(x, [...(below.get(x) ?? []), code]);
      }
    }
    for (const [code, list] of below) {
      if (code === dim.total) continue;
      const key = list.sort().join('\u0001');
      const seen = covers.get(code);
      if (seen !== undefined && seen.leaves !== key) throw new Error(msg.specDuplicateCode(dim.name, code));
      covers.set(code, { hierarchy: h, leaves: key });
    }
  }
  const all = [...leavesOf.entries()];
  for (const [, leaves] of all) {
    for (const leaf of leaves) {
      const missing = all.find(([, other]) => !other.has(leaf));
      if (missing) throw new Error(msg.specLeavesDiffer(dim.name, missing[0], leaf));
      if (covers.has(leaf)) throw new Error(msg.specDuplicateCode(dim.name, leaf));
    }
  }
}

/** `rules` of SPEC.json through the one rule-set schema (`rule-set.ts`, shared with protect.json). */
function parseRules(raw: unknown): RuleSet {
  if (raw === undefined) return {};
  const parsed = ruleSetSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const at = ['rules', ...issue.path.map(String)].join('.');
  if (issue.code === 'unrecognized_keys') throw new Error(msg.specUnknownKey(at, issue.keys[0], issue.path.length === 0 ? RULE_SET_KEYS : ['n', 'k']));
  throw new Error(msg.specRule(at, issue.message));
}

/** SPEC.json → ProtectSpec; throws a French message naming the faulty field. */
export function parseSpec(json: string): ProtectSpec {
  let raw: unknown;
  try {
    raw = JSON.parse(json.replace(/^\ufeff/, ''));
  } catch (e) {
    throw new Error(msg.specNotJson((e as Error).message));
  }
  if (!isObject(raw)) throw new Error(msg.specField('(racine)', 'un objet'));
  onlyKeys(raw, ['dimensions', 'contributor', 'value', 'rules', 'consent'], '(racine)');
  if (!Array.isArray(raw.dimensions) || raw.dimensions.length === 0) throw new Error(msg.specField('dimensions', 'une liste non vide'));
  const dimensions = raw.dimensions.map((d, i) => parseDimension(d, `dimensions[${i}]`));
  if (typeof raw.contributor !== 'string' || raw.contributor === '') throw new Error(msg.specField('contributor', 'un nom de colonne'));
  if (raw.value !== undefined && (typeof raw.value !== 'string' || raw.value === '')) throw new Error(msg.specField('value', 'un nom de colonne'));
  // every column of CONTRIB.csv is named once
  const columns = [...dimensions.map((d) => d.name), raw.contributor, ...(raw.value !== undefined ? [raw.value as string] : [])];
  const twice = columns.find((name, i) => columns.indexOf(name) !== i);
  if (twice !== undefined) throw new Error(msg.specColumnTwice(twice));
  // contributors that agreed to the publication of their figures (law of 7 June 1951)
  const consent = raw.consent;
  if (consent !== undefined && !(Array.isArray(consent) && consent.every((c) => typeof c === 'string' && c !== ''))) {
    throw new Error(msg.specField('consent', 'une liste de contributeurs (chaînes non vides)'));
  }
  return {
    dimensions,
    contributor: raw.contributor,
    ...(raw.value !== undefined ? { value: raw.value as string } : {}),
    rules: parseRules(raw.rules),
    ...(consent !== undefined ? { consent: consent as string[] } : {}),
  };
}

/** A data row and its row number (the header is row 1; see `readCsv`). */
interface CsvRow {
  cells: string[];
  line: number;
}

/**
 * The header (trimmed) and the data rows. Blank lines are skipped, and rows keep their numbers as
 * Excel shows them, as for the survey returns (docs/methodology.md): the header is row 1, a blank
 * line is a row, and a quoted cell holding a line break stays in its one row (a text editor shows
 * the later lines shifted). A value beyond the header's last column is an error: a comma too many
 * in a row shifts its cells.
 */
function readCsv(text: string, file: string): { header: string[]; rows: CsvRow[] } {
  let records: string[][];
  try {
    // every line ending given, as for the survey returns: left to itself, csv-parse takes the first
    // one it meets for all, and a later lone CR or LF then stays inside a cell, gluing two rows
    records = parse(text.replace(/^\ufeff/, ''), { relax_column_count: true, record_delimiter: RECORD_DELIMITERS }) as string[][];
  } catch (e) {
    throw new Error(msg.csvUnreadable(file, (e as Error).message));
  }
  const lines = records.map((cells, k) => ({ cells, line: k + 1 })).filter((r) => r.cells.some((c) => c.trim() !== ''));
  const [first, ...rows] = lines;
  const header = (first?.cells ?? []).map((h) => h.trim());
  for (const row of rows) {
    let width = row.cells.length;
    while (width > header.length && row.cells[width - 1].trim() === '') width--;
    if (width > header.length) throw new Error(msg.csvTooManyFields(file, row.line, width, header.length));
  }
  return { header, rows };
}

function column(header: string[], name: string, file: string): number {
  const i = header.indexOf(name);
  if (i < 0) {
    // one column holding separators: the file is not comma-separated
    const other = header.length === 1 ? [';', '\t'].find((sep) => header[0].includes(sep)) : undefined;
    throw new Error(other ? msg.csvNotCommas(file, other) : msg.csvMissingColumn(file, name));
  }
  if (header.indexOf(name, i + 1) >= 0) throw new Error(msg.csvDuplicateColumn(file, name));
  return i;
}

function number(text: string | undefined, file: string, row: number, col: string): number {
  const t = (text ?? '').trim();
  const x = t === '' ? NaN : Number(t);
  if (!Number.isFinite(x) || x < 0) throw new Error(msg.csvBadNumber(file, row, col, text ?? ''));
  return x;
}

/** CONTRIB.csv → contributions (leaf codes in spec order). Row numbers as Excel shows them, the header row 1 (see `readCsv`). */
export function parseContributions(csvText: string, spec: ProtectSpec, file = 'CONTRIB.csv'): { contributions: Contribution[] } {
  const { header, rows } = readCsv(csvText, file);
  const dims = spec.dimensions.map(indexDimension);
  const cols = dims.map((d) => column(header, d.name, file));
  const who = column(header, spec.contributor, file);
  const val = spec.value !== undefined ? column(header, spec.value, file) : -1;
  const contributions = rows.map(({ cells: r, line: row }) => {
    const codes = dims.map((d, j) => {
      const code = (r[cols[j]] ?? '').trim();
      const i = d.index.get(code);
      if (i === undefined || !d.isLeaf[i]) throw new Error(msg.csvUnknownCode(file, row, d.name, code));
      return code;
    });
    const contributor = (r[who] ?? '').trim();
    if (contributor === '') throw new Error(msg.csvEmptyContributor(file, row, spec.contributor));
    return { codes, contributor, value: val < 0 ? 1 : number(r[val], file, row, spec.value!) };
  });
  return { contributions };
}

const STATUSES: readonly string[] = ['s', 'u', 'x'];

/** CELLS.csv → cells (codes at any level of their dimension). */
export function parseCells(csvText: string, spec: ProtectSpec, file = 'CELLS.csv'): Cell[] {
  const { header, rows } = readCsv(csvText, file);
  const dims = spec.dimensions.map(indexDimension);
  const cols = dims.map((d) => column(header, d.name, file));
  const [val, cnt, st] = ['value', 'contributors', 'status'].map((c) => column(header, c, file));
  const seen = new Set<string>();
  return rows.map(({ cells: r, line: row }) => {
    const codes = dims.map((d, j) => {
      const code = (r[cols[j]] ?? '').trim();
      if (!d.index.has(code)) throw new Error(msg.csvCellCode(file, row, d.name, code));
      return code;
    });
    const key = codes.join('\u0001');
    if (seen.has(key)) throw new Error(msg.csvDuplicateCell(file, row));
    seen.add(key);
    const status = (r[st] ?? '').trim();
    if (!STATUSES.includes(status)) throw new Error(msg.csvBadStatus(file, row, status));
    return { codes, value: number(r[val], file, row, 'value'), contributors: number(r[cnt], file, row, 'contributors'), status: status as CellStatus };
  });
}

const quote = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** Contributions → CONTRIB.csv text (header: dimension names, contributor, and the value column when the spec names one). */
export function formatContributions(spec: ProtectSpec, contributions: readonly Contribution[]): string {
  const value = spec.value;
  const lines = [[...spec.dimensions.map((d) => d.name), spec.contributor, ...(value !== undefined ? [value] : [])].map(quote).join(',')];
  for (const c of contributions) lines.push([...c.codes, c.contributor, ...(value !== undefined ? [String(c.value)] : [])].map(quote).join(','));
  return `${lines.join('\n')}\n`;
}

/** Cells → CELLS.csv text (header: dimension names, value, contributors, status). */
export function formatCells(table: ProtectedTable | readonly Cell[], spec: ProtectSpec): string {
  const cells = 'cells' in table ? table.cells : (table as readonly Cell[]);
  const lines = [[...spec.dimensions.map((d) => d.name), 'value', 'contributors', 'status'].map(quote).join(',')];
  for (const c of cells) lines.push([...c.codes.map(quote), String(c.value), String(c.contributors), c.status].join(','));
  return `${lines.join('\n')}\n`;
}
