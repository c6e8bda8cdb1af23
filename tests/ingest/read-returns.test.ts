import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { returnMessages } from '../../src/format/messages.ts';
import { fileMessages as m } from '../../src/ingest/messages.ts';
import { isSystemFile, listYears, readReturns } from '../../src/ingest/read-returns.ts';

describe('readReturns', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'mfer-read-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('lists years oldest first and reads files in name order, noting a missing survey folder', async () => {
    mkdirSync(join(dir, 'returns', '2024', 'mediation'), { recursive: true });
    mkdirSync(join(dir, 'returns', '2023'), { recursive: true });
    mkdirSync(join(dir, 'returns', 'brouillons'), { recursive: true });
    writeFileSync(join(dir, 'returns', '2024', 'mediation', 'b.csv'), 'a;b\n');
    writeFileSync(join(dir, 'returns', '2024', 'mediation', 'a.csv'), 'a;b\n');
    mkdirSync(join(dir, 'returns', '2024', 'mediation', 'sous-dossier'));
    expect(listYears(dir)).toEqual([2023, 2024]);
    const year = await readReturns(dir, 2024);
    expect(year.returns.map((r) => r.path)).toEqual(['returns/2024/mediation/a.csv', 'returns/2024/mediation/b.csv']);
    expect(year.notices).toEqual([m.missingSurveyFolder('returns/2024/rencontre')]);
  });

  it('reads a Windows-1252 file carrying a UTF-8 BOM as Windows-1252, and says so in the year\'s notices', async () => {
    mkdirSync(join(dir, 'returns', '2024', 'mediation'), { recursive: true });
    mkdirSync(join(dir, 'returns', '2024', 'rencontre'), { recursive: true });
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), iconv.encode('Année;Département\r\n2024;Saône-et-Loire\r\n', 'win1252')]);
    writeFileSync(join(dir, 'returns', '2024', 'mediation', 'bom.csv'), bytes);
    const year = await readReturns(dir, 2024);
    const path = 'returns/2024/mediation/bom.csv';
    expect(year.returns[0]).toMatchObject({ path, encoding: 'windows-1252', notice: returnMessages.bomButWindows1252(path), sheets: [{ rows: [['Année', 'Département'], ['2024', 'Saône-et-Loire']] }] });
    expect(year.returns[0].problem).toBeUndefined();
    expect(year.notices).toEqual([returnMessages.bomButWindows1252(path)]);
  });

  it('skips the lock files of open workbooks and the files the system adds, naming each in the notices', async () => {
    const folder = join(dir, 'returns', '2024', 'mediation');
    mkdirSync(folder, { recursive: true });
    mkdirSync(join(dir, 'returns', '2024', 'rencontre'), { recursive: true });
    writeFileSync(join(folder, 'caf-01.csv'), 'a;b\n1;2\n');
    // what Excel writes beside an open workbook: the owner's name, not a workbook
    const lock = Buffer.alloc(165);
    lock.write('Prénom Nom', 1, 'latin1');
    const skipped = ['.DS_Store', '.~lock.caf-02.xlsx#', 'Thumbs.db', '~$caf-02.xlsx'];
    for (const name of skipped) writeFileSync(join(folder, name), lock);
    const year = await readReturns(dir, 2024);
    expect(year.returns.map((r) => r.path)).toEqual(['returns/2024/mediation/caf-01.csv']);
    expect(year.notices).toEqual(skipped.map((name) => m.systemFile(`returns/2024/mediation/${name}`)));
  });

  it('takes for a return every file that is not a lock or system file', () => {
    expect(['caf-01.csv', 'caf~$01.xlsx', 'thumbs.csv', 'Desktop.ini.csv'].filter(isSystemFile)).toEqual([]);
    expect(['~$a.xlsx', '.hidden.csv', 'THUMBS.DB', 'desktop.ini'].every(isSystemFile)).toBe(true);
  });

  it('finds no year in a folder without returns', () => {
    expect(listYears(join(dir, 'absent'))).toEqual([]);
  });
});
