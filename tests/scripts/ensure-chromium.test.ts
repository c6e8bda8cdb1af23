/**
 * scripts/ensure-chromium.sh on a machine where chromium and the fonts are installed: it must say so
 * every time, without calling apt-get. The script runs with a PATH whose `apt-get` only records that
 * it was called, so a wrong « missing » verdict shows as a call instead of an installation.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SCRIPT = join(import.meta.dirname, '..', '..', 'scripts', 'ensure-chromium.sh');
const installed = existsSync('/usr/bin/chromium') && /dejavu/i.test(spawnSync('fc-list', { encoding: 'utf8' }).stdout ?? '');

(installed ? describe : describe.skip)('scripts/ensure-chromium.sh with chromium installed', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'mfer-ensure-'));
    const fake = join(dir, 'apt-get');
    writeFileSync(fake, `#!/bin/sh\necho called >> "${join(dir, 'calls')}"\nexit 1\n`);
    chmodSync(fake, 0o755);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('finds it 20 times out of 20 and never calls apt-get', () => {
    const codes: number[] = [];
    for (let i = 0; i < 20; i++) {
      const run = spawnSync('bash', [SCRIPT], { env: { ...process.env, PATH: `${dir}:${process.env.PATH}` }, encoding: 'utf8' });
      codes.push(run.status ?? -1);
    }
    expect(codes).toEqual(Array(20).fill(0));
    expect(existsSync(join(dir, 'calls')) ? readFileSync(join(dir, 'calls'), 'utf8') : '').toBe('');
  });
});
