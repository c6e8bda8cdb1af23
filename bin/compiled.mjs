/**
 * Whether the JavaScript compiled from the TypeScript sources (`make build`: tsc, each file written
 * beside its source) can be run: every `.ts` under `folders` has its `.js`, written after it. `mfer`
 * then runs that JavaScript with plain Node; otherwise it runs the TypeScript through tsx, whose
 * module hooks make every run longer (same bytes; figures in bench/README.md).
 *
 * @example
 *   compiledIsFresh('/path/to/mfer'); // false on a fresh clone, true after `make build`
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export function compiledIsFresh(root, folders = ['src', 'pipelines']) {
  for (const folder of folders) {
    const dir = join(root, folder);
    for (const name of readdirSync(dir, { recursive: true })) {
      if (!name.endsWith('.ts') || name.endsWith('.d.ts')) continue;
      const source = statSync(join(dir, name));
      let compiled;
      try {
        compiled = statSync(join(dir, `${name.slice(0, -3)}.js`));
      } catch {
        return false;
      }
      if (compiled.mtimeMs < source.mtimeMs) return false;
    }
  }
  return true;
}
