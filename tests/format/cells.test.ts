import { formatCells, formatCellsWithColumns, parseCells } from '../../src/format/cells.ts';
import { parseContributions } from '../../src/format/contrib.ts';
import { protect } from '../../src/protect/index.ts';
import * as msg from '../../src/protect/messages.ts';
import { parseSpec } from '../../src/format/spec.ts';
import { issueSpecText as specText } from './fixtures.ts';

describe('CELLS.csv', () => {
  const spec = parseSpec(specText);

  it('names the file, row and column of a bad status', () => {
    expect(() => parseCells('geo,origine,value,contributors,status\nFR,ENS,3,1,p\n', spec)).toThrow(msg.csvBadStatus('CELLS.csv', 2, 'p'));
  });

  it('writes and reads back the cells of a protected table', async () => {
    const { contributions } = parseContributions('geo,origine,structure,enfants\n01,JAF,S1,40\n01,JAF,S2,30\n01,JAF,S3,35\n01,JE,S4,2\n', spec);
    const table = await protect(spec, contributions);
    const text = formatCells(table, spec);
    expect(text.split('\n')[0]).toBe('geo,origine,value,contributors,status');
    expect(parseCells(text, spec)).toEqual(table.cells.map((c) => ({ ...c, codes: [...c.codes] })));
  });

  it('appends columns after the cells (the evidence of the audit trail), quoted as needed, and still reads back as CELLS.csv', () => {
    const cells = [
      { codes: ['01', 'JAF'], value: 105, contributors: 3, status: 's' as const },
      { codes: ['01', 'JE'], value: 2, contributors: 1, status: 'u' as const },
    ];
    const extra = { columns: ['rules', 'note'], fields: (c: { value: number }) => (c.value < 5 ? ['minValue', 'petit, secret'] : ['', '']) };
    const text = formatCellsWithColumns(cells, spec, extra);
    expect(text).toBe('geo,origine,value,contributors,status,rules,note\n01,JAF,105,3,s,,\n01,JE,2,1,u,minValue,"petit, secret"\n');
    expect(parseCells(text, spec)).toEqual(cells);
  });
});
