import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OutputFile } from '../../src/model/output.ts';
import { asideName, publishRun, recoverInterruptedSwaps, recoverRoots, tmpDirsBeside } from '../../src/io/publish-run.ts';
import { rootNotWritable, swapRecovered } from '../../src/io/run-messages.ts';

let base: string;
let roots: { 'data-out': string; reports: string };
beforeEach(() => {
  base = mkdtempSync(join(tmpdir(), 'mfer-publish-'));
  roots = { 'data-out': join(base, 'data-out'), reports: join(base, 'reports') };
});
afterEach(() => rmSync(base, { recursive: true, force: true }));

const file = (root: OutputFile['root'], path: string, content: string | Uint8Array): OutputFile => ({ root, path, content });
const read = (...parts: string[]) => readFileSync(join(...parts), 'utf8');

/** A previous publication of 2023 and 2024. */
async function previousRun(): Promise<void> {
  await publishRun({
    roots,
    years: [2023, 2024],
    files: [
      file('data-out', '2023/rejects.csv', 'old 2023'),
      file('data-out', '2024/rejects.csv', 'old 2024'),
      file('data-out', '2024/obsolete.csv', 'gone after the next run'),
      file('reports', '2024/rapport.html', 'old report'),
    ],
  });
}

describe('publishRun', () => {
  it('writes every file below its root, text and bytes alike', async () => {
    await publishRun({
      roots,
      years: [2024],
      files: [file('data-out', '2024/tables/a.csv', 'a;b\n'), file('reports', '2024/x.xlsx', new Uint8Array([0x50, 0x4b, 0, 255]))],
    });
    expect(read(roots['data-out'], '2024', 'tables', 'a.csv')).toBe('a;b\n');
    expect([...readFileSync(join(roots.reports, '2024', 'x.xlsx'))]).toEqual([0x50, 0x4b, 0, 255]);
    expect(tmpDirsBeside(roots['data-out'])).toEqual([]);
  });

  it('replaces the years of the run whole, and leaves other years alone', async () => {
    await previousRun();
    await publishRun({ roots, years: [2024], files: [file('data-out', '2024/rejects.csv', 'new 2024')] });
    expect(read(roots['data-out'], '2024', 'rejects.csv')).toBe('new 2024');
    expect(existsSync(join(roots['data-out'], '2024', 'obsolete.csv'))).toBe(false);
    expect(read(roots['data-out'], '2023', 'rejects.csv')).toBe('old 2023');
    expect(readdirSync(roots.reports).sort()).toEqual(['2023', '2024']);
    expect(readdirSync(join(roots.reports, '2024'))).toEqual([]);
    expect(readdirSync(roots['data-out']).sort()).toEqual(['2023', '2024']);
  });

  it('leaves the previous outputs intact and no temporary directory when writing fails', async () => {
    await previousRun();
    // a file and a directory with the same path: the second write fails half-way through the run
    const files = [file('data-out', '2024/clash', 'x'), file('data-out', '2024/clash/inner.csv', 'y')];
    await expect(publishRun({ roots, years: [2024], files })).rejects.toThrow();
    expect(read(roots['data-out'], '2024', 'rejects.csv')).toBe('old 2024');
    expect(read(roots['data-out'], '2024', 'obsolete.csv')).toBe('gone after the next run');
    expect(tmpDirsBeside(roots['data-out'])).toEqual([]);
  });

  it('refuses a path outside the years of the run, or twice the same path, before touching anything', async () => {
    await previousRun();
    await expect(publishRun({ roots, years: [2024], files: [file('data-out', '2023/x.csv', '')] })).rejects.toThrow('2023/x.csv');
    await expect(publishRun({ roots, years: [2024], files: [file('data-out', '2024/../../evil', '')] })).rejects.toThrow();
    const twice = [file('data-out', '2024/a.csv', '1'), file('data-out', '2024/a.csv', '2')];
    await expect(publishRun({ roots, years: [2024], files: twice })).rejects.toThrow('2024/a.csv');
    expect(read(roots['data-out'], '2024', 'rejects.csv')).toBe('old 2024');
  });

  it('gives the same tree whatever the order of the files it is handed', async () => {
    const files = [file('data-out', '2024/b.csv', 'b'), file('data-out', '2024/a/c.csv', 'c'), file('reports', '2024/r.html', 'r')];
    await publishRun({ roots, years: [2024], files: [...files].reverse() });
    expect(read(roots['data-out'], '2024', 'b.csv')).toBe('b');
    expect(read(roots['data-out'], '2024', 'a', 'c.csv')).toBe('c');
  });
});

describe('one commit point for both roots (issue 21)', () => {
  it('a failure in the second root leaves both roots as they were, and nothing behind', async () => {
    await previousRun();
    const before = { out: read(roots['data-out'], '2024', 'rejects.csv'), report: read(roots.reports, '2024', 'rapport.html') };
    // 2025 is new: its data-out link is made, then its reports link cannot be (a file is in the way)
    writeFileSync(join(roots.reports, '2025'), 'un fichier posé là');
    const files = [file('data-out', '2025/rejects.csv', 'new 2025'), file('reports', '2025/index.html', 'new'), file('data-out', '2024/rejects.csv', 'new 2024')];
    await expect(publishRun({ roots, years: [2024, 2025], files })).rejects.toThrow();
    expect(read(roots['data-out'], '2024', 'rejects.csv')).toBe(before.out);
    expect(existsSync(join(roots['data-out'], '2025'))).toBe(false);
    expect(readdirSync(roots['data-out']).sort()).toEqual(['2023', '2024']);
    expect(tmpDirsBeside(roots['data-out'], roots)).toEqual([]);
    expect(read(roots.reports, '2024', 'rapport.html')).toBe(before.report);
    expect(read(roots.reports, '2025')).toBe('un fichier posé là');
  });

  it('reports/ read-only while data-out/ is writable: a clear message, both roots as they were, nothing left behind', async () => {
    // run by someone who may not write in reports/ (as root, the publishing child runs as nobody)
    const { chmodSync, readdirSync: list } = await import('node:fs');
    const { spawnSync } = await import('node:child_process');
    const asRoot = process.getuid?.() === 0;
    await publishRun({ roots, years: [2023, 2024], files: [file('data-out', '2024/rejects.csv', 'old 2024'), file('reports', '2024/rapport.html', 'old report')] });
    const store = join(base, '.data-out.mfer-gen');
    const open = (dir: string) => {
      chmodSync(dir, 0o777);
      for (const e of list(dir, { withFileTypes: true })) if (e.isDirectory()) open(join(dir, e.name));
    };
    if (asRoot) [base, roots['data-out'], store].forEach(open);
    chmodSync(roots.reports, 0o555);
    try {
      const child = join(import.meta.dirname, '..', 'e2e', 'publish-child.ts');
      const run = spawnSync(process.execPath, ['--import', 'tsx', child, roots['data-out'], roots.reports, 'new', '3'], {
        cwd: join(import.meta.dirname, '..', '..'), encoding: 'utf8', ...(asRoot ? { uid: 65534, gid: 65534 } : {}),
      });
      expect(run.status).not.toBe(0);
      expect(run.stderr).toContain(rootNotWritable(roots.reports));
    } finally {
      chmodSync(roots.reports, 0o755);
    }
    expect(read(roots['data-out'], '2024', 'rejects.csv')).toBe('old 2024');
    expect(read(roots.reports, '2024', 'rapport.html')).toBe('old report');
    expect(tmpDirsBeside(roots['data-out'], roots)).toEqual([]);
  }, 60_000);

  it('keeps the folders it is told to keep from the previous publication when the run does not write them', async () => {
    await publishRun({ roots, years: [2024], files: [file('reports', '2024/index.html', 'old'), file('reports', '2024/departements/01.xlsx', 'classeur 2024')] });
    await publishRun({ roots, years: [2024, 2025], files: [file('reports', '2024/index.html', 'new'), file('reports', '2025/departements/01.xlsx', 'classeur 2025')], keep: [{ root: 'reports', path: '2024/departements' }] });
    expect(read(roots.reports, '2024', 'index.html')).toBe('new');
    expect(read(roots.reports, '2024', 'departements', '01.xlsx')).toBe('classeur 2024');
    expect(read(roots.reports, '2025', 'departements', '01.xlsx')).toBe('classeur 2025');
  });

  it('writes a provisional year only where it has no outputs yet, and then only the folders it has files in', async () => {
    await previousRun();
    await publishRun({ roots, years: [2024, 2031], files: [file('data-out', '2024/rejects.csv', 'new 2024'), file('data-out', '2031/rejects.csv', 'motifs 2031')], provisional: [2031] });
    expect(read(roots['data-out'], '2031', 'rejects.csv')).toBe('motifs 2031');
    expect(existsSync(join(roots.reports, '2031'))).toBe(false);
    await publishRun({ roots, years: [2024, 2031], files: [file('data-out', '2024/rejects.csv', 'newer 2024'), file('data-out', '2031/rejects.csv', 'autres motifs')], provisional: [2031] });
    expect(read(roots['data-out'], '2031', 'rejects.csv')).toBe('motifs 2031');
    expect(read(roots['data-out'], '2024', 'rejects.csv')).toBe('newer 2024');
    // a provisional year over a real publication of it keeps that publication
    await publishRun({ roots, years: [2023], files: [file('data-out', '2023/rejects.csv', 'vide')], provisional: [2023] });
    expect(read(roots['data-out'], '2023', 'rejects.csv')).toBe('old 2023');
  });

  it('turns year folders written before generations into links, keeping their content', async () => {
    mkdirSync(join(roots['data-out'], '2022'), { recursive: true });
    writeFileSync(join(roots['data-out'], '2022', 'rejects.csv'), 'ancien 2022');
    mkdirSync(join(roots.reports, '2022'), { recursive: true });
    writeFileSync(join(roots.reports, '2022', 'index.html'), 'ancien rapport');
    await publishRun({ roots, years: [2024], files: [file('data-out', '2024/rejects.csv', 'new 2024')] });
    const { lstatSync } = await import('node:fs');
    expect(lstatSync(join(roots['data-out'], '2022')).isSymbolicLink()).toBe(true);
    expect(read(roots['data-out'], '2022', 'rejects.csv')).toBe('ancien 2022');
    expect(read(roots.reports, '2022', 'index.html')).toBe('ancien rapport');
    expect(read(roots['data-out'], '2024', 'rejects.csv')).toBe('new 2024');
    expect(tmpDirsBeside(roots['data-out'], roots)).toEqual([]);
  });
});

describe('recovery from an interrupted swap', () => {
  it('puts back a set-aside year whose replacement never arrived', async () => {
    await previousRun();
    const { renameSync } = await import('node:fs');
    renameSync(join(roots['data-out'], '2024'), join(roots['data-out'], asideName(2024)));
    const heard: string[] = [];
    recoverInterruptedSwaps(roots['data-out'], (m) => heard.push(m));
    expect(read(roots['data-out'], '2024', 'rejects.csv')).toBe('old 2024');
    expect(heard).toEqual([swapRecovered(join(roots['data-out'], '2024'))]);
  });

  it('recovers both roots at the start of a run', async () => {
    await previousRun();
    const { renameSync } = await import('node:fs');
    renameSync(join(roots['data-out'], '2023'), join(roots['data-out'], asideName(2023)));
    renameSync(join(roots.reports, '2024'), join(roots.reports, asideName(2024)));
    recoverRoots(roots);
    expect(read(roots['data-out'], '2023', 'rejects.csv')).toBe('old 2023');
    expect(read(roots.reports, '2024', 'rapport.html')).toBe('old report');
  });

  it('removes a set-aside copy left beside a year already swapped in, and dead runs’ temporary directories', async () => {
    await previousRun();
    mkdirSync(join(roots['data-out'], asideName(2024)));
    writeFileSync(join(roots['data-out'], asideName(2024), 'rejects.csv'), 'older');
    const deadTmp = join(base, '.mfer-tmp-999999999-1');
    mkdirSync(deadTmp);
    await publishRun({ roots, years: [2023], files: [file('data-out', '2023/rejects.csv', 'new 2023')] });
    expect(readdirSync(roots['data-out']).sort()).toEqual(['2023', '2024']);
    expect(read(roots['data-out'], '2024', 'rejects.csv')).toBe('old 2024');
    expect(existsSync(deadTmp)).toBe(false);
  });
});
