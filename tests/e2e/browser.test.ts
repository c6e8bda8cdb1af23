/**
 * The national report, a one-department court's page and a large court's page as a reader opens them:
 * in Debian's headless Chromium, from files on disk, with every non-file request aborted and counted.
 * One browser launch for the file; a screenshot of each in test-artifacts/. The court pages read their
 * own Lecture lines and number their own tables and charts; no page names the tool or an internal path.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext } from 'playwright-core';
import { courtPage } from '../../src/render/court.ts';
import { nationalReport } from '../../src/render/national.ts';
import { fixturePublication, fullGeography } from '../render/fixtures.ts';

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'];
const ARTIFACTS = join(import.meta.dirname, '..', '..', 'test-artifacts');

const pages = [
  { name: 'rapport-national', path: '2024/index.html', court: null, charts: true },
  // one department: no count chart (its table gives it), and in the fixture its median is secret
  { name: 'cour-appel-cayenne', path: '2024/cours-appel/CA-CAYENNE.html', court: 'CA-CAYENNE', charts: false },
  { name: 'cour-appel-paris', path: '2024/cours-appel/CA-PARIS.html', court: 'CA-PARIS', charts: true },
];
/** what a public page never shows: the tool, its commands and files, paths of the machine that made it */
const INTERNAL = /\bmfer\b|npx|data-out|data-raw|spec\.json|contrib\.csv|cells\.csv|\/tmp\/|\/work\/|\bsrc\/|node_modules/i;

let dir: string;
let context: BrowserContext;
const blocked: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mfer-render-'));
  const publication = fixturePublication(fullGeography());
  const files = [
    { path: pages[0].path, content: await nationalReport(publication, { generatedAt: '27/11/2026' }) },
    ...(await Promise.all(pages.slice(1).map(async (p) => ({ path: p.path, content: await courtPage(publication, p.court!, { generatedAt: null }) })))),
  ];
  for (const f of files) {
    const path = join(dir, 'site', f.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, f.content);
  }
  context = await chromium.launchPersistentContext(join(dir, 'profile'), { executablePath: '/usr/bin/chromium', headless: true, args: ARGS });
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file://')) return route.continue();
    blocked.push(url);
    return route.abort();
  });
  mkdirSync(ARTIFACTS, { recursive: true });
});

afterAll(async () => {
  await context?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});


describe.each(pages)('$name in Chromium', ({ name, path, court, charts: drawn }) => {
  it('loads offline without console errors, draws every chart, and shows text', async () => {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(msg.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    const requests: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith('file://')) requests.push(request.url());
    });
    await page.goto(pathToFileURL(join(dir, 'site', path)).href, { waitUntil: 'load' });

    const charts = await page.$$eval('figure.chart', (figures) =>
      figures.map((f) => ({ id: f.id, svg: f.querySelectorAll('svg').length, empty: f.querySelector('.chart-note') !== null, marks: f.querySelectorAll('svg path, svg rect').length })),
    );
    expect(charts.length > 0).toBe(drawn);
    for (const chart of charts) {
      // a chart either has its drawing or says why it has none
      expect(chart.svg === 1 || chart.empty).toBe(true);
      if (chart.svg === 1) expect(chart.marks).toBeGreaterThan(1);
    }
    const tables = await page.$$eval('table', (ts) => ts.map((t) => ({ caption: t.querySelector('caption')?.textContent ?? '', scoped: t.querySelectorAll('th[scope]').length })));
    for (const t of tables) {
      expect(t.caption.length).toBeGreaterThan(0);
      expect(t.scoped).toBeGreaterThan(0);
    }
    // rendered text: the page is not blank of text and the chart labels are laid out with a real font
    // (browser-side code as strings: the project compiles without the DOM library)
    const text = (await page.evaluate('document.body.innerText')) as string;
    expect(text.length).toBeGreaterThan(1000);
    const labelWidth = (await page.evaluate(
      "Math.max(0, ...[...document.querySelectorAll('figure.chart svg text')].map((t) => t.getBBox().width))",
    )) as number;
    if (drawn) expect(labelWidth).toBeGreaterThan(10);

    // the page's own words: no tool, no internal path, in the text or the markup
    const html = (await page.evaluate('document.documentElement.outerHTML')) as string;
    expect(text.match(INTERNAL)).toBeNull();
    expect(html.match(INTERNAL)).toBeNull();
    if (court !== null) {
      const courtName = fixturePublication(fullGeography()).geography.labels[court];
      const lectures = (await page.$$eval('figure.table figcaption p', (ps) => ps.map((p) => p.textContent ?? ''))).filter((l) => l.startsWith('Lecture'));
      expect(lectures.length).toBeGreaterThan(0);
      for (const line of lectures) {
        expect(line).not.toContain('en France');
        expect(line.includes(`dans le ressort de la ${courtName.charAt(0).toLowerCase()}${courtName.slice(1)}`) || line.includes('secret statistique')).toBe(true);
      }
      const numbers = (await page.$$eval('figure.table caption .title', (ts) => ts.map((t) => t.textContent ?? ''))).map((t) => Number(/^Tableau (\d+)/.exec(t)?.[1]));
      expect(numbers).toEqual(numbers.map((_, k) => k + 1));
    }

    const shot = await page.screenshot({ fullPage: false });
    writeFileSync(join(ARTIFACTS, `${name}.png`), shot);
    // decoded by the browser itself: a page with text has a share of dark pixels, a blank one none
    expect(await darkShare(shot)).toBeGreaterThan(0.005);

    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    expect(blocked).toEqual([]);
    await page.close();
  });
});

/** Share of dark pixels (luminance < 100) of a PNG, decoded on a blank page of the same browser. */
async function darkShare(png: Buffer): Promise<number> {
  const page = await context.newPage();
  try {
    const share = await page.evaluate(`(async () => {
      const bytes = Uint8Array.from(atob('${png.toString('base64')}'), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const g = canvas.getContext('2d');
      g.drawImage(bitmap, 0, 0);
      const data = g.getImageData(0, 0, bitmap.width, bitmap.height).data;
      let dark = 0;
      for (let i = 0; i < data.length; i += 4) if (0.299 * data[i] + 0.587 * data[i + 1] + 0.114 * data[i + 2] < 100) dark++;
      return dark / (data.length / 4);
    })()`);
    return share as number;
  } finally {
    await page.close();
  }
}
