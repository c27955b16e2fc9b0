/**
 * The page comparison against Starlight (scripts/bench/page-compare.ts): which report pages it
 * loads, and how a Chrome trace becomes "main-thread CPU until first paint".
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { cpuToFirstPaint, pickReports } from '../../scripts/bench/page-compare.ts';

test('the largest, a median and the smallest report page are compared', () => {
  const dist = mkdtempSync(join(tmpdir(), 'page-compare-'));
  try {
    mkdirSync(join(dist, 'reports'));
    for (const [slug, size] of [
      ['a', 30],
      ['b', 10],
      ['c', 50],
      ['d', 20],
      ['e', 40],
    ] as const)
      writeFileSync(join(dist, 'reports', `${slug}.html`), 'x'.repeat(size));
    writeFileSync(join(dist, 'reports', 'notes.txt'), 'x'.repeat(99));
    assert.deepEqual(pickReports(dist), [
      { which: 'largest', slug: 'c' },
      { which: 'median', slug: 'a' },
      { which: 'smallest', slug: 'b' },
    ]);
  } finally {
    rmSync(dist, { recursive: true, force: true });
  }
});

test('CPU to first paint counts the painting thread’s tasks since its last navigation, in thread time', () => {
  const task = (ts: number, tdur: number, tid = 1, pid = 7) => ({ name: 'RunTask', ph: 'X', pid, tid, ts, dur: tdur * 3, tdur });
  const events = [
    { name: 'navigationStart', ph: 'R', pid: 7, tid: 1, ts: 0 },
    task(10, 999), // before the page's own navigation (about:blank)
    { name: 'navigationStart', ph: 'R', pid: 7, tid: 1, ts: 100 },
    task(200, 4000),
    task(300, 6000),
    task(300, 5000, 2), // another thread
    task(300, 5000, 1, 8), // another process
    { name: 'firstContentfulPaint', ph: 'R', pid: 7, tid: 1, ts: 500 },
    task(600, 9000), // after the paint
  ];
  assert.equal(cpuToFirstPaint(events), 10);
  assert.throws(() => cpuToFirstPaint(events.filter((e) => e.name !== 'firstContentfulPaint')), /no firstContentfulPaint/);
  // A trace that missed the thread's tasks (tracing reached the renderer late) is not a 0 ms page.
  assert.throws(() => cpuToFirstPaint(events.filter((e) => e.name !== 'RunTask' || e.ts > 500)), /no task of the painting thread/);
});
