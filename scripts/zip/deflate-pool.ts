/**
 * Deflating on worker threads. fflate is JavaScript, so one thread compresses one file at a
 * time; the offline zip of a cold build deflates every file of the site (34 MB at 100 reports),
 * and the machine's other cores would sit idle. The output is fflate's, byte for byte: each
 * file is still deflated on its own, only on another thread.
 *
 * The threads are started on first use and do not keep the process alive while idle (they are
 * `unref`ed whenever no job is waiting), so nobody has to close the pool.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { DeflateOptions } from 'fflate';

export type DeflateLevel = NonNullable<DeflateOptions['level']>;

export interface DeflatePool {
  /** The raw DEFLATE stream of `data` (a copy of it goes to a thread; `data` stays as it is). */
  deflate(data: Uint8Array, level: DeflateLevel): Promise<Uint8Array<ArrayBuffer>>;
}

const WORKER = new URL('./deflate-worker.ts', import.meta.url);

export function deflatePool(threads = Math.max(1, Math.min(4, availableParallelism()))): DeflatePool {
  const workers: { worker: Worker; busy: number }[] = [];
  const waiting = new Map<number, { resolve(deflated: Uint8Array<ArrayBuffer>): void; reject(error: Error): void; on: (typeof workers)[number] }>();
  let next = 0;
  const start = () => {
    // No flags of the parent's (an --input-type or --import is not for this file).
    const slot = { worker: new Worker(WORKER, { execArgv: [] }), busy: 0 };
    slot.worker.on('message', ({ id, deflated }: { id: number; deflated: Uint8Array<ArrayBuffer> }) => {
      const job = waiting.get(id)!;
      waiting.delete(id);
      if (--slot.busy === 0) slot.worker.unref();
      job.resolve(deflated);
    });
    slot.worker.on('error', (error) => {
      // A thread that died fails its jobs; the next job starts a new one in its place.
      workers.splice(workers.indexOf(slot), 1);
      for (const [id, job] of waiting) if (job.on === slot) (waiting.delete(id), job.reject(error));
    });
    workers.push(slot);
    return slot;
  };
  return {
    deflate(data, level) {
      // The least busy thread, or a new one while there are fewer than `threads`.
      const idle = workers.find((w) => w.busy === 0);
      const slot = idle ?? (workers.length < threads ? start() : workers.reduce((a, b) => (b.busy < a.busy ? b : a)));
      const id = next++;
      if (slot.busy++ === 0) slot.worker.ref();
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject, on: slot });
        // A copy is handed over (transferred, not cloned again): the caller keeps its bytes.
        const copy = new Uint8Array(data); // (not `slice`: a Buffer's slice is a view)
        slot.worker.postMessage({ id, data: copy, level }, [copy.buffer]);
      });
    },
  };
}
