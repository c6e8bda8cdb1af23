/**
 * bin/compiled.mjs: `mfer` runs the JavaScript of `make build` only when every TypeScript source has
 * its JavaScript, written after it — a source edited, added or left uncompiled sends it back to tsx.
 */
import { describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// @ts-expect-error plain JavaScript module of the entry point, without type declarations
import { compiledIsFresh } from '../../bin/compiled.mjs';

function tree(files: Record<string, number>): string {
  const root = mkdtempSync(join(tmpdir(), 'mfer-compiled-'));
  for (const [path, seconds] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), '');
    utimesSync(join(root, path), seconds, seconds);
  }
  return root;
}

describe('compiledIsFresh', () => {
  const fresh = (files: Record<string, number>) => {
    const root = tree(files);
    try {
      return (compiledIsFresh as (root: string, folders?: string[]) => boolean)(root, ['src', 'pipelines']);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  };

  it('is true when every source, in every folder and subfolder, has its JavaScript written after it', () => {
    expect(fresh({ 'src/a.ts': 100, 'src/a.js': 200, 'src/x/b.ts': 100, 'src/x/b.js': 101, 'pipelines/c.ts': 5, 'pipelines/c.js': 5, 'src/types.d.ts': 900 })).toBe(true);
  });

  it('is false when a source was edited after its JavaScript', () => {
    expect(fresh({ 'src/a.ts': 100, 'src/a.js': 200, 'src/x/b.ts': 300, 'src/x/b.js': 200, 'pipelines/c.ts': 5, 'pipelines/c.js': 6 })).toBe(false);
  });

  it('is false when a source has no JavaScript (a fresh clone, or a file added since the build)', () => {
    expect(fresh({ 'src/a.ts': 100, 'src/a.js': 200, 'pipelines/new.ts': 100, 'pipelines/c.ts': 5, 'pipelines/c.js': 6 })).toBe(false);
    expect(fresh({ 'src/a.ts': 100, 'pipelines/c.ts': 5 })).toBe(false);
  });
});
