/**
 * No rendered output shows a suppressed value: every suppressed cell (this year and the previous
 * one) holds the true value SENTINEL, and the number must appear nowhere in what the render stage
 * writes for the whole geography — HTML text, inline SVG, map titles, any XML part of any workbook
 * — in any spelling (plain, French thousands separators, decimal forms). The cells' places are
 * checked in tests/render/leak.test.ts.
 */
import type { OutputFile } from '../../src/model/output.ts';
import { render } from '../../src/render/index.ts';
import { fixturePublication, fullGeography, SENTINEL } from '../render/fixtures.ts';
import { unzipText } from '../render/unzip.ts';

const geography = fullGeography();

function texts(files: readonly OutputFile[]): { where: string; text: string }[] {
  return files.flatMap((f) =>
    typeof f.content === 'string' ? [{ where: f.path, text: f.content }] : [...unzipText(f.content)].map(([part, text]) => ({ where: `${f.path}:${part}`, text })),
  );
}

describe('sentinel', () => {
  it('appears in no output, in any spelling', async () => {
    const publication = fixturePublication(geography, { sentinel: true });
    const suppressed = publication.tables.flatMap((t) => t.table.cells.filter((c) => c.status !== 's'));
    expect(suppressed.length).toBeGreaterThan(100);
    expect(suppressed.every((c) => c.value === SENTINEL)).toBe(true);
    const files = [...(await render(publication, { latest: true, generatedAt: null }))];
    // the real geography: 34 courts of appeal have departments (not Nouméa, not Papeete), 101 departments
    const paths = files.map((f) => f.path);
    expect(paths.filter((p) => p.startsWith('2024/cours-appel/')).length).toBe(34);
    expect(paths.filter((p) => p.startsWith('2024/departements/')).length).toBe(101);
    expect(paths).toEqual(expect.arrayContaining(['2024/index.html', '2024/cours-appel/CA-LYON.html', '2024/departements/2A.xlsx', '2024/departements/976.xlsx']));
    const digits = String(SENTINEL);
    // 987654, 987 654 (any space), 987.654, 987,654 — and as a sum's part is not the concern here
    const pattern = new RegExp(`${digits.slice(0, 3)}[\\s\\u00a0\\u202f.,]?${digits.slice(3)}`);
    const hits = texts(files).filter((t) => pattern.test(t.text)).map((t) => t.where);
    expect(hits).toEqual([]);
  });
});
