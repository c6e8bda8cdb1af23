/**
 * A text file written in large blocks through a temporary name beside it, renamed over the target
 * only when `commit` is called, so that a failed run leaves no half file and an old file stays
 * whole until the new one is complete. Memory is bounded by the block size whatever the file's size.
 *
 * @example
 *   const out = new BufferedFileWriter('pseudo.csv');
 *   out.write('enfant;famille\r\n');
 *   out.commit(); // pseudo.csv now holds the text
 */
import { closeSync, ftruncateSync, mkdirSync, openSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

const BLOCK = 1 << 20;

export class BufferedFileWriter {
  private readonly temporary: string;
  private fd: number | undefined;
  private pending: string[] = [];
  private pendingLength = 0;

  /** `parents`: create the file's folder (and its parents) when missing */
  constructor(
    private readonly path: string,
    mode = 0o600,
    options: { parents?: boolean } = {},
  ) {
    if (options.parents) mkdirSync(dirname(path), { recursive: true });
    this.temporary = `${path}.${process.pid}.tmp`;
    this.fd = openSync(this.temporary, 'w', mode);
  }

  write(text: string): void {
    this.pending.push(text);
    this.pendingLength += text.length;
    if (this.pendingLength >= BLOCK) this.flush();
  }

  private flush(): void {
    if (this.fd === undefined || this.pending.length === 0) return;
    writeSync(this.fd, this.pending.join(''));
    this.pending = [];
    this.pendingLength = 0;
  }

  /** Appends the bytes of the file at `path` (after what was written before). */
  append(path: string): void {
    this.flush();
    if (this.fd === undefined) return;
    const source = openSync(path, 'r');
    const buffer = Buffer.allocUnsafe(8 * BLOCK);
    try {
      for (let n = readSync(source, buffer); n > 0; n = readSync(source, buffer)) writeSync(this.fd, buffer, 0, n);
    } finally {
      closeSync(source);
    }
  }

  /** Forgets everything written so far (the file starts again empty). */
  reset(): void {
    this.pending = [];
    this.pendingLength = 0;
    if (this.fd !== undefined) {
      ftruncateSync(this.fd, 0);
      closeSync(this.fd);
      this.fd = openSync(this.temporary, 'w');
    }
  }

  /** Writes what is left and puts the file in place. */
  commit(): void {
    this.flush();
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
    renameSync(this.temporary, this.path);
  }

  /** Removes the temporary file; the target is left as it was. */
  abort(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
    rmSync(this.temporary, { force: true });
  }
}
