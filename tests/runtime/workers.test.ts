/**
 * The worker pool (src/runtime/workers.ts): a worker that asks to retire after an answer is replaced
 * by a fresh one, the pool goes on answering (queued calls included), and nothing fails.
 */
import { describe, expect, it } from '@jest/globals';
import { openWorkers } from '../../src/runtime/workers.ts';

const messages = { stopped: (code: number) => `arrêté (${code})`, closed: () => 'fermé' };

describe('openWorkers', () => {
  it('replaces a worker that asks to retire, and answers every call', async () => {
    const pool = openWorkers(new URL('./retiring-worker.ts', import.meta.url), 1, messages);
    try {
      const first = await pool.call({ leave: false });
      const retiring = await pool.call({ leave: true });
      expect(retiring).toBe(first);
      // asked while the retired worker is replaced: answered by the new one, one at a time
      const [next, again] = await Promise.all([pool.call({ leave: false }), pool.call({ leave: false })]);
      expect(next).not.toBe(first);
      expect(again).toBe(next);
    } finally {
      await pool.close();
    }
  });

  it('keeps a worker that does not ask to retire', async () => {
    const pool = openWorkers(new URL('./retiring-worker.ts', import.meta.url), 1, messages);
    try {
      const ids = await Promise.all([1, 2, 3].map(() => pool.call({ leave: false })));
      expect(new Set(ids).size).toBe(1);
      await expect(pool.call({ leave: false })).resolves.toBe(ids[0]);
    } finally {
      await pool.close();
    }
  });
});
