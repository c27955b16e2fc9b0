/**
 * The worker thread behind sync.ts: runs the promise-based libraries and posts what they read,
 * as plain data. No analysis here: the layout is read by pdf.ts and doc.ts, in the converter's
 * module graph (and so in its cache key).
 */
import { readFileSync } from 'node:fs';
import { workerData, type MessagePort } from 'node:worker_threads';
import { EXTRACTORS, type ExtractKind } from './extractors.ts';
import type { Answer } from './sync.ts';

// pdf.js (5.x) inflates every compressed content stream and font program through the platform's
// DecompressionStream when there is one: in Node each call goes through web streams and zlib's
// thread pool, which for a report's hundreds of small streams costs more than the inflating
// (docs/input-formats.md, "Speed"). When the stream cannot be made, pdf.js inflates with its own
// synchronous decoder, as it did before; the text read is the same. pdf.js tries once per stream
// (a Chromium PDF's Type 3 glyphs are thousands of streams), so the attempt fails at once on a
// value made here once: without the class, each try built a ReferenceError with its stack (a
// twentieth of the reading time). Only this thread is affected: it runs the readers and nothing else.
const NOT_HERE = Symbol("no DecompressionStream in the readers' thread");
(globalThis as { DecompressionStream?: unknown }).DecompressionStream = class {
  constructor() {
    throw NOT_HERE;
  }
};

const { port, tid } = workerData as { port: MessagePort; tid: Int32Array };
// This thread's OS id, from /proc/thread-self (Linux), so the waiting thread can read its CPU time (sync.ts).
try {
  Atomics.store(tid, 0, Number(readFileSync('/proc/thread-self/stat', 'latin1').split(' ', 1)[0]));
} catch {
  // No /proc: the waiting thread counts wall time instead.
}
port.on('message', async (job: { kind: ExtractKind; bytes: Uint8Array; signal: Int32Array }) => {
  let answer: Answer<unknown>;
  try {
    answer = { ok: true, value: await EXTRACTORS[job.kind](job.bytes) };
  } catch (error) {
    const e = error as { code?: string; message?: string };
    answer =
      typeof e.code === 'string' && e.code !== 'crash'
        ? { ok: false, code: e.code, message: e.message ?? String(error) }
        : { ok: false, code: 'crash', message: String((error as Error)?.stack ?? error) };
  }
  port.postMessage(answer);
  Atomics.store(job.signal, 0, 1);
  Atomics.notify(job.signal, 0);
});
