/**
 * Bar charts of published values only. The chart's data is built from `s` cells alone: a suppressed
 * bar is absent (not zero) and named in the note under the chart, so neither the SVG nor the page can
 * carry a suppressed value. The catalogue's `display.chart` picks what to draw; a table that says
 * nothing gets the generic chart (its parts for the chosen territory), so a table added to the
 * catalogue still appears.
 *
 * @example
 *   const chart = await barChart({ id: 'c-1', title: 'Issue', decimals: 0, bars: [{ label: 'Accord écrit', shown }] });
 */
import type { TopLevelSpec } from 'vega-lite';
import { round } from '../format/round.ts';
import { escapeHtml, formatNumber } from './format.ts';
import { renderMessages as m } from './messages.ts';
import { vegaLiteToSvg } from './svg.ts';
import { partCodes, type Shown, type TableView } from './view.ts';

export interface Bar {
  label: string;
  shown: Shown;
  /** when it differs from the chart's */
  decimals?: number;
}

export interface BarChartInput {
  id: string;
  title: string;
  decimals: number;
  bars: readonly Bar[];
  /** axis title (the unit) */
  unit?: string;
  /** Champ and Source lines printed under the chart */
  notes?: { champ: string; source: string };
}

export const FONT = 'DejaVu Sans, Liberation Sans, Arial, sans-serif';
/** Colour-blind safe blue (Okabe–Ito / viridis end) */
const BAR_COLOUR = '#1f5f8b';

/** What to chart for a table (`display.chart`): the codes it names, none, or by default every part (total excluded). */
export function chartCodes(view: TableView): string[] {
  const chart = view.table.display?.chart;
  if (chart === 'none') return [];
  return chart ? chart.filter((c) => view.codes.includes(c)) : partCodes(view);
}

export async function barChart(input: BarChartInput): Promise<string> {
  const published = input.bars.filter((b) => b.shown.kind === 'value');
  const hidden = input.bars.filter((b) => b.shown.kind === 'secret').map((b) => b.label);
  const values = published.map((b) => ({
    libelle: wrapLabel(b.label).join('\n'),
    // the bar of the figure shown: a change of 0,04 point printed « 0,0 » draws no bar
    valeur: b.shown.kind === 'value' ? round(b.shown.value, b.decimals ?? input.decimals) : 0,
    texte: b.shown.kind === 'value' ? formatNumber(b.shown.value, b.decimals ?? input.decimals) : '',
  }));
  const alt = m.chartAlt(input.title, values.map((v, i) => `${published[i].label} : ${v.texte}`));
  const notes: string[] = [];
  if (hidden.length > 0) notes.push(m.chartSuppressed(hidden));
  // a territory shown by a mark (-, nd, ///, ns) has no bar either: said, so no reader looks for it
  const marks = [...new Set(input.bars.flatMap((b) => (b.shown.kind === 'missing' ? [b.shown.mark] : [])))];
  for (const mark of marks) notes.push(m.chartMarked(mark, input.bars.filter((b) => b.shown.kind === 'missing' && b.shown.mark === mark).map((b) => b.label)));
  let svg = '';
  if (values.length === 0) notes.push(m.chartEmpty());
  else svg = await vegaLiteToSvg(barSpec(values, input), input.id);
  const note = notes.map((n) => `<p class="chart-note">${escapeHtml(n)}</p>`).join('');
  const body = svg ? `<div class="chart-svg" role="img" aria-label="${escapeHtml(alt)}">${svg}</div>` : '';
  // the title above its own chart, the notes under it: a caption is never read as the next chart's
  const unit = input.unit ? `<span class="chart-unit">${escapeHtml(input.unit)}</span>` : '';
  const sources = input.notes ? `<p class="chart-source"><b>${escapeHtml(m.champ)} :</b> ${escapeHtml(input.notes.champ)}</p><p class="chart-source"><b>${escapeHtml(m.source)} :</b> ${escapeHtml(input.notes.source)}</p>` : '';
  return `<figure class="chart" id="${escapeHtml(input.id)}"><figcaption><span class="chart-title">${escapeHtml(input.title)}</span>${unit}</figcaption>${body}${note}${sources}</figure>`;
}

/**
 * Longest line of a bar's label, in characters. Without a canvas, vega estimates a label's width
 * at 0.8 × the font size per character and cuts what exceeds the axis's `labelLimit` (420 px: 47
 * characters at 11 px) with an ellipsis; a longer label is wrapped at spaces instead.
 */
export const LABEL_LINE = 46;

/** A label's lines: words kept whole (a word longer than a line gets a line of its own). */
export function wrapLabel(label: string, width = LABEL_LINE): string[] {
  const lines: string[] = [];
  for (const word of label.split(' ').filter(Boolean)) {
    const last = lines.length - 1;
    if (last >= 0 && lines[last].length + 1 + word.length <= width) lines[last] += ` ${word}`;
    else lines.push(word);
  }
  return lines.length > 0 ? lines : [label];
}

/** Height of a bar's band: one line of label, and 13 px more for each extra line of the longest. */
const STEP = 22;
const LINE = 13;

function barSpec(values: { libelle: string; valeur: number; texte: string }[], input: BarChartInput): TopLevelSpec {
  // the category is the wrapped label, its lines joined by a newline that the axis splits again;
  // a label of n lines is raised by half of its n − 1 extra lines, to stay centred on its bar
  const lines = Math.max(...values.map((v) => v.libelle.split('\n').length));
  const raise = Array.from({ length: lines - 1 }, (_, k) => lines - k).map((n) => ({ test: `length(split(datum.value, '\\n')) == ${n}`, value: (-LINE * (n - 1)) / 2 }));
  const axis = { labelLimit: 420, labelExpr: "split(datum.label, '\\n')", ...(raise.length > 0 ? { labelOffset: { condition: raise, value: 0 } } : {}) };
  const y = { field: 'libelle', type: 'nominal' as const, sort: null, title: null, axis };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: 360,
    height: { step: STEP + LINE * (lines - 1) },
    background: 'white',
    config: { aria: false, font: FONT, view: { stroke: null }, axis: { labelFontSize: 11, titleFontSize: 11 } },
    data: { values },
    layer: [
      {
        mark: { type: 'bar', color: BAR_COLOUR },
        encoding: { y, x: { field: 'valeur', type: 'quantitative', title: input.unit ?? null, axis: { format: ',~r', tickCount: 4 } } },
      },
      {
        // the figure after the end of a bar, or, for a negative bar, after zero: never on the dark bar
        transform: [{ calculate: 'max(datum.valeur, 0)', as: 'fin' }],
        mark: { type: 'text', align: 'left', dx: 3, fontSize: 11, color: '#222' },
        encoding: { y, x: { field: 'fin', type: 'quantitative' }, text: { field: 'texte' } },
      },
    ],
  };
}
