/**
 * The flush set (scripts/util/atomic.ts): what a build wrote reaches the disk before the build
 * reports success, flushed together at the end, or, for a cache filled while the build goes on
 * (the zip's deflated entries), partly ahead. The fsyncs are recorded through the `sync` seam:
 * what is flushed, when, and how many at once.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { flushSet } from '../../scripts/util/atomic.ts';

/** A `sync` that records each path and finishes only when told, so a test sees what is in flight. */
function recordingSync() {
  const calls: string[] = [];
  const waiting: (() => void)[] = [];
  let inFlight = 0;
  let most = 0;
  const sync = (path: string) => {
    calls.push(path);
    most = Math.max(most, ++inFlight);
    return new Promise<void>((resolve) => waiting.push(() => (inFlight--, resolve())));
  };
  /** Finishes every fsync in flight, then lets the set start the next ones. */
  const finish = async () => {
    for (const done of waiting.splice(0)) done();
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { sync, calls, finish, most: () => most };
}

test('without ahead, nothing is flushed until flush(), which flushes every file and then their folders', { timeout: 5000 }, async () => {
  const r = recordingSync();
  const set = flushSet({ sync: r.sync });
  set.add('/c/a');
  set.add('/c/b');
  await new Promise((resolve) => setImmediate(resolve));
  assert.deepEqual(r.calls, []);
  let flushed = false;
  const flushing = set.flush().then(() => (flushed = true));
  while (!flushed) await r.finish();
  await flushing;
  assert.deepEqual(r.calls, ['/c/a', '/c/b', '/c']);
});

test(
  'with ahead, files are flushed as they are added, at most that many at once; flush() waits for those in flight and flushes only what is left, then the folders',
  { timeout: 5000 },
  async () => {
    const r = recordingSync();
    const set = flushSet({ ahead: 2, sync: r.sync });
    for (const name of ['a', 'b', 'c', 'd', 'e']) set.add(`/c/${name}`);
    assert.deepEqual(r.calls, ['/c/a', '/c/b'], 'two at once, as they come');
    await r.finish();
    assert.deepEqual(r.calls, ['/c/a', '/c/b', '/c/c', '/c/d']);
    // c and d are in flight, e is queued: flush() waits for c and d, and flushes e itself.
    let flushed = false;
    const flushing = set.flush().then(() => (flushed = true));
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(flushed, false, 'flush() waits for the fsyncs in flight');
    while (!flushed) await r.finish();
    assert.deepEqual(r.calls, ['/c/a', '/c/b', '/c/c', '/c/d', '/c/e', '/c']);
    assert.equal(r.most(), 2);
    await flushing;
  },
);

test('with ahead, a file added again after its fsync began (rewritten since) is flushed again by flush()', { timeout: 5000 }, async () => {
  const r = recordingSync();
  const set = flushSet({ ahead: 1, sync: r.sync });
  set.add('/c/entry');
  assert.deepEqual(r.calls, ['/c/entry']);
  // Rewritten while its first fsync is in flight.
  set.add('/c/entry');
  let flushed = false;
  const flushing = set.flush().then(() => (flushed = true));
  while (!flushed) await r.finish();
  await flushing;
  assert.deepEqual(r.calls, ['/c/entry', '/c/entry', '/c']);
});
