/** Search records, the shared text rules, both indexes and the offline zip, on the real content. */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync, readdirSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import MiniSearch from 'minisearch';
import { unzipSync } from 'fflate';
import { allRecords, readReports } from '../../scripts/search/records.ts';
import { searchText } from '../../scripts/search/text.ts';
import { buildOfflineIndex, shardRecords, shardScript, writeOfflineIndex } from '../../scripts/search/offline.ts';
import { SEARCH_SHARDS, shardOf } from '../../scripts/search/shards.ts';
import { indexSite, pagefindRecord } from '../../scripts/search/pagefind.ts';
import { chunkChars, chunkRecords } from '../../scripts/search/chunks.ts';
import { writeOfflineZip, zipLevel, zipRoot } from '../../scripts/offline-zip.ts';
import { deflateCache } from '../../scripts/deflate-cache.ts';
import { pinnedContent, seedsDir } from './helpers.ts';

const reports = readReports(pinnedContent());
const records = allRecords(reports);
const chunks = chunkRecords(records);
const find = (url: string) => {
  const r = records.find((x) => x.url === url);
  if (!r) throw new Error(`no record ${url}`);
  return r;
};

describe('search records', () => {
  test('one record per heading, paragraph, list item, note, key figure and chart of the four reports', () => {
    const count = (kind: string) => records.filter((r) => r.kind === kind).length;
    assert.equal(records.length, 598);
    assert.deepEqual(
      { heading: count('heading'), paragraph: count('paragraph'), note: count('note'), figure: count('figure') },
      { heading: 89, paragraph: 339, note: 145, figure: 25 }, // figures: 9 key figures + 16 charts
    );
    assert.equal(new Set(records.map((r) => r.url)).size, records.length);
  });

  test('a chart is a figure record at its own anchor, in the section of the paragraph it follows, under the maintainer title', () => {
    const chart = find('reports/a-hrc-55-69.html#chart-p-3-1');
    assert.equal(chart.kind, 'figure');
    assert.equal(chart.place, '第 3 段');
    assert.equal(chart.filters.类型, '图表');
    assert.match(chart.text, /^现任任务负责人的性别构成（%）。/);
  });

  test('a paragraph carries its report, section, place, filters and the keys of the symbols it cites', () => {
    const p = find('reports/a-74-36.html#p-11');
    assert.equal(p.title, '联合国人权事务高级专员的报告');
    assert.equal(p.symbol, 'A/74/36');
    assert.equal(p.section, '4. 特别程序');
    assert.equal(p.place, '第 11 段');
    assert.deepEqual(p.filters, { 报告: 'A/74/36', 年份: '2019', 机构: '大会', 类型: '段落' });
    assert.deepEqual(p.keys, ['uaqhrcq40q38qaddq1x', 'uaqhrcq40q38x']);
  });

  test('a resolution is searchable by its number as printed and by its symbol', () => {
    assert.deepEqual(find('reports/a-74-36.html#p-1').keys, ['u48q141x', 'uaqresq48q141x']);
  });

  test('a list item is placed after its paragraph and keeps its printed label', () => {
    const item = find('reports/a-hrc-55-69.html#p-66-a');
    assert.equal(item.place, '第 66 段 (a)');
    assert.match(item.text, /^\(a\) 函件，包括/);
  });

  test('a key figure is one record: value and caption', () => {
    const f = find('reports/sg-2023-human-rights.html#fig-2');
    assert.equal(f.text, '47 000 名酷刑受害者在 92 个国家获得康复支助');
    assert.equal(f.filters.类型, '图表');
    assert.equal(f.filters.机构, '秘书长');
  });

});

describe('Pagefind chunks', () => {
  test('a few chunks per report: 25 for the four reports, at most 8 each, one per kind and 4000 characters', () => {
    assert.equal(chunks.length, 25);
    const perReport = Map.groupBy(chunks, (c) => c.slug);
    assert.deepEqual(
      Object.fromEntries([...perReport].map(([slug, cs]) => [slug, cs.length])),
      { 'a-74-36': 8, 'a-hrc-55-69': 7, 'hrc-47-international-cooperation': 7, 'sg-2023-human-rights': 3 },
    );
    for (const [slug, cs] of perReport) {
      const report = reports.find((r) => r.slug === slug)!;
      const text = (kind: string) => records.filter((r) => r.slug === slug && r.kind === kind).reduce((n, r) => n + r.text.length + 1, 0);
      const kinds = new Set(cs.map((c) => c.kind));
      // Greedy packing: at most two chunks per cap's worth of text, plus one per kind.
      const bound = [...kinds].reduce((n, k) => n + Math.ceil((2 * text(k)) / chunkChars), 0);
      assert.ok(cs.length <= bound, `${report.slug}: ${cs.length} chunks > ${bound}`);
      assert.ok(cs.length <= 8, `${report.slug}: ${cs.length} chunks`);
    }
  });

  test('every block is in exactly one chunk, in page order; a chunk is one report and one kind, at most 4000 characters', () => {
    assert.deepEqual(chunks.flatMap((c) => c.blocks).map((b) => b.url).sort(), records.map((r) => r.url).sort());
    for (const c of chunks) {
      assert.ok(c.blocks.every((b) => b.slug === c.slug && b.kind === c.kind && b.filters.类型 === c.blocks[0]!.filters.类型));
      const chars = c.blocks.reduce((n, b) => n + b.text.length + 1, 0) - 1;
      assert.ok(chars <= chunkChars || c.blocks.length === 1, `${c.blocks[0]!.url}: ${chars} characters`);
      const order = c.blocks.map((b) => records.indexOf(b));
      assert.deepEqual(order, [...order].sort((a, b) => a - b));
    }
  });

  test('Pagefind gets the blocks’ texts, the chunk’s symbol keys on a last line, and where each block starts and ends', () => {
    const chunk = chunks.find((c) => c.blocks.some((b) => b.url === 'reports/a-74-36.html#p-1'))!;
    const r = pagefindRecord(chunk);
    assert.equal(r.language, 'zh');
    assert.equal(r.url, chunk.blocks[0]!.url);
    assert.match(r.content, /\nu48q141x .*uaqresq48q141x/);
    assert.deepEqual(r.filters, { 报告: ['A/74/36'], 年份: ['2019'], 机构: ['大会'], 类型: ['段落'] });
    const layout = JSON.parse(r.meta!['blocks']!) as [string, string, number, number, string[]][];
    const sections = JSON.parse(r.meta!['sections']!) as string[];
    assert.deepEqual(layout[0], ['p-1', '第 1 段', 0, find('reports/a-74-36.html#p-1').text.length, ['u48q141x', 'uaqresq48q141x']]);
    assert.equal(sections[layout[0]![2]], find('reports/a-74-36.html#p-1').section);
  });

  test('the written index: one fragment per chunk, each cut back into exactly its blocks as the search page does', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pagefind-'));
    try {
      assert.deepEqual(await indexSite(dir, pinnedContent()), { records: 598, chunks: 25, shards: 3, built: 3 });
      // The primary shard at pagefind/, the others where pagefind/shards.json says (as the search page merges them).
      const shardDirs = ['', ...(JSON.parse(readFileSync(join(dir, 'pagefind', 'shards.json'), 'utf8')) as string[])];
      const fragments = shardDirs.flatMap((d) => readdirSync(join(dir, 'pagefind', d, 'fragment')).map((f) => join(dir, 'pagefind', d, 'fragment', f)));
      assert.equal(fragments.length, 25);
      const split: { url: string; text: string; section: string; place: string; kind: string }[] = [];
      for (const f of fragments) {
        const raw = gunzipSync(readFileSync(f)).toString('utf8');
        const d = JSON.parse(raw.slice(raw.indexOf('{'))) as { url: string; content: string; meta: Record<string, string> };
        // As search.js's blocksOf, after pagefind.js has removed the zero-width word breaks.
        const content = d.content.replace(/\u200B/g, '');
        const sections = JSON.parse(d.meta['sections']!) as string[];
        let at = 0;
        for (const [id, place, s, length] of JSON.parse(d.meta['blocks']!) as [string, string, number, number][]) {
          split.push({ url: `${d.url.split('#')[0]}#${id}`, text: content.slice(at, at + length), section: sections[s]!, place, kind: d.meta['kind']! });
          at += length + 1;
        }
      }
      const expected = records.map(({ url, text, section, place, kind }) => ({ url, text, section, place, kind }));
      const byUrl = (a: { url: string }, b: { url: string }) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0);
      assert.deepEqual(split.sort(byUrl), expected.sort(byUrl));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('search text rules (tokenize.js, shared with the browser)', () => {
  test('symbols as written become one key; a shorter symbol is not a prefix of a longer one', () => {
    assert.equal(searchText.symbolKey('A/HRC/40/38'), 'uaqhrcq40q38x');
    assert.equal(searchText.hostedQuery('A/HRC/40/3'), 'uaqhrcq40q3x');
    assert.ok(!'uaqhrcq40q38x'.startsWith(searchText.hostedQuery('A/HRC/40/3')));
    assert.equal(searchText.hostedQuery('2391(2017)'), searchText.hostedQuery('2391 (2017)'));
    assert.equal(searchText.hostedQuery('Ａ/ＨＲＣ/40/38 函件'), 'uaqhrcq40q38x 函件');
  });

  test('Chinese is cut into bigrams at index and query time alike', () => {
    assert.deepEqual(searchText.tokenizeQuery('外地办事处'), ['外地', '地办', '办事', '事处']);
    assert.deepEqual(searchText.tokenizeQuery('人'), ['人']);
    assert.deepEqual(searchText.tokenize('设有 77 个人权外地办事处'), ['设有', '个人', '人权', '权外', '外地', '地办', '办事', '事处', '77']);
    assert.deepEqual(searchText.tokenizeQuery('A/HRC/40/38'), ['uaqhrcq40q38x']);
  });

  test('marks hit the query terms, symbols with or without a space before the year', () => {
    const terms = searchText.highlightTerms('2391(2017) 决议');
    assert.deepEqual(
      searchText.markRuns('第 2391 (2017) 号决议', terms).filter((r) => r.hit).map((r) => r.text),
      ['2391 (2017)', '决议'],
    );
  });

  test('a block of a chunk that Pagefind finds is a hit when it holds every query word itself', () => {
    assert.deepEqual(searchText.hostedWords('A/HRC/40/38 函件'), ['uaqhrcq40q38x', '函件']);
    const p11 = find('reports/a-74-36.html#p-11');
    assert.ok(searchText.blockMatches(p11, 'A/HRC/40/38'));
    assert.ok(!searchText.blockMatches(p11, 'A/HRC/40/3'));
    assert.ok(searchText.blockMatches(find('reports/a-74-36.html#p-2'), '外地办事处'));
    assert.ok(!searchText.blockMatches(p11, '外地办事处'));
    assert.ok(searchText.blockMatches(find('reports/a-74-36.html#p-1'), '外地办事处')); // 外地 … 办事 … 处, apart, as Pagefind's AND
    assert.ok(searchText.blockMatches(find('reports/a-74-36.html#p-1'), '48/141'));
  });

  test('blocks that hold the phrase come first, a heading before paragraphs', () => {
    const hits = ['reports/a-74-36.html#p-39', 'reports/a-74-36.html#p-2', 'reports/a-74-36.html#p-1'].map(find);
    assert.deepEqual(searchText.rankHits(hits, '外地办事处'), [1, 0, 2]);
    const upr = ['reports/a-74-36.html#p-8', 'reports/a-74-36.html#h-2-a-3'].map(find);
    assert.deepEqual(searchText.rankHits(upr, '普遍定期审议'), [1, 0]);
  });
});

describe('offline index', () => {
  /** The files of `<dist>/search/offline/`, by name. */
  const offlineFiles = (dist: string) =>
    Object.fromEntries(readdirSync(join(dist, 'search', 'offline')).sort().map((f) => [f, readFileSync(join(dist, 'search', 'offline', f))]));

  /** Run the manifest and shard scripts as the page does, and search every shard like offlineEngine. */
  function loadShards(dist: string) {
    const files = offlineFiles(dist);
    const self: Record<string, any> = {};
    // Run in this realm, so that what the scripts build compares equal to this test's values.
    const run = (script: string) => new Function('self', script)(self);
    run(files['manifest.js']!.toString());
    const manifest = self['UNHROfflineManifest'] as { fields: string[]; storeFields: string[]; shards: number[] };
    for (const n of manifest.shards) run(files[`${n}.js`]!.toString());
    const indexes = manifest.shards.map((n) =>
      MiniSearch.loadJS(self['UNHROfflineShards'][n], { fields: manifest.fields, storeFields: manifest.storeFields, tokenize: searchText.tokenize, processTerm: (t: string) => t }),
    );
    const search = (q: string) =>
      indexes
        .flatMap((ms) => ms.search(q, { tokenize: searchText.tokenizeQuery, processTerm: (t: string) => t, combineWith: 'AND' }))
        .sort((a, b) => b.score - a.score)
        .map((r) => r['url'] as string);
    return { manifest, indexes, search };
  }

  /** A copy of the pinned content (and the figures.json beside it) that a test may change. */
  function contentCopy(dir: string): string {
    cpSync(pinnedContent(), join(dir, 'content'), { recursive: true });
    mkdirSync(join(dir, 'seeds'));
    cpSync(join(seedsDir, 'figures.json'), join(dir, 'seeds', 'figures.json'));
    return join(dir, 'content');
  }

  test('a shard holds exactly the records of the reports its slug hash sends there', () => {
    const shards = shardRecords(records);
    assert.equal(shards.length, SEARCH_SHARDS);
    for (const [n, some] of shards.entries()) {
      const slugs = reports.map((r) => r.slug).filter((slug) => shardOf(slug) === n);
      assert.deepEqual(some, records.filter((r) => slugs.includes(r.slug)));
    }
    assert.equal(shards.flat().length, records.length);
  });

  test('the shards together find the test queries with the shared tokenizer, and ids are unique across shards', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'offline-'));
    try {
      await writeOfflineIndex(join(dir, 'dist'), pinnedContent());
      const { manifest, indexes, search } = loadShards(join(dir, 'dist'));
      assert.deepEqual(manifest.shards, [...new Set(reports.map((r) => shardOf(r.slug)))].sort((a, b) => a - b), 'empty shards are left out');
      assert.equal(indexes.reduce((n, ms) => n + ms.documentCount, 0), records.length);
      assert.ok(search('外地办事处').includes('reports/a-74-36.html#p-2'));
      assert.deepEqual(search('A/HRC/40/38'), ['reports/a-74-36.html#p-11']);
      // A hit is a block holding every query term, so the shards find what one index finds.
      const one = buildOfflineIndex(records);
      for (const q of ['外地办事处', '函件', '疫苗', '普遍定期审议', '人权', '48/141']) {
        const single = one.search(q, { tokenize: searchText.tokenizeQuery, processTerm: (t: string) => t, combineWith: 'AND' }).map((r) => r['url'] as string);
        assert.deepEqual(search(q).sort(), single.sort(), q);
      }
      const ids = indexes.flatMap((ms) => ms.search('人权', { prefix: true }).map((r) => r.id as string));
      assert.equal(new Set(ids).size, ids.length);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a shard is the same bytes on every build', () => {
    const [n, some] = [...shardRecords(records).entries()].find(([, r]) => r.length)!;
    assert.equal(shardScript(n, buildOfflineIndex(some, n)), shardScript(n, buildOfflineIndex(some, n)));
  });

  test('a warm cache gives the bytes of a cold build; changing one report rebuilds and changes its shard only', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'offline-'));
    try {
      const content = contentCopy(dir);
      const cacheDir = join(dir, 'cache');
      const build = (name: string, force = false) => writeOfflineIndex(join(dir, name), content, { cacheDir, force });
      const none = await writeOfflineIndex(join(dir, 'none'), content);
      const cold = await build('cold');
      const warm = await build('warm');
      assert.equal(cold.built, cold.shards);
      assert.equal(warm.built, 0);
      assert.deepEqual(offlineFiles(join(dir, 'warm')), offlineFiles(join(dir, 'cold')));
      assert.deepEqual(offlineFiles(join(dir, 'none')), offlineFiles(join(dir, 'cold')));
      assert.equal(none.bytes, warm.bytes);

      const file = join(content, 'data', 'a-74-36.json');
      const model = JSON.parse(readFileSync(file, 'utf8'));
      const para = model.blocks.find((b: { type: string }) => b.type === 'paragraph');
      para.content.push({ type: 'text', value: '基准测试新增的一句。' });
      writeFileSync(file, JSON.stringify(model));
      const changed = await build('changed');
      assert.equal(changed.built, 1);
      const before = offlineFiles(join(dir, 'warm'));
      const after = offlineFiles(join(dir, 'changed'));
      assert.deepEqual(Object.keys(after), Object.keys(before));
      assert.deepEqual(Object.keys(after).filter((f) => !before[f]!.equals(after[f]!)), [`${shardOf('a-74-36')}.js`]);
      assert.equal(readdirSync(cacheDir).length, changed.shards, 'the cache keeps only what the last build used');
      assert.ok(loadShards(join(dir, 'changed')).search('基准测试新增').includes(`reports/a-74-36.html#${para.id}`));

      const forced = await build('forced', true);
      assert.equal(forced.built, forced.shards);
      assert.deepEqual(offlineFiles(join(dir, 'forced')), after);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('offline zip', () => {
  test('is deterministic, sorted, under one folder, and leaves out the Pagefind bundle', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zip-'));
    try {
      const dist = join(dir, 'dist');
      for (const [path, text] of [['index.html', 'a'], ['reports/x.html', 'b'], ['pagefind/pagefind.js', 'c'], ['search/offline/0.js', 'd']] as const) {
        mkdirSync(join(dist, path, '..'), { recursive: true });
        writeFileSync(join(dist, path), text);
      }
      await writeOfflineZip(dist, join(dir, 'a.zip'));
      await writeOfflineZip(dist, join(dir, 'b.zip'));
      const a = readFileSync(join(dir, 'a.zip'));
      assert.deepEqual(a, readFileSync(join(dir, 'b.zip')));
      assert.deepEqual(Object.keys(unzipSync(new Uint8Array(a))), [
        `${zipRoot}/README.txt`,
        `${zipRoot}/打开我.html`,
        `${zipRoot}/index.html`,
        `${zipRoot}/reports/x.html`,
        `${zipRoot}/search/offline/0.js`,
      ]);
      assert.deepEqual(readdirSync(dir).sort(), ['a.zip', 'b.zip', 'dist']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  /** A small site with text worth compressing, and a scratch folder for zips and the cache. */
  function site(): { dir: string; dist: string; cacheDir: string; zip: (name: string, force?: boolean) => Promise<{ bytes: Buffer; hits: number; misses: number }> } {
    const dir = mkdtempSync(join(tmpdir(), 'zip-cache-'));
    const dist = join(dir, 'dist');
    const cacheDir = join(dir, 'cache');
    const pages = { 'index.html': '首页。'.repeat(200), 'reports/a.html': '报告甲的正文。'.repeat(300), 'reports/b.html': '报告乙。'.repeat(100), 'pagefind/x.js': 'p' };
    for (const [path, text] of Object.entries(pages)) {
      mkdirSync(join(dist, path, '..'), { recursive: true });
      writeFileSync(join(dist, path), text);
    }
    const zip = async (name: string, force = false) => {
      const cache = deflateCache({ dir: cacheDir, level: zipLevel, force });
      await writeOfflineZip(dist, join(dir, name), cache);
      await cache.prune();
      return { bytes: readFileSync(join(dir, name)), ...cache.stats };
    };
    return { dir, dist, cacheDir, zip };
  }

  /** Every entry of the zip, unpacked, against the site's files. */
  function assertHoldsSite(zip: Buffer, dist: string): void {
    const entries = unzipSync(new Uint8Array(zip));
    const expected = ['index.html', 'reports/a.html', 'reports/b.html'];
    assert.deepEqual(Object.keys(entries), ['README.txt', '打开我.html', ...expected].map((p) => `${zipRoot}/${p}`));
    for (const path of expected) assert.deepEqual(Buffer.from(entries[`${zipRoot}/${path}`]!), readFileSync(join(dist, path)), path);
  }

  test('a zip from a warm cache is byte-identical to one from a cold cache and to one without a cache', async () => {
    const { dir, dist, zip } = site();
    try {
      const cold = await zip('cold.zip');
      const warm = await zip('warm.zip');
      assert.deepEqual([cold.hits, cold.misses, warm.hits, warm.misses], [0, 3, 3, 0]);
      assert.deepEqual(warm.bytes, cold.bytes);
      await writeOfflineZip(dist, join(dir, 'plain.zip'));
      assert.deepEqual(readFileSync(join(dir, 'plain.zip')), cold.bytes);
      assertHoldsSite(warm.bytes, dist);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a changed file is compressed again and the unchanged ones come from the cache', async () => {
    const { dir, dist, zip } = site();
    try {
      await zip('before.zip');
      writeFileSync(join(dist, 'reports/a.html'), '报告甲改过的正文。'.repeat(300));
      const after = await zip('after.zip');
      assert.deepEqual([after.hits, after.misses], [2, 1]);
      assertHoldsSite(after.bytes, dist);
      rmSync(join(dir, 'cache'), { recursive: true });
      assert.deepEqual((await zip('cold.zip')).bytes, after.bytes);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('entries the last zip did not use are pruned from the cache', async () => {
    const { dir, dist, cacheDir, zip } = site();
    try {
      await zip('a.zip');
      assert.equal(readdirSync(cacheDir).length, 3);
      writeFileSync(join(dist, 'index.html'), '新首页。'.repeat(200));
      rmSync(join(dist, 'reports/b.html'));
      writeFileSync(join(cacheDir, 'stray.tmp'), 'left by a killed build');
      await zip('b.zip');
      // reports/a.html's entry, and the new index.html's.
      assert.equal(readdirSync(cacheDir).length, 2);
      const rezip = await zip('c.zip');
      assert.deepEqual([rezip.hits, rezip.misses], [2, 0]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  // fflate's unzipSync does not check CRCs; Info-ZIP's unzip does, as readers' archive tools do.
  test('Info-ZIP unzip -t finds every entry intact', { skip: !existsSync('/usr/bin/unzip') && 'no /usr/bin/unzip' }, async () => {
    const { dir, zip } = site();
    try {
      await zip('cold.zip');
      const warm = await zip('warm.zip');
      assert.match(execFileSync('/usr/bin/unzip', ['-t', join(dir, 'warm.zip')], { encoding: 'utf8' }), /No errors detected/);
      assert.equal(warm.misses, 0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('--force compresses every file again, gives the same bytes and refills the cache', async () => {
    const { dir, cacheDir, zip } = site();
    try {
      const cold = await zip('cold.zip');
      // A cache entry that no longer matches its key must not reach a forced build.
      for (const name of readdirSync(cacheDir)) writeFileSync(join(cacheDir, name), 'not deflate');
      const forced = await zip('forced.zip', true);
      assert.deepEqual([forced.hits, forced.misses], [0, 3]);
      assert.deepEqual(forced.bytes, cold.bytes);
      assert.deepEqual((await zip('warm.zip')).bytes, cold.bytes);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
