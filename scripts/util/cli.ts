/**
 * The command lines' shared flag handling: each CLI declares its flags for `util.parseArgs`,
 * strict (an unknown or misspelt flag, or a flag without its value, is an error naming it) and
 * calls it through `parseCli`, which prints that error with the usage and exits 2 instead of
 * throwing a stack trace. `maxPositionals` makes a stray extra argument an error too.
 * `--help` (or `-h`) prints the usage and the CLI's `help` text (what each flag does) and exits 0,
 * so asking a command what it takes is never an "unknown option".
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

type Config = ParseArgsConfig & { strict?: true; help?: string };

/** Parse `process.argv` by `config` (strict); set `allowPositionals: true` there to take up to `maxPositionals` arguments. */
export function parseCli<T extends Config>(usage: string, config: T, maxPositionals = config.allowPositionals ? Infinity : 0): ReturnType<typeof parseArgs<T>> {
  const fail = (message: string): never => {
    console.error(`✗ ${message}\nusage: ${usage}`);
    process.exit(2);
  };
  const args = config.args ?? process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    console.log(`usage: ${usage}${config.help ? `\n\n${config.help.trimEnd()}` : ''}`);
    process.exit(0);
  }
  const { help: _help, ...parseConfig } = config;
  try {
    const parsed = parseArgs({ ...parseConfig, strict: true }) as ReturnType<typeof parseArgs<T>>;
    if (parsed.positionals.length > maxPositionals) fail(`unexpected argument '${parsed.positionals[maxPositionals]}'`);
    return parsed;
  } catch (error) {
    if (!(error as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')) throw error;
    return fail((error as Error).message);
  }
}

/**
 * A flag that names a calendar day (`--today 2026-03-04`): its value if it is a real day written
 * YYYY-MM-DD, else the usage error (exit 2), so that a mistyped date never dates a change.
 */
export function dayFlag(flag: string, value: string | undefined, usage: string): string | undefined {
  if (value === undefined) return undefined;
  const day = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : undefined;
  if (day && !Number.isNaN(day.getTime()) && day.toISOString().startsWith(value)) return value;
  console.error(`✗ --${flag} ${value}: expected a day written YYYY-MM-DD\nusage: ${usage}`);
  return process.exit(2);
}
