/** A deflate thread of scripts/zip/deflate-pool.ts: raw DEFLATE (fflate) of each buffer it is sent. */
import { parentPort } from 'node:worker_threads';
import { deflateSync, type DeflateOptions } from 'fflate';

parentPort!.on('message', ({ id, data, level }: { id: number; data: Uint8Array; level: NonNullable<DeflateOptions['level']> }) => {
  const deflated = deflateSync(data, { level });
  parentPort!.postMessage({ id, deflated }, [deflated.buffer]);
});
