/**
 * A hostile return too large for tests/bad-input/hostile.test.ts (through the same harness): an XLSX
 * of 1,048,576 filled rows is refused for its extent, not reported as damaged.
 */
import { RETURN_LIMITS } from '../../src/format/return-limits.ts';
import { returnMessages } from '../../src/format/messages.ts';
import { expectGoodReturnRead, folder, ingest, refusal } from '../bad-input/hostile-ingest.ts';
import { cellXml, handWrittenXlsx } from '../bad-input/xlsx-bytes.ts';

describe('crashes: a file that would exhaust memory is refused before it is read whole', () => {
  it('an XLSX of 1,048,576 filled rows says that it has too many rows, not that it is damaged', async () => {
    const path = `${folder}/un-million.xlsx`;
    const rows = Array.from({ length: 1_048_576 }, (_, i) => cellXml('A', i + 1, i)).join('');
    const { v } = await ingest({ [path]: handWrittenXlsx([rows]) });
    const problem = refusal(v, path);
    expect(problem).not.toBe(returnMessages.badXlsx(path));
    expect(problem).toBe(returnMessages.xlsxRange(path, 1, 'A1048576', 1_048_576, 1, RETURN_LIMITS.maxRows, RETURN_LIMITS.maxColumns));
    expectGoodReturnRead(v);
  }, 60_000);
});
