/**
 * French number formatting (`Intl.NumberFormat('fr-FR')`: U+202F between thousands, decimal comma)
 * and the conventional signs for what is not shown.
 *
 * @example
 *   formatShown({ kind: 'value', value: 23807 }, 0); // "23 807" (narrow no-break space)
 *   formatShown({ kind: 'secret' }, 0); // "s"
 */
import { signs } from './messages.ts';
import type { Shown } from './view.ts';

const formatters = new Map<number, Intl.NumberFormat>();

export function formatNumber(value: number, decimals: number): string {
  let f = formatters.get(decimals);
  if (!f) {
    f = new Intl.NumberFormat('fr-FR', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
    formatters.set(decimals, f);
  }
  const text = f.format(value);
  // « -0,0 » (a change of -0,04 %, or -0) is not a figure a reader should see: a zero has no sign
  return /^[-\u2212][^1-9]*$/.test(text) ? text.slice(1) : text;
}

export function formatShown(shown: Shown, decimals: number): string {
  if (shown.kind === 'secret') return signs.secret;
  if (shown.kind === 'missing') return shown.mark;
  return formatNumber(shown.value, decimals);
}

/** Escapes text for HTML element content and double-quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const LONG_DATE = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "2026-11-27" → "27 novembre 2026"; any other text is printed as given. */
export function displayDate(date: string): string {
  return /^\d{4}-\d{2}-\d{2}/.test(date) && !Number.isNaN(Date.parse(date)) ? LONG_DATE.format(new Date(date)) : date;
}
