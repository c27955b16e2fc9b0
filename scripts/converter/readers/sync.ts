/**
 * The official-file libraries that only answer through promises (pdfjs-dist, word-extractor),
 * called synchronously: the pipeline is one synchronous function, on this thread or a converter
 * worker. The call is handed to one long-lived worker thread (extract-worker.ts) and this thread
 * waits on a shared flag (Atomics.wait) until the answer is posted. A file whose reading takes
 * more than its time budget (linear in its size) is given up with an error naming it; the worker
 * is then replaced, so a pathological file costs only itself.
 *
 * The budget is counted in the reader thread's CPU time, read from /proc (Linux): on a busy
 * machine a good file's wall time stretches many times over (one seed's PDF: 2.5 CPU s, 24 s of
 * wall time at a load average of 35), while a pathological one burns CPU whatever the load. The
 * thread's timers cannot do this count (pdf.js works in microtasks: no timer fires until it is
 * done). Wall time is the backstop: {@link WALL_FACTOR} times the budget, and the whole measure
 * where /proc cannot be read.
 */
import { readFileSync } from 'node:fs';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { SeedError } from '../errors.ts';
import { EXTRACTORS, type ExtractKind } from './extractors.ts';

export type { ExtractKind };

/** What the worker answers: the raw extraction, or a typed failure. */
export type Answer<T> = { ok: true; value: T } | { ok: false; code: string; message: string };

interface Reader {
  worker: Worker;
  port: MessagePort;
  /** The worker's OS thread id, which it writes here as it starts (0 until then). */
  tid: Int32Array;
}

let current: Reader | undefined;

function start(): Reader {
  const { port1, port2 } = new MessageChannel();
  const tid = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(new URL('./extract-worker.ts', import.meta.url), { workerData: { port: port2, tid }, transferList: [port2] });
  worker.unref();
  port1.unref();
  return { worker, port: port1, tid };
}

/** Clock ticks per second of /proc's times: 100 on every Linux this runs on (USER_HZ). */
const USER_HZ = 100;

/** CPU seconds the thread `tid` of this process has used, or undefined when /proc cannot say. */
export function threadCpuSeconds(tid: number): number | undefined {
  if (!tid) return undefined;
  try {
    const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'latin1');
    // Fields after the command name (which is in parentheses and may hold spaces): utime and stime are the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / USER_HZ;
  } catch {
    return undefined;
  }
}

/** The wall-time backstop, in budgets: for a reader stuck without using CPU, or where /proc is missing. */
export const WALL_FACTOR = 6;
/** How often the waiting thread looks at the reader's CPU time, in ms. */
const SLICE_MS = 200;

/** Seconds a file of `bytes` may take: 20 s plus 2 s per MiB (text PDFs read at well over 1 MiB/s). */
export function budget(bytes: number): number {
  return 20 + (2 * bytes) / 2 ** 20;
}

/**
 * Wait until the reader posts its answer; false when it used more than `seconds` of CPU (or
 * {@link WALL_FACTOR} times that of wall time, or of wall time alone where /proc cannot be read).
 */
function waitWithin(reader: Reader, signal: Int32Array, seconds: number): boolean {
  const started = performance.now();
  const cpuAtStart = threadCpuSeconds(Atomics.load(reader.tid, 0));
  for (;;) {
    if (Atomics.wait(signal, 0, 0, SLICE_MS) !== 'timed-out') return true;
    const wall = (performance.now() - started) / 1000;
    const cpu = threadCpuSeconds(Atomics.load(reader.tid, 0));
    // A reader started by this call writes its id once running: its CPU time so far is all this file's.
    const used = cpu === undefined ? wall : cpu - (cpuAtStart ?? 0);
    if (used > seconds || wall > seconds * WALL_FACTOR) return false;
  }
}

/**
 * Read `bytes` with the `kind` reader on the readers' thread, synchronously; a file that takes
 * more than `seconds` of the reader's CPU time (default: {@link budget} of its size) is a
 * `too-slow` error naming it.
 */
export function extractSync<T>(kind: ExtractKind, file: string, bytes: Uint8Array, seconds = budget(bytes.length)): T {
  if (!(kind in EXTRACTORS)) throw new Error(`no extractor for ${kind}`);
  current ??= start();
  const signal = new Int32Array(new SharedArrayBuffer(4));
  current.port.postMessage({ kind, bytes, signal });
  if (!waitWithin(current, signal, seconds)) {
    void current.worker.terminate();
    current = undefined;
    throw new SeedError('too-slow', file, `reading the ${kind} file took more than ${seconds.toFixed(seconds < 1 ? 2 : 0)} s of CPU time; it was given up`);
  }
  const answer = receiveMessageOnPort(current.port)?.message as Answer<T> | undefined;
  if (!answer) throw new Error(`the ${kind} reader answered nothing`);
  if (!answer.ok) {
    if (answer.code === 'crash') throw new Error(answer.message);
    throw new SeedError(answer.code, file, answer.message);
  }
  return answer.value;
}
