import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { keyFileProblem, readKeyFile, writeNewKey } from '../../src/io/key-file.ts';
import { suiviMessages as m } from '../../src/suivi/messages.ts';

describe('key files', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'mfer-key-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes 32 random bytes readable by the owner only, and reads them back', () => {
    const path = join(dir, 'mfer.key');
    writeNewKey(path);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readFileSync(path)).toHaveLength(32);
    expect(readKeyFile(path)).toEqual(new Uint8Array(readFileSync(path)));
    const other = join(dir, 'autre.key');
    writeNewKey(other);
    expect(readFileSync(other).equals(readFileSync(path))).toBe(false);
  });

  it('never writes over an existing key', () => {
    const path = join(dir, 'mfer.key');
    writeNewKey(path);
    const before = readFileSync(path);
    expect(() => writeNewKey(path)).toThrow(m.keyExists(path));
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it.each([0o640, 0o604, 0o644, 0o660, 0o602])('refuses a loose key file (mode %o)', (mode) => {
    const path = join(dir, 'mfer.key');
    writeFileSync(path, new Uint8Array(32));
    chmodSync(path, mode);
    expect(keyFileProblem(path)).toBe(m.keyLoose(path, mode.toString(8).padStart(3, '0')));
    expect(() => readKeyFile(path)).toThrow(m.keyLoose(path, mode.toString(8).padStart(3, '0')));
  });

  it('refuses a key inside a git working tree, even readable by its owner only', () => {
    const repo = join(dir, 'depot');
    mkdirSync(join(repo, '.git'), { recursive: true });
    mkdirSync(join(repo, 'config'));
    const path = join(repo, 'config', 'mfer.key');
    writeFileSync(path, new Uint8Array(32), { mode: 0o600 });
    expect(keyFileProblem(path)).toBe(m.keyInRepository(path, repo));
    expect(() => writeNewKey(join(repo, 'nouvelle.key'))).toThrow(m.keyInRepository(join(repo, 'nouvelle.key'), repo));
  });

  it('refuses a key of the wrong size and a missing key', () => {
    const path = join(dir, 'court.key');
    writeFileSync(path, new Uint8Array(16), { mode: 0o600 });
    expect(keyFileProblem(path)).toBe(m.keySize(path, 16));
    expect(keyFileProblem(join(dir, 'absente.key'))).toBe(m.keyMissing(join(dir, 'absente.key')));
  });
});
