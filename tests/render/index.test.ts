import { generatedAt, render, renderYears } from '../../src/render/index.ts';
import { openWorkbookPool } from '../../src/runtime/workbook-pool.ts';
import { fullGeography } from './fixtures.ts';
import { renderMessages as m } from '../../src/render/messages.ts';
import { fixturePublication, smallGeography } from './fixtures.ts';

describe('render', () => {
  it('writes the court pages and workbooks of a year that is not the latest too', async () => {
    const files = await render(fixturePublication(smallGeography, { year: 2023, history: false }), { latest: false, generatedAt: null });
    expect(files.map((f) => `${f.root}/${f.path}`)).toEqual([
      'reports/2023/index.html',
      'reports/2023/cours-appel/CA-BASTIA.html',
      'reports/2023/cours-appel/CA-LYON.html',
      'reports/2023/departements/01.xlsx',
      'reports/2023/departements/69.xlsx',
      'reports/2023/departements/2A.xlsx',
    ]);
  });

  it('writes one court page per court with departments and one workbook per department when latest', async () => {
    const files = await render(fixturePublication(smallGeography), { latest: true, generatedAt: null });
    expect(files.map((f) => f.path)).toEqual([
      '2024/index.html',
      '2024/cours-appel/CA-BASTIA.html',
      '2024/cours-appel/CA-LYON.html',
      '2024/departements/01.xlsx',
      '2024/departements/69.xlsx',
      '2024/departements/2A.xlsx',
    ]);
    expect(files.every((f) => f.root === 'reports')).toBe(true);
  });

  it('gives the same bytes twice and prints a date only when given one', async () => {
    const publication = fixturePublication(smallGeography);
    const a = await render(publication, { latest: true, generatedAt: null });
    const b = await render(publication, { latest: true, generatedAt: null });
    expect(b.map((f) => Buffer.from(f.content).toString('base64'))).toEqual(a.map((f) => Buffer.from(f.content).toString('base64')));
    const html = (f: typeof a) => f.find((x) => x.path.endsWith('index.html'))!.content as string;
    expect(html(a)).not.toContain(m.generatedAt('').slice(0, 8));
    const dated = await render(publication, { latest: false, generatedAt: '27/11/2026' });
    expect(html(dated)).toContain(m.generatedAt('27/11/2026'));
  });

  it('does not modify the publication', async () => {
    const publication = fixturePublication(smallGeography);
    const before = JSON.stringify(publication);
    await render(publication, { latest: true, generatedAt: null });
    expect(JSON.stringify(publication)).toBe(before);
  });

  it('renders a table it has no configuration for', async () => {
    const files = await render(fixturePublication(smallGeography), { latest: false, generatedAt: null });
    expect(files[0].content).toContain('id="t-test-ajout"');
  });
});

describe('renderYears', () => {
  it('writes every year\'s national report, court pages and workbooks', async () => {
    const files = await renderYears(
      [fixturePublication(smallGeography, { year: 2023, history: false }), fixturePublication(smallGeography, { year: 2024 })],
      null,
    );
    const paths = files.map((f) => f.path);
    expect(paths.filter((p) => p.startsWith('2023/')).length).toBe(1 + 2 + 3);
    expect(paths.filter((p) => p.startsWith('2024/')).length).toBe(1 + 2 + 3);
  });

  it('takes the printed date from SOURCE_DATE_EPOCH only', () => {
    expect(generatedAt(undefined)).toBeNull();
    expect(generatedAt(Date.UTC(2026, 10, 27, 12) / 1000)).toBe('2026-11-27');
  });
});

describe('workbooks rendered elsewhere', () => {
  const bytes = (files: { path: string; content: string | Uint8Array }[]) => files.map((f) => `${f.path} ${Buffer.from(f.content).toString('base64')}`);

  it('asks most of them of the renderer and renders the others here, keeping the departments in order', async () => {
    const publication = fixturePublication(fullGeography());
    const asked: string[] = [];
    const marked = await render(publication, {
      latest: true,
      generatedAt: null,
      workbooks: async (_p, codes) => {
        asked.push(...codes);
        return codes.map((c) => new TextEncoder().encode(`elsewhere ${c}`));
      },
    });
    const books = marked.filter((f) => f.path.includes('/departements/'));
    const codes = publication.geography.departments.map((d) => d.code);
    expect(books.map((f) => f.path)).toEqual(codes.map((c) => `${publication.year}/departements/${c}.xlsx`));
    expect(asked).toEqual(codes.slice(0, asked.length));
    expect(asked.length).toBeGreaterThan(codes.length / 2);
    expect(asked.length).toBeLessThan(codes.length);
    books.forEach((f, k) => expect(Buffer.from(f.content).toString().startsWith('elsewhere')).toBe(k < asked.length));
  });

  it('gives, on a worker thread, the bytes rendered in-process', async () => {
    const publication = fixturePublication(smallGeography);
    const pool = openWorkbookPool(1);
    try {
      const pooled = await render(publication, { latest: true, generatedAt: '2026-11-27', workbooks: pool.render });
      expect(bytes(pooled)).toEqual(bytes(await render(publication, { latest: true, generatedAt: '2026-11-27' })));
      expect(bytes(pooled)).not.toEqual(bytes(await render(publication, { latest: true, generatedAt: null })));
    } finally {
      await pool.close();
    }
  });
});

