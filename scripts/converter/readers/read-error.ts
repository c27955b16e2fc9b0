/**
 * A file the official-file readers cannot read, with its diagnostic code (`damaged`,
 * `encrypted`, `too-large` …): the readers' worker posts the code, and the converter turns it
 * into a seed error naming the file (sync.ts).
 */
export class ReadError extends Error {
  code: string;
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
  }
}
