import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LOCK_NAME, LockBusyError, acquireLock, isAlive, releaseLock, withLock } from '../../src/io/lock.ts';
import { lockBusy, lockStale } from '../../src/io/run-messages.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'mfer-lock-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A pid that no longer exists: a child process that has exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((done) => child.on('exit', done));
  return child.pid!;
}

describe('withLock', () => {
  it('holds a lock file with our pid while running, and removes it afterwards', async () => {
    const seen = await withLock(dir, async () => readFileSync(join(dir, LOCK_NAME), 'utf8'));
    expect(seen.trim()).toBe(String(process.pid));
    expect(existsSync(join(dir, LOCK_NAME))).toBe(false);
  });

  it('releases the lock when the work throws', async () => {
    await expect(withLock(dir, async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(existsSync(join(dir, LOCK_NAME))).toBe(false);
  });

  it('stops a second run at once with a French message naming the live pid', async () => {
    const path = await acquireLock(dir);
    let ran = false;
    const second = withLock(dir, async () => {
      ran = true;
    });
    await expect(second).rejects.toBeInstanceOf(LockBusyError);
    await expect(second).rejects.toThrow(lockBusy(path, process.pid));
    expect(ran).toBe(false);
    releaseLock(path);
  });

  it('names a foreign live process (pid 1) as the owner', async () => {
    writeFileSync(join(dir, LOCK_NAME), '1\n');
    expect(isAlive(1)).toBe(true);
    await expect(acquireLock(dir)).rejects.toMatchObject({ pid: 1 });
  });

  it('takes over a lock whose pid is dead, and says so', async () => {
    const pid = await deadPid();
    expect(isAlive(pid)).toBe(false);
    writeFileSync(join(dir, LOCK_NAME), `${pid}\n`);
    const heard: string[] = [];
    const result = await withLock(dir, async () => readFileSync(join(dir, LOCK_NAME), 'utf8').trim(), (m) => heard.push(m));
    expect(result).toBe(String(process.pid));
    expect(heard).toEqual([lockStale(join(dir, LOCK_NAME), pid)]);
  });

  it('takes over a lock file with garbage in it', async () => {
    writeFileSync(join(dir, LOCK_NAME), 'pas un pid');
    await expect(withLock(dir, async () => 'ok')).resolves.toBe('ok');
  });

  it('does not remove a lock that is no longer ours', async () => {
    const path = await acquireLock(dir);
    writeFileSync(path, '1\n');
    releaseLock(path);
    expect(readFileSync(path, 'utf8')).toBe('1\n');
  });
});
