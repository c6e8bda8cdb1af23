/**
 * mfer command line: dispatches to one module per command, loaded lazily so that
 * `mfer protect` does not pay for loading exceljs or vega.
 *
 * @example
 *   await main(['--help']); // prints the usage, returns 0
 */
import { usage } from './usage.ts';

type Command = (argv: string[]) => Promise<number>;

const commands: Record<string, () => Promise<Command>> = {
  annual: async () => (await import('./annual.ts')).runAnnual,
  protect: async () => (await import('./protect.ts')).runProtect,
  audit: async () => (await import('./audit.ts')).runAudit,
  sample: async () => (await import('./sample.ts')).runSample,
  pseudonymise: async () => (await import('./pseudonymise.ts')).runPseudonymise,
};

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage());
    return name === undefined ? 2 : 0;
  }
  const load = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!load) {
    process.stderr.write(`mfer : commande inconnue « ${name} ».\n\n${usage()}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(usage(name));
    return 0;
  }
  const command = await load();
  return command(rest);
}
