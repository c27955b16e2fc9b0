/** Search shards and the build cache: a build after one report changed indexes one shard again. */
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, test } from 'node:test';
import { createHash } from 'node:crypto';
import { buildCache, cacheKey } from '../../scripts/util/cache.ts';
import { groupByShard, SHARD_BYTES, shardCount, shardOf } from '../../scripts/search/shards.ts';

const MAX_SHARDS = 8;
import { indexSite } from '../../scripts/search/pagefind.ts';
import { citationsOf, documentRecords, documentRecordsOf, documentsSlug, eachReport, readReports } from '../../scripts/search/records.ts';
import { indexingSeconds, shardBytesFrom } from '../../scripts/tasks/search.ts';
import { pinnedContent } from '../helpers.ts';

const seedSlugs = readdirSync(join(pinnedContent(), 'reports'))
  .map((f) => f.replace(/\.mdx$/, ''))
  .sort();

/** Every file under `dir` with its SHA-256, by relative path. */
function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const path = join(e.parentPath, e.name);
    out[relative(dir, path)] = createHash('sha256').update(readFileSync(path)).digest('hex');
  }
  return out;
}

describe('search shards', () => {
  test('a report’s shard depends on its slug alone, and every shard number is in range', () => {
    const slugs = [...seedSlugs, ...Array.from({ length: 200 }, (_, i) => `synthetic-${String(i).padStart(4, '0')}`)];
    const shards = slugs.map((s) => shardOf(s, MAX_SHARDS));
    assert.deepEqual(
      shards,
      slugs.map((s) => shardOf(s, MAX_SHARDS)),
    );
    assert.ok(shards.every((n) => Number.isInteger(n) && n >= 0 && n < MAX_SHARDS));
    assert.equal(new Set(shards).size, MAX_SHARDS, '200 slugs fill all 8 shards');
    // Grouping keeps each item once, in the order given, and adding a report moves no other.
    const grouped = groupByShard(slugs, (s) => s, MAX_SHARDS);
    assert.deepEqual(grouped.flat().sort(), [...slugs].sort());
    const more = groupByShard([...slugs, 'a-new-report'], (s) => s, MAX_SHARDS);
    grouped.forEach((g, i) =>
      assert.deepEqual(
        more[i]!.filter((s) => s !== 'a-new-report'),
        g,
      ),
    );
  });

  test('a corpus gets the fewest shards (a power of two, at least 2) that keep each under the byte budget, whatever its size', () => {
    const corpus = (reports: number, bytes: number) =>
      new Map(Array.from({ length: reports }, (_, i) => [`synthetic-${String(i).padStart(5, '0')}`, bytes] as const));
    // 50 KB a report, the synthetic reports’ average: 100 of them fit in 2 shards, 1000 need 8, 10 000 need 64.
    assert.deepEqual(
      [0, 4, 100, 1000, 10_000].map((n) => shardCount(corpus(n, 50_000))),
      [2, 2, 2, 8, 64],
    );
    for (const n of [100, 1000, 10_000]) {
      const sizes = corpus(n, 50_000);
      const count = shardCount(sizes);
      const bytes = groupByShard([...sizes.keys()], (s) => s, count).map((g) => g.length * 50_000);
      assert.ok(Math.max(...bytes) <= SHARD_BYTES, `${n} reports: every shard under the budget`);
      if (count > 2) {
        const half = groupByShard([...sizes.keys()], (s) => s, count / 2).map((g) => g.length * 50_000);
        assert.ok(Math.max(...half) > SHARD_BYTES, `${n} reports: half as many shards would not do`);
      }
    }
    // A report larger than the budget (the document pages grow with the corpus) is indexed with
    // at most a budget's worth of others: it does not make the count double until it is alone.
    const huge = new Map([['huge', SHARD_BYTES * 3], ...corpus(100, 50_000)]);
    assert.equal(shardCount(huge), 2);
    const big = new Map([['huge', SHARD_BYTES * 3], ...corpus(1000, 50_000)]);
    const count = shardCount(big);
    assert.equal(count, 8);
    for (const group of groupByShard([...big.keys()], (s) => s, count))
      assert.ok(group.filter((s) => s !== 'huge').length * 50_000 <= SHARD_BYTES, 'each shard under the budget besides its largest report');
  });
});

describe('the index read one report at a time', () => {
  test('the document pages’ records from reports read one at a time, keeping only their citations, are those of the whole corpus', () => {
    const all = readReports(pinnedContent());
    const one = [...eachReport(pinnedContent())].map(citationsOf);
    assert.ok(one.every((r) => r.report.blocks.length === 0 && r.cited.every((d) => d.citations.every((c) => c.sentence === ''))));
    const records = documentRecords(all);
    assert.ok(records.length > 100);
    assert.deepEqual(documentRecordsOf(one), records);
  });

  test('the search step’s indexing time leaves out its wait for Astro, and a maintainer can give shards more memory', () => {
    assert.equal(indexingSeconds({ seconds: 300, detail: '7000 blocks in 700 chunks, 8 shards (8 indexed, 0 unchanged); waited for astro 240.5 s' }), 59.5);
    assert.equal(indexingSeconds({ seconds: 12, detail: '720 blocks in 31 chunks, 2 shards (2 indexed, 0 unchanged)' }), 12);
    assert.deepEqual(shardBytesFrom({}), {});
    assert.deepEqual(shardBytesFrom({ SEARCH_SHARD_MB: '40' }), { shardBytes: 40e6 });
    assert.throws(() => shardBytesFrom({ SEARCH_SHARD_MB: 'lots' }), /SEARCH_SHARD_MB=lots/);
  });
});

describe('build cache', () => {
  test('an entry is found by its key, --force ignores what earlier builds stored, and prune keeps only what the build used', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cache-'));
    try {
      const first = buildCache(dir);
      const a = cacheKey('a');
      assert.equal(first.lookup(a), undefined);
      await first.store(a, (path) => writeFileSync(path, 'A'));
      await first.store(cacheKey('b'), (path) => writeFileSync(path, 'B'));
      await first.prune();
      // Each entry with its seal (its SHA-256, checked on every lookup).
      assert.deepEqual(readdirSync(dir).sort(), [a, `${a}.sha256`, cacheKey('b'), `${cacheKey('b')}.sha256`].sort());

      const second = buildCache(dir);
      assert.equal(readFileSync(second.lookup(a)!, 'utf8'), 'A');
      await second.prune();
      assert.deepEqual(readdirSync(dir).sort(), [a, `${a}.sha256`], 'b was not used by the second build');

      const forced = buildCache(dir, { force: true });
      assert.equal(forced.lookup(a), undefined);
      await forced.store(a, (path) => writeFileSync(path, 'A again'));
      assert.equal(readFileSync(forced.lookup(a)!, 'utf8'), 'A again', 'what a forced build stored itself is found');
      assert.notEqual(cacheKey('ab', 'c'), cacheKey('a', 'bc'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('without a folder, entries live in a throwaway folder that release removes', async () => {
    const cache = buildCache(undefined);
    const path = await cache.store(cacheKey('t'), (p) => writeFileSync(p, 'T'));
    assert.equal(readFileSync(path, 'utf8'), 'T');
    assert.equal(cache.lookup(cacheKey('t')), undefined, 'nothing is kept between builds');
    cache.release();
    assert.equal(existsSync(path), false);
  });

  test('a failed entry leaves nothing behind under its key', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cache-'));
    try {
      const cache = buildCache(dir);
      await assert.rejects(
        cache.store(cacheKey('x'), (path) => {
          mkdirSync(path);
          throw new Error('indexing failed');
        }),
        /indexing failed/,
      );
      assert.equal(buildCache(dir).lookup(cacheKey('x')), undefined);
      assert.deepEqual(readdirSync(dir), []);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('sharded Pagefind index', () => {
  test('a rebuild after one report changed indexes only its shard; the output is the same bytes as a cold build', { timeout: 120_000 }, async () => {
    const work = mkdtempSync(join(tmpdir(), 'pagefind-shards-'));
    try {
      const content = join(work, 'content');
      cpSync(pinnedContent(), content, { recursive: true });
      const cacheDir = join(work, 'cache');
      const cold = await indexSite(join(work, 'a'), content, { cacheDir });
      // Four reports: two shards, both used (one with the document pages).
      assert.deepEqual(cold, { records: 720, chunks: 31, shards: 2, built: 2 });
      const list = JSON.parse(readFileSync(join(work, 'a', 'pagefind', 'shards.json'), 'utf8')) as string[];
      const used = [...new Set([...seedSlugs, documentsSlug].map((s) => shardOf(s, 2)))].sort((x, y) => x - y);
      assert.deepEqual(
        list,
        used.slice(1).map((n) => `${n}/`),
        'the primary is the lowest shard, the others are listed',
      );
      for (const d of list)
        assert.deepEqual(
          readdirSync(join(work, 'a', 'pagefind', d)).filter((f) => f.endsWith('.js') || f.startsWith('wasm.')),
          [],
          'no runtime in a merged shard',
        );

      const warm = await indexSite(join(work, 'b'), content, { cacheDir });
      assert.equal(warm.built, 0);
      assert.deepEqual(tree(join(work, 'b')), tree(join(work, 'a')));

      // One report changes: its shard is indexed again, the others are copied unchanged.
      const slug = 'a-74-36';
      const data = join(content, 'data', `${slug}.json`);
      // A paragraph's text (not a title or a citation, which the document pages' records show).
      const model = JSON.parse(readFileSync(data, 'utf8'));
      model.blocks.find((b: { type: string }) => b.type === 'paragraph').content.push({ type: 'text', value: '（改）' });
      writeFileSync(data, JSON.stringify(model));
      const changed = await indexSite(join(work, 'c'), content, { cacheDir });
      assert.equal(changed.built, 1);
      const before = tree(join(work, 'a'));
      const after = tree(join(work, 'c'));
      const shardDirOf = (file: string) => list.find((d) => file.startsWith(`pagefind/${d}`)) ?? '';
      const mine = shardOf(slug, 2) === used[0] ? '' : `${shardOf(slug, 2)}/`;
      const changedFiles = Object.keys(after).filter((f) => before[f] !== after[f]);
      assert.ok(changedFiles.length > 0);
      assert.deepEqual(
        changedFiles.filter((f) => shardDirOf(f) !== mine),
        [],
        'only the changed report’s shard differs',
      );

      const forced = await indexSite(join(work, 'd'), content, { cacheDir, force: true });
      assert.equal(forced.built, 2);
      assert.deepEqual(tree(join(work, 'd')), after);
      assert.ok(!existsSync(join(work, 'd', 'pagefind', 'pagefind-ui.js')));
    } finally {
      rmSync(join(work), { recursive: true, force: true });
    }
  });
});
