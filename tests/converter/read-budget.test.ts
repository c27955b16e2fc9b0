/**
 * The official-file readers' time budget (scripts/converter/readers/sync.ts) is counted in the
 * reader thread's CPU time, so a busy machine does not turn a good file into a `too-slow` one,
 * while a file that really costs more than its budget is still given up by name.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { extractSync, threadCpuSeconds } from '../../scripts/converter/readers/sync.ts';
import { SeedError } from '../../scripts/converter/errors.ts';

const damagedPdf = new TextEncoder().encode('%PDF-1.7\n1 0 obj << /Type /Catalog >>\n%%EOF garbage');

test("a thread's CPU time is read from /proc and grows with its work, not with waiting", () => {
  const tid = Number(readFileSync('/proc/thread-self/stat', 'latin1').split(' ', 1)[0]);
  const cpu = () => {
    const { user, system } = process.threadCpuUsage();
    return (user + system) / 1e6;
  };
  const before = threadCpuSeconds(tid)!;
  const start = cpu();
  while (cpu() - start < 0.4); // busy for 0.4 s of this thread's CPU, however long that takes on a loaded machine
  const busy = threadCpuSeconds(tid)! - before;
  assert.ok(busy >= 0.35 && busy < 0.6, `busy for 0.4 s of CPU, /proc counted ${busy} s`);
  const idle = threadCpuSeconds(tid)!;
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 400); // asleep
  assert.ok(threadCpuSeconds(tid)! - idle < 0.1, 'sleeping counts no CPU time');
  assert.equal(threadCpuSeconds(0), undefined);
});

test('a read that uses more CPU time than its budget is given up naming the file; the next read gets a new reader', () => {
  assert.throws(
    () => extractSync('pdf', 'seeds/slow.pdf', damagedPdf, 0.001),
    (e: unknown) => e instanceof SeedError && e.code === 'too-slow' && /seeds\/slow\.pdf/.test(e.message) && /CPU time/.test(e.message),
  );
  // The reader was replaced: the same bytes with the default budget are read and found damaged.
  assert.throws(
    () => extractSync('pdf', 'seeds/broken.pdf', damagedPdf),
    (e: unknown) => e instanceof SeedError && e.code === 'damaged',
  );
});
