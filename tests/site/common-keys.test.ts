/**
 * The rule that keeps the cross-links linear (src/lib/common-keys.ts): a key held by more than
 * COMMON_KEY_REPORTS reports — a cited document, a heading's phrase, a country — does not
 * relate them, as a stop-word does not make two texts similar. Pinned on copies of a report of
 * the pinned corpus and on constructed key sets.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { built, contentDir } from '../pinned.ts';
import { readModelFile } from '../../scripts/model/load.ts';
import type { Report } from '../../scripts/model/schema.ts';
import { COMMON_KEY_REPORTS } from '../../src/lib/common-keys.ts';
import { buildCrossLinks } from '../../src/lib/crosslinks.ts';
import { MAX_RELATED, relatedReports, type KeyFn } from '../../src/lib/related.ts';
import { MAX_SAME_TOPIC, topicIndex } from '../../src/lib/topics.ts';

const base = readModelFile(join(built(contentDir), 'data', 'a-74-36.json')).report;
/** `n` copies of A/74/36, each its own report (`copy-001`, symbol `A/74/36/Add.1` …). */
const copies = (n: number): Report[] =>
  Array.from({ length: n }, (_, i) => {
    const k = String(i + 1).padStart(3, '0');
    return { ...base, slug: `copy-${k}`, meta: { ...base.meta, symbol: `A/74/36/Add.${i + 1}` } };
  });

test('copies of one report, as many as the rule allows, are each related to five of them by documents, topics and countries', () => {
  const links = buildCrossLinks(copies(COMMON_KEY_REPORTS));
  const related = links.related.get('copy-050')!;
  assert.equal(related.length, MAX_RELATED);
  assert.deepEqual(
    related.map((r) => r.shared.map((s) => s.name)),
    Array.from({ length: MAX_RELATED }, () => ['documents', 'topics', 'countries']),
  );
  // 普遍定期审议 is the heading of one section of A/74/36: the 99 other copies have it.
  const upr = links.sameTopic.get('copy-050#h-2-a-3')!;
  assert.equal(upr.total, COMMON_KEY_REPORTS - 1);
  assert.equal(upr.shown.length, MAX_SAME_TOPIC);
  assert.deepEqual(upr.shown[0]!.phrases, ['普遍定期审议']);
  assert.equal(links.commonKeys.size, 0);
});

test('one copy more and every key is held by too many reports: nothing relates them, no heading is a topic', () => {
  const reports = copies(COMMON_KEY_REPORTS + 1);
  const links = buildCrossLinks(reports);
  const listed = [...links.related.values()].reduce((n, list) => n + list.length, 0);
  assert.equal(listed, 0, `${listed} related reports listed`);
  assert.equal(links.sameTopic.size, 0);
  assert.deepEqual(
    topicIndex(reports).map((t) => t.phrase),
    [],
  );
  // What the page says was not counted: the cited documents and the countries (a heading phrase
  // that common is no topic at all, so it is not among them).
  const common = links.commonKeys.get('copy-001')!;
  assert.deepEqual(
    common.map((s) => s.name),
    ['documents', 'countries'],
  );
  assert.ok(common[0]!.keys.includes('S/RES/1244(1999)'));
  assert.ok(common[1]!.keys.includes('墨西哥'));
});

/** Reports `r-000` … with the keys `keysOf(i)`, under one key function. */
function keyed(n: number, keysOf: (i: number) => string[]): { reports: Report[]; fn: KeyFn } {
  const reports = copies(n).map((r, i) => ({ ...r, slug: `r-${String(i).padStart(3, '0')}` }));
  const sets = new Map(reports.map((r, i) => [r.slug, new Set(keysOf(i))]));
  return { reports, fn: { name: 'keys', label: '共同的键', weight: 1, keys: (r) => sets.get(r.slug)! } };
}

test('a key every report has neither counts nor is listed as shared; the rarer keys still relate their holders', () => {
  const n = COMMON_KEY_REPORTS + 20;
  // Every report has 人权; reports 2k and 2k + 1 share 对-k.
  const { reports, fn } = keyed(n, (i) => ['人权', `对-${Math.floor(i / 2)}`]);
  const related = relatedReports(reports, [fn]);
  assert.deepEqual(
    (related.get('r-006') ?? []).map((r) => [r.slug, r.score, r.shared[0]!.keys]),
    [['r-007', 1, ['对-3']]],
  );
  for (const list of related.values()) assert.equal(list.length, 1);
});

test('a key held by exactly the bound still relates its holders, and each list stops at five', () => {
  const { reports, fn } = keyed(COMMON_KEY_REPORTS, () => ['人权']);
  const related = relatedReports(reports, [fn]);
  assert.deepEqual(
    related.get('r-000')!.map((r) => r.slug),
    ['r-001', 'r-002', 'r-003', 'r-004', 'r-005'],
  );
  for (const list of related.values()) assert.equal(list.length, MAX_RELATED);
});
