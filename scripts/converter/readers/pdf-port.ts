/**
 * pdf.js's two halves (the API side that pdf-extract.ts calls and the worker side that parses the
 * PDF) joined in this thread without copying what they say to each other.
 *
 * In Node, pdf.js runs its worker side in the same thread and joins the two with a port that
 * copies every message (`structuredClone`): each page's text, each operator list (asked for the
 * fonts' names), each font. On the bench's PDFs that copying was 11–14% of the profile, and
 * reading took a fifth less CPU time without it (docs/input-formats.md, "Speed"). Through
 * pdf.js's own `PDFWorker({ port })` and the worker side's `WorkerMessageHandler.initializeFromPort`,
 * this port hands each message over as it is, later and in the order posted, as pdf.js's does.
 *
 * One copy is kept: a stream's chunk, one level deep. The worker side reuses a chunk's object and
 * arrays once it has posted it (the text content's `items` are replaced, the operator list's
 * arrays emptied in place), so the chunk is copied as it is posted (without that copy the
 * bench's PDFs read other text: tests/converter/pdf-port.test.ts). Nothing else a side posts is
 * touched again; the format tests read every producer's PDFs through this port.
 */
import type { PDFWorker as PdfWorker } from 'pdfjs-dist/legacy/build/pdf.mjs';

type Listener = (event: { data: unknown }) => void;

/** A message of pdf.js's message handler: a stream's chunk sits under `chunk`. */
interface Message {
  chunk?: unknown;
  [field: string]: unknown;
}

/** The chunk's own fields, arrays among them copied. */
function snapshot(chunk: object): object {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(chunk)) out[key] = Array.isArray(value) ? value.slice() : value;
  return out;
}

/** Both sides' end of the line, as pdf.js's `LoopbackPort`, without its `structuredClone`. */
export class SharedPort {
  #listeners = new Set<Listener>();
  #deferred = Promise.resolve();

  postMessage(message: Message): void {
    const data = message && typeof message.chunk === 'object' && message.chunk ? { ...message, chunk: snapshot(message.chunk) } : message;
    void this.#deferred.then(() => {
      for (const listener of this.#listeners) listener.call(this, { data });
    });
  }

  addEventListener(_type: 'message', listener: Listener): void {
    this.#listeners.add(listener);
  }

  removeEventListener(_type: 'message', listener: Listener): void {
    this.#listeners.delete(listener);
  }

  terminate(): void {
    this.#listeners.clear();
  }
}

let workerSide: typeof import('pdfjs-dist/legacy/build/pdf.worker.mjs') | undefined;

/**
 * A pdf.js worker for one document, its worker side in this thread behind a {@link SharedPort}.
 * `release` detaches both sides once the document is destroyed.
 */
export async function sharedWorker(pdfjs: typeof import('pdfjs-dist/legacy/build/pdf.mjs')): Promise<{ worker: PdfWorker; release: () => void }> {
  workerSide ??= await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
  const port = new SharedPort();
  workerSide.WorkerMessageHandler.initializeFromPort(port);
  // Errors only, as the document is opened with (the worker side takes its verbosity from here).
  const worker = new pdfjs.PDFWorker({ port: port as unknown as null, verbosity: pdfjs.VerbosityLevel.ERRORS });
  return {
    worker,
    release: () => {
      worker.destroy();
      port.terminate();
    },
  };
}
