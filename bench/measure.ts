/**
 * Runs a command in a child process and measures its wall time and peak resident memory: with
 * GNU `/usr/bin/time -v` when present ("Maximum resident set size"), otherwise by polling
 * `/proc/<pid>/status` (VmHWM) every 20 ms.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

export interface Measured {
  seconds: number;
  peakMiB?: number;
  /** processor time, user + system, in seconds (with GNU time) */
  cpuSeconds?: number;
  exitCode: number;
  stderr: string;
}

const GNU_TIME = '/usr/bin/time';

export async function measure(command: string, args: readonly string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<Measured> {
  const useTime = existsSync(GNU_TIME);
  const [cmd, argv] = useTime ? [GNU_TIME, ['-v', command, ...args]] : [command, [...args]];
  const start = performance.now();
  const child = spawn(cmd, argv, { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  let polled = 0;
  const poll = useTime
    ? undefined
    : setInterval(() => {
        try {
          const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
          if (m) polled = Math.max(polled, Number(m[1]) / 1024);
        } catch {
          // the process has just ended
        }
      }, 20);
  const exitCode = await new Promise<number>((done) => child.on('close', (code) => done(code ?? 1)));
  const seconds = (performance.now() - start) / 1000;
  if (poll) clearInterval(poll);
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
  const peakMiB = rss ? Number(rss[1]) / 1024 : polled || undefined;
  const user = /User time \(seconds\): ([\d.]+)/.exec(stderr);
  const system = /System time \(seconds\): ([\d.]+)/.exec(stderr);
  const cpuSeconds = user && system ? Number(user[1]) + Number(system[1]) : undefined;
  return { seconds, peakMiB, cpuSeconds, exitCode, stderr };
}

/** "2 cœurs, Intel Xeon …, 24 Gio" — the machine the figures were measured on. */
export function describeMachine(): string {
  const cpu = /model name\s*:\s*(.+)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? 'processeur inconnu';
  const memKb = Number(/MemTotal:\s+(\d+)/.exec(readFileSync('/proc/meminfo', 'utf8'))?.[1] ?? 0);
  const cores = readFileSync('/proc/cpuinfo', 'utf8').split('\n').filter((l) => l.startsWith('processor')).length;
  return `${cores} cœurs, ${cpu.trim()}, ${Math.round(memKb / 1024 / 1024)} Gio, Node ${process.version}`;
}
