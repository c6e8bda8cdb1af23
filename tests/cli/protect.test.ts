import { jest } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAudit } from '../../src/cli/audit.ts';
import { runProtect } from '../../src/cli/protect.ts';
import * as msg from '../../src/protect/messages.ts';
import * as cliMsg from '../../src/cli/messages.ts';
import { usage } from '../../src/cli/usage.ts';
import iconv from 'iconv-lite';

const spec = {
  dimensions: [
    { name: 'geo', total: 'FR', hierarchies: { region: { '01': 'R84', '03': 'R84', '26': 'R84', R84: 'FR' }, ca: { '01': 'CA-LYON', '03': 'CA-RIOM', '26': 'CA-GRENOBLE', 'CA-LYON': 'FR', 'CA-RIOM': 'FR', 'CA-GRENOBLE': 'FR' } } },
    { name: 'origine', total: 'ENS', hierarchies: { origine: { JAF: 'ENS', JE: 'ENS' } } },
  ],
  contributor: 'structure',
  value: 'enfants',
  rules: { minValue: 5, minFrequency: 2, protectionPercent: 10 },
};
const contrib = ['geo,origine,structure,enfants', '01,JAF,S1,40', '01,JAF,S2,30', '01,JE,S1,3', '03,JAF,S3,25', '03,JAF,S4,20', '03,JE,S3,12', '03,JE,S4,8', '26,JAF,S5,33', '26,JAF,S6,14', '26,JE,S5,6', '26,JE,S6,7'].join('\n');

describe('mfer protect / mfer audit', () => {
  let dir: string;
  let err = '';
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'mfer-protect-'));
    writeFileSync(join(dir, 'spec.json'), JSON.stringify(spec));
    writeFileSync(join(dir, 'contrib.csv'), contrib);
    err = '';
    jest.spyOn(process.stderr, 'write').mockImplementation(((chunk: string) => ((err += chunk), true)) as never);
    jest.spyOn(process.stdout, 'write').mockImplementation((() => true) as never);
  });
  afterEach(() => {
    jest.restoreAllMocks();
    rmSync(dir, { recursive: true, force: true });
  });
  const args = (...extra: string[]) => ['--spec', join(dir, 'spec.json'), '--input', join(dir, 'contrib.csv'), ...extra];

  it('protects, then the audit passes (exit 0)', async () => {
    expect(await runProtect(args('--out', join(dir, 'cells.csv')))).toBe(0);
    const cells = readFileSync(join(dir, 'cells.csv'), 'utf8');
    expect(cells.split('\n')[0]).toBe('geo,origine,value,contributors,status');
    expect(cells).toContain('01,JE,3,1,u');
    expect(await runAudit(args('--cells', join(dir, 'cells.csv')))).toBe(0);
  });

  it('exits 1 when a check fails (a primary cell published)', async () => {
    await runProtect(args('--out', join(dir, 'cells.csv')));
    const opened = readFileSync(join(dir, 'cells.csv'), 'utf8').replace(/,[ux]\n/g, ',s\n');
    writeFileSync(join(dir, 'open.csv'), opened);
    expect(await runAudit(args('--cells', join(dir, 'open.csv')))).toBe(1);
    expect(err).toContain(msg.auditNotSuppressed(['01', 'JE']));
  });

  it('exits 2 with a French message, no stack trace, on bad input', async () => {
    expect(await runProtect(['--spec', join(dir, 'spec.json'), '--input', join(dir, 'contrib.csv')])).toBe(2);
    expect(err).toContain(cliMsg.cliMissingOption('protect', '--out'));
    err = '';
    writeFileSync(join(dir, 'contrib.csv'), contrib.replace('03,JE,S3,12', '99,JE,S3,12'));
    expect(await runProtect(args('--out', join(dir, 'cells.csv')))).toBe(2);
    expect(err).toBe(`${msg.csvUnknownCode(join(dir, 'contrib.csv'), 7, 'geo', '99')}\n`);
    err = '';
    expect(await runAudit(['--spec', join(dir, 'absent.json'), '--input', 'x', '--cells', 'y'])).toBe(2);
    expect(err).toBe(`${cliMsg.cliCannotRead(join(dir, 'absent.json'))}\n`);
  });

  it('refuses to write the cells over an input file (exit 2), which stays as it was', async () => {
    expect(await runProtect(args('--out', join(dir, 'contrib.csv')))).toBe(2);
    expect(err).toContain(cliMsg.cliOutIsInput(join(dir, 'contrib.csv')));
    expect(readFileSync(join(dir, 'contrib.csv'), 'utf8')).toBe(contrib);
  });

  describe('the French CSV dialect that the rest of mfer writes', () => {
    // the same contributions with a decimal comma in a value, written as mfer writes its tables
    const french = contrib.replace('01,JAF,S2,30', '01,JAF,S2,30.5').replace(/,/g, ';').replace('30.5', '30,5');
    const plain = contrib.replace('01,JAF,S2,30', '01,JAF,S2,30.5');
    const variants: [string, Buffer][] = [
      ['UTF-8 with a BOM, CRLF', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(french.replace(/\n/g, '\r\n'))])],
      ['Windows-1252', iconv.encode(french.replace('S1', 'Sé1').replace('S1', 'Sé1'), 'win1252')],
    ];

    it.each(variants)('%s gives the cells of the plain file, and the audit reads them back', async (_, bytes) => {
      writeFileSync(join(dir, 'contrib.csv'), plain.replace('S1', 'Sé1').replace('S1', 'Sé1'));
      expect(await runProtect(args('--out', join(dir, 'plain-cells.csv')))).toBe(0);
      writeFileSync(join(dir, 'contrib.csv'), bytes);
      expect(await runProtect(args('--out', join(dir, 'cells.csv')))).toBe(0);
      const cells = readFileSync(join(dir, 'cells.csv'), 'utf8');
      if (bytes[0] === 0xef) expect(cells).toBe(readFileSync(join(dir, 'plain-cells.csv'), 'utf8').replace(/Sé1/g, 'S1'));
      else expect(cells).toBe(readFileSync(join(dir, 'plain-cells.csv'), 'utf8'));
      // the cells written back in the French dialect are read too
      writeFileSync(join(dir, 'cells-fr.csv'), iconv.encode(cells.replace(/,/g, ';').replace(/(\d)\.(\d)/g, '$1,$2'), 'win1252'));
      expect(await runAudit(args('--cells', join(dir, 'cells-fr.csv')))).toBe(0);
    });

    it('refuses a binary file, saying which formats are expected', async () => {
      writeFileSync(join(dir, 'contrib.csv'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0, 1, 2, 3]));
      expect(await runProtect(args('--out', join(dir, 'cells.csv')))).toBe(2);
      expect(err).toBe(`${msg.csvNotText(join(dir, 'contrib.csv'))}\n`);
      expect(err).toContain(msg.EXPECTED_CSV);
    });

    it('names the fields a short row has and the header expects', async () => {
      writeFileSync(join(dir, 'contrib.csv'), french.replace('03;JE;S3;12', '03;JE;12'));
      expect(await runProtect(args('--out', join(dir, 'cells.csv')))).toBe(2);
      expect(err).toBe(`${msg.csvTooFewFields(join(dir, 'contrib.csv'), 7, 3, 4)}\n`);
    });
  });

  it('--help shows a complete SPEC.json and CONTRIB.csv that protect as they stand', async () => {
    const help = usage('protect');
    const spec = help.slice(help.indexOf('SPEC.json :\n') + 'SPEC.json :\n'.length, help.indexOf('\n\nExemple complet de CONTRIB.csv'));
    const csvStart = help.indexOf(':\n', help.indexOf('Exemple complet de CONTRIB.csv')) + 2;
    const csv = help.slice(csvStart, help.indexOf('\n\n', csvStart)).split('\n').map((l) => l.trim()).join('\n');
    writeFileSync(join(dir, 'spec.json'), spec);
    writeFileSync(join(dir, 'contrib.csv'), csv);
    expect(await runProtect(args('--out', join(dir, 'cells.csv')))).toBe(0);
    expect(readFileSync(join(dir, 'cells.csv'), 'utf8')).toContain('01,JE,3,1,');
  });
});
