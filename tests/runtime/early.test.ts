import { describe, expect, it } from '@jest/globals';
import { startedEarly } from '../../src/runtime/early.ts';

describe('startedEarly', () => {
  it('keeps a failure from being an unhandled rejection and rethrows it where awaited', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const failing = startedEarly(Promise.reject(new Error('rendu impossible')));
      await new Promise((wake) => setTimeout(wake, 20)); // other work meanwhile
      expect(unhandled).toEqual([]);
      await expect(failing).rejects.toThrow('rendu impossible');
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });

  it('gives the value of work that succeeds', async () => {
    expect(await startedEarly(Promise.resolve(42))).toBe(42);
  });
});
