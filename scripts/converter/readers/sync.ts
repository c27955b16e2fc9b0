/**
 * The official-file libraries that only answer through promises (pdfjs-dist, word-extractor),
 * called synchronously: the pipeline is one synchronous function, on this thread or a converter
 * worker. The call is handed to one long-lived worker thread (extract-worker.ts) and this thread
 * waits on a shared flag (Atomics.wait) until the answer is posted. A file that takes longer
 * than its time budget (linear in its size) is given up with an error naming it; the worker is
 * then replaced, so a pathological file costs only itself.
 */
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { SeedError } from '../errors.ts';
import { EXTRACTORS, type ExtractKind } from './extractors.ts';

export type { ExtractKind };

/** What the worker answers: the raw extraction, or a typed failure. */
export type Answer<T> = { ok: true; value: T } | { ok: false; code: string; message: string };

let current: { worker: Worker; port: MessagePort } | undefined;

function start(): { worker: Worker; port: MessagePort } {
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(new URL('./extract-worker.ts', import.meta.url), { workerData: { port: port2 }, transferList: [port2] });
  worker.unref();
  port1.unref();
  return { worker, port: port1 };
}

/** Seconds a file of `bytes` may take: 20 s plus 2 s per MiB (text PDFs read at well over 1 MiB/s). */
export function budget(bytes: number): number {
  return 20 + (2 * bytes) / 2 ** 20;
}

export function extractSync<T>(kind: ExtractKind, file: string, bytes: Uint8Array): T {
  if (!(kind in EXTRACTORS)) throw new Error(`no extractor for ${kind}`);
  current ??= start();
  const signal = new Int32Array(new SharedArrayBuffer(4));
  current.port.postMessage({ kind, bytes, signal });
  const waited = Atomics.wait(signal, 0, 0, budget(bytes.length) * 1000);
  if (waited === 'timed-out') {
    void current.worker.terminate();
    current = undefined;
    throw new SeedError('too-slow', file, `reading the ${kind} file took longer than ${budget(bytes.length).toFixed(0)} s; it was given up`);
  }
  const answer = receiveMessageOnPort(current.port)?.message as Answer<T> | undefined;
  if (!answer) throw new Error(`the ${kind} reader answered nothing`);
  if (!answer.ok) {
    if (answer.code === 'crash') throw new Error(answer.message);
    throw new SeedError(answer.code, file, answer.message);
  }
  return answer.value;
}
