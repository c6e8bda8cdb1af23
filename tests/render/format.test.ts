import { displayDate, escapeHtml, formatNumber, formatShown } from '../../src/render/format.ts';
import { signs } from '../../src/render/messages.ts';

describe('French formatting', () => {
  it('uses the narrow no-break space between thousands and a decimal comma', () => {
    expect(formatNumber(23807, 0)).toBe('23\u202f807');
    expect(formatNumber(1234.56, 1)).toBe('1\u202f234,6');
    expect(formatNumber(-0, 1)).toBe('0,0');
    // a small change that rounds to zero is 0,0, not « -0,0 » (the -0,04 % of a change table); -0,05 keeps its sign
    expect(formatNumber(-0.04, 1)).toBe('0,0');
    expect(formatNumber(-0.4, 0)).toBe('0');
    expect(formatNumber(-0.05, 1)).toBe('-0,1');
  });

  it('prints the conventional signs for what is not shown', () => {
    expect(formatShown({ kind: 'secret' }, 0)).toBe(signs.secret);
    expect(formatShown({ kind: 'missing', mark: '///' }, 0)).toBe(signs.notApplicable);
    expect(formatShown({ kind: 'value', value: 5 }, 2)).toBe('5,00');
  });

  it('escapes markup in text and attributes', () => {
    expect(escapeHtml(`<a href="x">l'été & co</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;l&#39;été &amp; co&lt;/a&gt;');
  });
});

describe('displayDate', () => {
  it('writes an ISO day in French and leaves other text alone', () => {
    expect(displayDate('2026-11-27')).toBe('27 novembre 2026');
    expect(displayDate('fin novembre')).toBe('fin novembre');
  });
});
