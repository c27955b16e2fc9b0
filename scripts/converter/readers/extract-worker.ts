/**
 * The worker thread behind sync.ts: runs the promise-based libraries and posts what they read,
 * as plain data. No analysis here: the layout is read by pdf.ts and doc.ts, in the converter's
 * module graph (and so in its cache key).
 */
import { workerData, type MessagePort } from 'node:worker_threads';
import { EXTRACTORS, type ExtractKind } from './extractors.ts';
import type { Answer } from './sync.ts';

const port = (workerData as { port: MessagePort }).port;
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
