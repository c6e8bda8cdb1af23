/**
 * CONTRIB.csv of `mfer protect` / `mfer audit` (pure: text in, contributions out, and back): one row
 * per contributor and leaf cell, with the dimension columns, the contributor column and, when the
 * spec names one, the value column (otherwise each row counts 1).
 *
 * @example
 *   const spec = parseSpec('{"dimensions":[{"name":"g","total":"T","hierarchies":{"h":{"a":"T"}}}],"contributor":"s","rules":{}}');
 *   parseContributions('g,s\na,S1\n', spec).contributions; // [{ codes: ['a'], contributor: 'S1', value: 1 }]
 *   formatContributions(spec, [{ codes: ['a'], contributor: 'S1', value: 1 }]); // 'g,s\na,S1\n'
 */
import { indexDimension } from '../protect/dimension.ts';
import * as msg from '../protect/messages.ts';
import type { Contribution, ProtectSpec } from '../protect/types.ts';
import { column, number, quote, readCsv } from './contract-csv.ts';

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

/** Contributions → CONTRIB.csv text (header: dimension names, contributor, and the value column when the spec names one). */
export function formatContributions(spec: ProtectSpec, contributions: readonly Contribution[]): string {
  const value = spec.value;
  const lines = [[...spec.dimensions.map((d) => d.name), spec.contributor, ...(value !== undefined ? [value] : [])].map(quote).join(',')];
  for (const c of contributions) lines.push([...c.codes, c.contributor, ...(value !== undefined ? [String(c.value)] : [])].map(quote).join(','));
  return `${lines.join('\n')}\n`;
}
