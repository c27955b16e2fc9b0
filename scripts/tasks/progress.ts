/**
 * Build progress for people and for logs. On a terminal, the current step and item share one
 * line that is rewritten in place, and only lasting lines (warnings, step results) scroll;
 * elsewhere (CI, a pipe, a file) every event is one plain line, so a log reads top to bottom.
 */

/** Where progress goes; `tty` chooses the updating line over plain lines. */
export interface ProgressOptions {
  write: (text: string) => void;
  tty: boolean;
  /** Terminal width, to keep the updating line on one row. */
  columns?: number;
}

export interface Progress {
  /** A passing status (current step and item): the updating line on a terminal; dropped otherwise unless `plain`. */
  status(text: string, plain?: boolean): void;
  /** A lasting line: warnings, errors, step results. */
  line(text: string): void;
  /** Clear the updating line (before a summary or an error). */
  clear(): void;
}

export function createProgress({ write, tty, columns = 100 }: ProgressOptions): Progress {
  let shown = false;
  const clear = () => {
    if (shown) write('\r\x1b[2K');
    shown = false;
  };
  return {
    status(text, plain = false) {
      if (tty) {
        write(`\r\x1b[2K${fit(text, Math.max(20, columns - 1))}`);
        shown = true;
      } else if (plain) write(`${text}\n`);
    },
    line(text) {
      clear();
      write(`${text}\n`);
    },
    clear,
  };
}

/** Wide (CJK) characters take two terminal columns. */
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

/** The longest start of `text` that fits in `columns` terminal columns: a longer line would wrap and break the rewrite. */
export function fit(text: string, columns: number): string {
  let used = 0;
  let out = '';
  for (const char of text) {
    used += WIDE.test(char) ? 2 : 1;
    if (used > columns) break;
    out += char;
  }
  return out;
}
