/** An input problem that stops one seed from converting; carries the file (and line) to name. */
export class SeedError extends Error {
  readonly file: string;
  readonly line: number | undefined;
  readonly code: string;
  constructor(code: string, file: string, message: string, line?: number) {
    super(`${file}${line ? `:${line}` : ''}: ${message}`);
    this.name = 'SeedError';
    this.code = code;
    this.file = file;
    this.line = line;
  }
}
