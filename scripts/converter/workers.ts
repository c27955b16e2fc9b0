/**
 * Seeds converted on worker threads (`convertAllParallel` in run.ts): a pool of workers, each
 * running `serve` (worker.ts) and converting one seed at a time in its own error boundary
 * (`attempt`). Seeds are handed out in file order, at most two waiting per worker, so a slow
 * seed holds up only its own worker. Only the seed's bytes go in and only its outputs and a
 * summary come back (the model itself would cost as much to copy as to serialise again).
 */
import { parentPort, Worker } from 'node:worker_threads';
import type { ManifestEntry } from '../model/manifest.ts';
import { attempt, type Attempt, type Convert } from './attempt.ts';

interface Job {
  id: number;
  file: string;
  bytes: Uint8Array;
  manifest?: ManifestEntry;
}

/** What a worker answers for a job. */
interface Answer {
  id: number;
  result: Attempt;
}

/** The body of a worker thread: convert each seed it is sent with `convert`, answer in order. */
export function serve(convert: Convert): void {
  if (!parentPort) throw new Error('serve: not in a worker thread');
  const port = parentPort;
  const utf8 = new TextEncoder();
  port.on('message', (job: Job) => {
    const result = attempt(convert, job.file, job.bytes, job.manifest, false);
    if (result.kind !== 'converted') return port.postMessage({ id: job.id, result } satisfies Answer);
    // Encoded here, once, as writing them would: the bytes move to the main thread without a copy.
    const mdx = utf8.encode(result.mdx as string);
    const json = utf8.encode(result.json as string);
    port.postMessage({ id: job.id, result: { ...result, mdx, json } } satisfies Answer, [mdx.buffer, json.buffer]);
  });
}

interface Slot {
  worker: Worker;
  busy: Map<number, { job: Job; resolve: (result: Attempt) => void }>;
  alive: boolean;
}

export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: { job: Job; resolve: (result: Attempt) => void }[] = [];
  private next = 0;

  /** Converts in this thread what no worker is left to take. */
  private readonly fallback: Convert;

  constructor(url: URL, size: number, fallback: Convert) {
    this.fallback = fallback;
    for (let i = 0; i < size; i++) {
      const slot: Slot = { worker: new Worker(url), busy: new Map(), alive: true };
      slot.worker.on('message', (answer: Answer) => {
        const task = slot.busy.get(answer.id);
        slot.busy.delete(answer.id);
        task?.resolve(answer.result);
        this.pump();
      });
      let reason = '';
      slot.worker.on('error', (error) => (reason = `${error.name}: ${error.message}`));
      slot.worker.on('exit', (code) => {
        slot.alive = false;
        // A worker that dies (out of memory, a crash outside the boundary) costs the seeds it held.
        const what = `Error: the worker thread converting it stopped (${reason || `exit code ${code}`})`;
        for (const task of slot.busy.values()) task.resolve({ kind: 'crashed', what, step: 'convert' });
        slot.busy.clear();
        this.pump();
      });
      this.slots.push(slot);
    }
  }

  convert(file: string, bytes: Uint8Array, manifest?: ManifestEntry): Promise<Attempt> {
    return new Promise((resolve) => {
      this.queue.push({ job: { id: this.next++, file, bytes, ...(manifest ? { manifest } : {}) }, resolve });
      this.pump();
    });
  }

  /** Hand queued seeds to workers with room, in order; with no worker left, convert them here. */
  private pump(): void {
    const live = this.slots.filter((s) => s.alive);
    if (!live.length) {
      for (const { job, resolve } of this.queue.splice(0)) resolve(attempt(this.fallback, job.file, job.bytes, job.manifest, true));
      return;
    }
    while (this.queue.length) {
      const slot = live.reduce((a, b) => (b.busy.size < a.busy.size ? b : a));
      if (slot.busy.size >= 2) return;
      const task = this.queue.shift()!;
      slot.busy.set(task.job.id, task);
      slot.worker.postMessage(task.job);
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
