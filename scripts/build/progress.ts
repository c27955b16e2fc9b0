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
        const width = Math.max(20, columns - 1);
        write(`\r\x1b[2K${[...text].slice(0, width).join('')}`);
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
