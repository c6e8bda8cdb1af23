import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemErrorText, systemErrors } from '../../src/cli/system-error.ts';

/** The error Node raises for `code` on `path` (as `fs` builds them: code, path, syscall). */
function errno(code: string, path?: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: something, open '${path}'`), { code, path, syscall: 'open' });
}

describe('systemErrorText: file-system errors in French', () => {
  it.each([
    ['EACCES', systemErrors.denied],
    ['EPERM', systemErrors.denied],
    ['EROFS', systemErrors.readOnly],
    ['ENOSPC', systemErrors.full],
    ['ENOENT', systemErrors.missing],
    ['ENOTDIR', systemErrors.notFolder],
    ['EISDIR', systemErrors.isFolder],
    ['EBUSY', systemErrors.busy],
  ])('%s names the path', (code, say) => {
    expect(systemErrorText(errno(code, 'data-out/2025'))).toBe(say('data-out/2025'));
    expect(say('data-out/2025')).toContain('« data-out/2025 »');
  });

  it('says "a file" when the error names no path (a write on an open file)', () => {
    expect(systemErrorText(errno('ENOSPC'))).toBe(systemErrors.full());
    expect(systemErrors.full()).not.toContain('«');
  });

  it('puts the command\'s prefix before a translated error only', () => {
    expect(systemErrorText(errno('EACCES', 'x'), 'mfer sample : ')).toBe(`mfer sample : ${systemErrors.denied('x')}`);
    expect(systemErrorText(new Error('mfer sample : fichier introuvable'), 'mfer sample : ')).toBe('mfer sample : fichier introuvable');
  });

  it('keeps the message of an error without a known code, and of anything thrown', () => {
    expect(systemErrorText(new Error('mfer annual : déjà en français'))).toBe('mfer annual : déjà en français');
    expect(systemErrorText(errno('EWHATEVER', 'x'))).toBe("EWHATEVER: something, open 'x'");
    expect(systemErrorText('texte')).toBe('texte');
  });

  it('translates what the file system really raises', () => {
    const dir = join(tmpdir(), `mfer-syserr-${process.pid}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'fichier'), '');
    let caught: unknown;
    try {
      mkdirSync(join(dir, 'fichier', 'sortie'), { recursive: true });
    } catch (error) {
      caught = error;
    }
    expect(systemErrorText(caught)).toBe(systemErrors.notFolder(join(dir, 'fichier', 'sortie')));
  });
});
