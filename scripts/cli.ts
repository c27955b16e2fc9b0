/**
 * The command lines' shared flag handling: each CLI declares its flags for `util.parseArgs`
 * (strict: an unknown or misspelt flag, or a missing value, is an error) and calls it through
 * `parseCli`, which prints the error naming the flag and exits 2 instead of throwing a stack.
 */
export function parseCli<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(`✗ ${(error as Error).message}`);
      process.exit(2);
    }
    throw error;
  }
}
