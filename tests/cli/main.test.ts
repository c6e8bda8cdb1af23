import { jest } from '@jest/globals';
import { main } from '../../src/cli/main.ts';
import { usage } from '../../src/cli/usage.ts';

describe('mfer CLI dispatch', () => {
  let out = '';
  let err = '';
  const write = (sink: 'out' | 'err') => (chunk: string | Uint8Array) => {
    if (sink === 'out') out += String(chunk);
    else err += String(chunk);
    return true;
  };
  beforeEach(() => {
    out = '';
    err = '';
    jest.spyOn(process.stdout, 'write').mockImplementation(write('out') as never);
    jest.spyOn(process.stderr, 'write').mockImplementation(write('err') as never);
  });
  afterEach(() => jest.restoreAllMocks());

  it('prints the usage with --help and exits 0', async () => {
    expect(await main(['--help'])).toBe(0);
    expect(out).toBe(usage());
  });

  it('rejects an unknown command with exit code 2 and names it', async () => {
    expect(await main(['publier'])).toBe(2);
    expect(err).toContain('« publier »');
  });

  it('does not treat inherited object keys as commands', async () => {
    expect(await main(['constructor'])).toBe(2);
    expect(await main(['__proto__'])).toBe(2);
  });
});
