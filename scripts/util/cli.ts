/**
 * The command lines' shared flag handling: each CLI declares its flags for `util.parseArgs`,
 * strict (an unknown or misspelt flag, or a flag without its value, is an error naming it) and
 * calls it through `parseCli`, which prints that error with the usage and exits 2 instead of
 * throwing a stack trace. `maxPositionals` makes a stray extra argument an error too.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

type Config = ParseArgsConfig & { strict?: true };

/**
 * Parse `process.argv` by `config` (strict); set `allowPositionals: true` there to take up to
 * `maxPositionals` arguments. `--help` (or `-h`) prints the usage and every flag, with its
 * description from `about` where given and its default, and exits 0: a maintainer asking how
 * a command is used should not be told the question is an unknown option.
 */
export function parseCli<T extends Config>(
  usage: string,
  config: T,
  maxPositionals = config.allowPositionals ? Infinity : 0,
  about: Record<string, string> = {},
): ReturnType<typeof parseArgs<T>> {
  const args = config.args ?? process.argv.slice(2);
  if (args.some((a) => a === '--help' || a === '-h')) {
    console.log(helpText(usage, config, about));
    process.exit(0);
  }
  const fail = (message: string): never => {
    console.error(`✗ ${message}\nusage: ${usage}`);
    process.exit(2);
  };
  try {
    const parsed = parseArgs({ ...config, strict: true }) as ReturnType<typeof parseArgs<T>>;
    if (parsed.positionals.length > maxPositionals) fail(`unexpected argument '${parsed.positionals[maxPositionals]}'`);
    return parsed;
  } catch (error) {
    if (!(error as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')) throw error;
    return fail((error as Error).message);
  }
}

/** The text `--help` prints: the usage line, then one line per flag. */
export function helpText(usage: string, config: Config, about: Record<string, string> = {}): string {
  const flags = Object.entries(config.options ?? {}).map(([name, option]) => {
    const form = option.type === 'string' ? `--${name} <value>` : `--${name}`;
    const given = option.default;
    const byDefault = given === undefined || given === false ? '' : ` (default: ${String(given)})`;
    return `  ${form.padEnd(22)} ${about[name] ?? ''}${byDefault}`.trimEnd();
  });
  return [`usage: ${usage}`, ...(flags.length ? ['', 'flags:', ...flags, `  ${'--help'.padEnd(22)} this text`] : [])].join('\n');
}
