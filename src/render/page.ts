/**
 * The HTML shell shared by the national report and the court pages: French, self-contained (inline
 * CSS, no script, a Content-Security-Policy that forbids any fetch), printable on A4.
 *
 * @example
 *   htmlPage({ title: 'Rapport', body: '<main>…</main>' }); // '<!DOCTYPE html>…'
 */
import { escapeHtml } from './format.ts';

const CSS = `
:root { color-scheme: light; }
body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 14px; line-height: 1.45; color: #1a1a1a; margin: 0 auto; max-width: 60rem; padding: 1rem 1.5rem; }
h1 { font-size: 1.6rem; margin: 0.5rem 0; } h2 { font-size: 1.3rem; border-bottom: 2px solid #1f5f8b; margin-top: 2rem; } h3 { font-size: 1.1rem; }
nav ol { columns: 2; }
.subtitle, .generated, .publisher p { color: #444; }
.publisher p { margin: 0.1rem 0; font-size: 0.85rem; }
.fictitious { border: 2px solid #b35900; background: #fff4e5; padding: 0.4rem 0.6rem; }
figure { margin: 1rem 0 1.5rem; }
.scroll { overflow-x: auto; }
.scroll tbody th, .scroll thead th:first-child { position: sticky; left: 0; background: #fff; }
.scroll thead th:first-child { background: #e8eef3; }
table { border-collapse: collapse; font-size: 0.85rem; }
caption { text-align: left; caption-side: top; padding-bottom: 0.3rem; }
caption .title { display: block; font-weight: bold; }
tr.total th, tr.total td { font-weight: bold; }
caption .unit { display: block; font-style: italic; color: #444; }
th, td { border: 1px solid #bbb; padding: 0.15rem 0.4rem; }
thead th { background: #e8eef3; vertical-align: bottom; }
tbody th { text-align: left; font-weight: normal; }
td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
td.sign { color: #555; }
.notes p, .chart-note, .chart-source, .credit { font-size: 0.8rem; margin: 0.15rem 0; color: #333; }
.chart .chart-unit { display: block; font-style: italic; font-size: 0.8rem; }
.chart svg { max-width: 100%; height: auto; }
.chart .chart-title { display: block; font-weight: bold; font-size: 0.9rem; }
.key { display: grid; grid-template-columns: repeat(auto-fill, minmax(12rem, 1fr)); gap: 0.6rem; padding: 0; list-style: none; }
.key li { border: 1px solid #bbb; border-left: 4px solid #1f5f8b; padding: 0.4rem 0.6rem; }
.key .value { display: block; font-size: 1.3rem; font-weight: bold; }
code { font-size: 0.8rem; word-break: break-all; }
@page { size: A4; margin: 15mm 12mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  nav { display: none; }
  h2 { break-before: page; } h2.first { break-before: auto; }
  figure, tr { break-inside: avoid; }
  .scroll { overflow: visible; }
  .chart svg { max-height: 120mm; }
}
`;

/** Nothing may be fetched: images, styles and scripts are all inline (and there are no scripts). */
const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

export function htmlPage(input: { title: string; body: string }): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="fr">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(input.title)}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    '<body>',
    input.body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
