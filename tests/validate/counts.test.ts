import { describe, expect, it } from '@jest/globals';
import { rowCounts } from '../../src/validate/counts.ts';

const input = (path: string, accepted: number, rejected: number) => ({ path, rows_read: accepted + rejected, rows_accepted: accepted, rows_rejected: rejected });

describe('rowCounts', () => {
  it('sums the rows of every input once', () => {
    expect(rowCounts({ inputs: [input('a.csv', 10, 2), input('b.xlsx', 5, 0), input('c.csv', 0, 3)] })).toEqual({ files: 3, read: 20, accepted: 15, rejected: 5 });
  });

  it('counts nothing for a year without inputs', () => {
    expect(rowCounts({ inputs: [] })).toEqual({ files: 0, read: 0, accepted: 0, rejected: 0 });
  });
});
