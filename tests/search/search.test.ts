/** Search records, the shared match rules, the Pagefind index, its offline form and the offline zip, on the real content. */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync, readdirSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import vm from 'node:vm';
import { pathToFileURL } from 'node:url';
import { inflateSync, unzipSync } from 'fflate';
import { allRecords, readReports } from '../../scripts/search/records.ts';
import { searchText } from '../../scripts/search/text.ts';
import { bundleSearchScript, SEARCH_SCRIPTS } from '../../src/integrations/search-client.ts';
import { classicPagefind, offlineFiles, scriptFile, OFFLINE_DIR } from '../../scripts/search/classic.ts';
import { indexSite, pagefindRecord } from '../../scripts/search/pagefind.ts';
import { chunkChars, chunkRecords } from '../../scripts/search/chunks.ts';
import type { BlockLayout } from '../../scripts/model/search-record.ts';
import { openMeFiles, writeOfflineZip, zipLevel, zipRoot } from '../../scripts/zip/offline-zip.ts';
import { deflateCache } from '../../scripts/zip/deflate-cache.ts';
import { pinnedContent } from '../helpers.ts';

const reports = readReports(pinnedContent());
const records = allRecords(reports);
const chunks = chunkRecords(records);
const find = (url: string) => {
  const r = records.find((x) => x.url === url);
  if (!r) throw new Error(`no record ${url}`);
  return r;
};

describe('search records', () => {
  test('one record per report, heading, paragraph, list item, note, key figure and chart of the four reports, and per document page', () => {
    const count = (kind: string) => records.filter((r) => r.kind === kind).length;
    assert.equal(records.length, 720);
    assert.deepEqual(
      {
        report: count('report'),
        heading: count('heading'),
        paragraph: count('paragraph'),
        note: count('note'),
        figure: count('figure'),
        document: count('document'),
      },
      // figures: 9 key figures + 12 charts; documents: 123 cited and the uncited A/74/36 and A/HRC/55/69
      { report: 4, heading: 89, paragraph: 336, note: 145, figure: 21, document: 125 },
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

  test('a cited document is one record on its page, found by its symbol alone', () => {
    const doc = find('docs/a-hrc-40-38.html');
    assert.equal(doc.kind, 'document');
    assert.deepEqual(doc.keys, ['uaqhrcq40q38x']);
    assert.match(doc.place, /^1 份报告引用 \d+ 处$/);
    assert.ok(searchText.blockMatches(doc, 'A/HRC/40/38'));
    assert.ok(!searchText.blockMatches(doc, '文件'), 'its text alone does not make it a hit');
  });

  test('a key figure is one record: value and caption', () => {
    const f = find('reports/sg-2023-human-rights.html#fig-2');
    assert.equal(f.text, '47 000 名酷刑受害者在 92 个国家获得康复支助');
    assert.equal(f.filters.类型, '图表');
    assert.equal(f.filters.机构, '秘书长');
  });
});

describe('Pagefind chunks', () => {
  test('a few chunks per report: 29 for the four reports, at most 9 each, one per kind and 4000 characters; documents in 2', () => {
    assert.equal(chunks.length, 31);
    const perReport = Map.groupBy(chunks, (c) => c.slug);
    assert.deepEqual(Object.fromEntries([...perReport].map(([slug, cs]) => [slug, cs.length])), {
      'a-74-36': 9,
      'a-hrc-55-69': 8,
      'hrc-47-international-cooperation': 8,
      'sg-2023-human-rights': 4,
      docs: 2,
    });
    for (const [slug, cs] of perReport) {
      if (slug === 'docs') continue;
      const report = reports.find((r) => r.slug === slug)!;
      const text = (kind: string) => records.filter((r) => r.slug === slug && r.kind === kind).reduce((n, r) => n + r.text.length + 1, 0);
      const kinds = new Set(cs.map((c) => c.kind));
      // Greedy packing: at most two chunks per cap's worth of text, plus one per kind.
      const bound = [...kinds].reduce((n, k) => n + Math.ceil((2 * text(k)) / chunkChars), 0);
      assert.ok(cs.length <= bound, `${report.slug}: ${cs.length} chunks > ${bound}`);
      assert.ok(cs.length <= 9, `${report.slug}: ${cs.length} chunks`);
    }
  });

  test('every block is in exactly one chunk, in page order; a chunk is one report and one kind, at most 4000 characters', () => {
    assert.deepEqual(
      chunks
        .flatMap((c) => c.blocks)
        .map((b) => b.url)
        .sort(),
      records.map((r) => r.url).sort(),
    );
    for (const c of chunks) {
      assert.ok(c.blocks.every((b) => b.slug === c.slug && b.kind === c.kind && b.filters.类型 === c.blocks[0]!.filters.类型));
      const chars = c.blocks.reduce((n, b) => n + b.text.length + 1, 0) - 1;
      assert.ok(chars <= chunkChars || c.blocks.length === 1, `${c.blocks[0]!.url}: ${chars} characters`);
      const order = c.blocks.map((b) => records.indexOf(b));
      assert.deepEqual(
        order,
        [...order].sort((a, b) => a - b),
      );
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
      assert.deepEqual(await indexSite(dir, pinnedContent()), { records: 720, chunks: 31, shards: 2, built: 2 });
      // The primary shard at pagefind/, the others where pagefind/shards.json says (as the search page merges them).
      const shardDirs = ['', ...(JSON.parse(readFileSync(join(dir, 'pagefind', 'shards.json'), 'utf8')) as string[])];
      const fragments = shardDirs.flatMap((d) => readdirSync(join(dir, 'pagefind', d, 'fragment')).map((f) => join(dir, 'pagefind', d, 'fragment', f)));
      assert.equal(fragments.length, 31);
      const split: { url: string; text: string; section: string; place: string; kind: string; title: string; symbol: string }[] = [];
      for (const f of fragments) {
        const raw = gunzipSync(readFileSync(f)).toString('utf8');
        const d = JSON.parse(raw.slice(raw.indexOf('{'))) as { url: string; content: string; meta: Record<string, string> };
        // As search.js's blocksOf, after pagefind.js has removed the zero-width word breaks.
        const content = d.content.replace(/\u200B/g, '');
        const sections = JSON.parse(d.meta['sections']!) as string[];
        let at = 0;
        for (const [id, place, s, length, , title, symbol] of JSON.parse(d.meta['blocks']!) as BlockLayout[]) {
          split.push({
            title: title ?? d.meta['title']!,
            symbol: symbol ?? d.meta['symbol']!,
            url: /[./]/.test(id) ? id : id ? `${d.url.split('#')[0]}#${id}` : d.url,
            text: content.slice(at, at + length),
            section: sections[s]!,
            place,
            kind: d.meta['kind']!,
          });
          at += length + 1;
        }
      }
      // Each block with its own title and symbol: a document page's result is headed by its own symbol.
      const expected = records.map(({ url, text, section, place, kind, title, symbol }) => ({ url, text, section, place, kind, title, symbol }));
      const byUrl = (a: { url: string }, b: { url: string }) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0);
      assert.deepEqual(split.sort(byUrl), expected.sort(byUrl));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('search match rules (match.js, shared with the browser)', () => {
  test('a symbol ranks the report it names first, then its document page, then the blocks citing it', () => {
    const keys = [searchText.symbolKey('A/74/36')];
    const blocks = [
      { text: '见 A/74/36。', kind: 'note', keys, rank: 0 },
      { text: '文件 A/74/36', kind: 'document', keys, rank: 1 },
      { text: 'A/74/36 · 联合国人权事务高级专员的报告', kind: 'report', keys, rank: 2 },
    ];
    assert.deepEqual(searchText.rankBlocks(blocks, 'A/74/36'), [2, 1, 0]);
    // A report whose text only mentions another symbol is not the one named.
    assert.deepEqual(searchText.rankBlocks([{ ...blocks[2]!, keys: [searchText.symbolKey('A/74/360')] }, blocks[1]!], 'A/74/36'), [1, 0]);
  });

  test('the browser’s classic scripts are bundled from the same TypeScript: match.js defines UNHRSearchText (self.UNHRSearchText in a page) with the module’s functions, and the bytes repeat', async () => {
    const match = await bundleSearchScript('match.js');
    assert.doesNotMatch(match, /^\s*(?:export|import)\b/m, 'a classic script, not a module');
    const browser = vm.runInNewContext(`${match}\nUNHRSearchText`, { Intl });
    assert.deepEqual([...Object.keys(browser)].sort(), Object.keys(searchText).sort());
    assert.equal(browser.hostedQuery('A/HRC/40/3 函件'), searchText.hostedQuery('A/HRC/40/3 函件'));
    assert.deepEqual(
      JSON.parse(JSON.stringify(browser.markRuns('见 A/HRC/40/38。', ['A/HRC/40/38']))),
      searchText.markRuns('见 A/HRC/40/38。', ['A/HRC/40/38']),
    );
    for (const { name } of SEARCH_SCRIPTS) {
      const code = await bundleSearchScript(name);
      assert.equal(code, await bundleSearchScript(name), `${name}: same bytes twice`);
      assert.ok(!code.includes(process.cwd()) && !/import\.meta/.test(code), `${name}: no absolute paths, no module syntax`);
    }
  });

  test('symbols as written become one key; a shorter symbol is not a prefix of a longer one', () => {
    assert.equal(searchText.symbolKey('A/HRC/40/38'), 'uaqhrcq40q38x');
    assert.equal(searchText.hostedQuery('A/HRC/40/3'), 'uaqhrcq40q3x');
    assert.ok(!'uaqhrcq40q38x'.startsWith(searchText.hostedQuery('A/HRC/40/3')));
    assert.equal(searchText.hostedQuery('2391(2017)'), searchText.hostedQuery('2391 (2017)'));
    assert.equal(searchText.hostedQuery('Ａ/ＨＲＣ/40/38 函件'), 'uaqhrcq40q38x 函件');
  });

  test('marks hit the query terms, symbols with or without a space before the year', () => {
    const terms = searchText.highlightTerms('2391(2017) 决议');
    assert.deepEqual(
      searchText
        .markRuns('第 2391 (2017) 号决议', terms)
        .filter((r) => r.hit)
        .map((r) => r.text),
      ['2391 (2017)', '决议'],
    );
  });

  test('a block that holds the query words apart has them marked, but not lone characters', () => {
    const p1 = find('reports/a-74-36.html#p-1');
    assert.ok(searchText.blockMatches(p1, '外地办事处') && !searchText.holdsPhrase(p1.text, '外地办事处'));
    const marked = searchText
      .markRuns(p1.text, searchText.highlightTerms('外地办事处'))
      .filter((r) => r.hit)
      .map((r) => r.text);
    assert.ok(marked.length > 0);
    assert.ok(
      marked.every((t) => t.length > 1),
      marked.join(' '),
    );
  });

  test('a block whose text shows nothing to mark is never a result (a symbol found only through a link key)', () => {
    assert.ok(searchText.markable(find('reports/a-74-36.html#p-11').text, 'A/HRC/40/38'));
    assert.ok(!searchText.markable('见所附文件。', 'A/HRC/40/38'));
    assert.ok(searchText.blockMatches({ text: '见所附文件。', keys: ['uaqhrcq40q38x'] }, 'A/HRC/40/38'), 'found by its key alone');
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

  test('the phrase as written comes first, a heading before its text; engine order breaks ties', () => {
    const ranked = (urls: string[], q: string, ranks = urls.map((_, i) => i)) =>
      searchText
        .rankBlocks(
          urls.map((u, i) => ({ ...find(u), rank: ranks[i]! })),
          q,
        )
        .map((i) => urls[i]);
    assert.deepEqual(ranked(['reports/a-74-36.html#p-1', 'reports/a-74-36.html#p-39', 'reports/a-74-36.html#p-2'], '外地办事处'), [
      'reports/a-74-36.html#p-2',
      'reports/a-74-36.html#p-1',
      'reports/a-74-36.html#p-39',
    ]);
    assert.deepEqual(ranked(['reports/a-74-36.html#p-8', 'reports/a-74-36.html#h-2-a-3'], '普遍定期审议'), [
      'reports/a-74-36.html#h-2-a-3',
      'reports/a-74-36.html#p-8',
    ]);
  });

  test('a symbol puts its document page first; a note that is only an address comes after text', () => {
    const doc = find('docs/a-hrc-40-38.html');
    const p11 = find('reports/a-74-36.html#p-11');
    assert.deepEqual(
      searchText.rankBlocks(
        [
          { ...p11, rank: 0 },
          { ...doc, rank: 1 },
        ],
        'A/HRC/40/38',
      ),
      [1, 0],
    );
    assert.ok(searchText.urlOnly('见 https://www.ohchr.org/zh/hr-bodies/upr。'));
    assert.ok(!searchText.urlOnly('见人权理事会第 40/38 号决议，https://example.org/x'));
    const note = { text: '见 https://example.org/普遍定期审议', kind: 'note', keys: [], rank: 0 };
    const para = { text: '普遍定期审议第三轮', kind: 'paragraph', keys: [], rank: 1 };
    const apart = { text: '审议了普遍的定期报告', kind: 'paragraph', keys: [], rank: 2 };
    assert.deepEqual(searchText.rankBlocks([note, para, apart], '普遍定期审议'), [1, 2, 0], 'after text holding the words apart too');
  });
});

describe('offline Pagefind (classic scripts)', () => {
  test("Pagefind's module becomes a classic script: its exports on self.UNHRPagefind, fetch and import.meta.url its own", () => {
    const esm =
      'const base = import.meta.url; async function search(q) { const r = await fetch(base + q); return r.ok; } const init = () => 1; export{search,init as start};';
    const script = classicPagefind(esm);
    assert.doesNotMatch(script, /\bexport\b|import\.meta/);
    const self: Record<string, any> = {};
    vm.runInNewContext(script, { self, document: { currentScript: { src: 'file:///x/search/offline/pagefind.js' } }, URL, atob });
    assert.deepEqual(Object.keys(self['UNHRPagefind']).sort(), ['fetch', 'search', 'start']);
    assert.equal(typeof self['__pf'], 'function');
    assert.throws(() => classicPagefind(`import x from './x.js';\n${esm}`), /imports/);
    assert.throws(() => classicPagefind('const a = 1;'), /one export list/);
  });

  test('every index file becomes a script that registers its exact bytes, and the fetch it replaces reads them back', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'offline-'));
    try {
      await indexSite(dir, pinnedContent());
      const files = [...offlineFiles(dir)];
      const hosted = readdirSync(join(dir, 'pagefind'), { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => join(e.parentPath, e.name).slice(join(dir, 'pagefind').length + 1));
      const paths = files.map((f) => f.path);
      assert.equal(files.length, hosted.length);
      assert.deepEqual(paths, [...paths].sort(), 'sorted by path');
      assert.ok(paths.every((p) => p.startsWith(`${OFFLINE_DIR}/`) && p.endsWith('.js')));
      assert.ok(!paths.includes(`${OFFLINE_DIR}/pagefind-worker.js`));
      assert.deepEqual([...offlineFiles(dir)], files, 'the same bytes twice');
      // Made from dist/pagefind/, never written into it: the test unpacks them as the zip would.
      assert.equal(existsSync(join(dir, OFFLINE_DIR)), false);
      const unpacked = join(dir, 'unpacked');
      for (const { path, data } of files) {
        mkdirSync(join(unpacked, path, '..'), { recursive: true });
        writeFileSync(join(unpacked, path), data);
      }
      const offline = join(unpacked, OFFLINE_DIR);
      // A page's document, reduced to what script-fetch.js uses: a <script src> runs that file.
      const context: Record<string, any> = { URL, atob, TextDecoder, TextEncoder, Uint8Array, Promise, JSON, location: { href: pathToFileURL(offline).href } };
      context['self'] = context;
      context['document'] = {
        currentScript: { src: pathToFileURL(join(offline, 'pagefind.js')).href },
        head: {
          appendChild(s: any) {
            const path = new URL(s.src).pathname;
            setImmediate(() => {
              if (!existsSync(path)) return s.onerror();
              vm.runInContext(readFileSync(path, 'utf8'), context);
              s.onload();
            });
          },
        },
        createElement: () => ({ remove() {} }),
      };
      vm.createContext(context);
      vm.runInContext(readFileSync(join(offline, 'pagefind.js'), 'utf8'), context);
      const pf = context['UNHRPagefind'];
      for (const name of ['pagefind-entry.json', 'shards.json', hosted.find((f) => f.startsWith('fragment/'))!]) {
        const res = await pf.fetch(`${pathToFileURL(offline).href}/${name}?ts=1`);
        assert.deepEqual(Buffer.from(await res.arrayBuffer()), readFileSync(join(dir, 'pagefind', name)), name);
      }
      assert.deepEqual(
        await (await pf.fetch(pathToFileURL(join(offline, 'shards.json')).href)).json(),
        JSON.parse(readFileSync(join(dir, 'pagefind', 'shards.json'), 'utf8')),
      );
      await assert.rejects(pf.fetch(pathToFileURL(join(offline, 'missing.pf_index')).href), /cannot load missing\.pf_index\.js/);
      assert.equal(scriptFile('a/b.pf_index', new Uint8Array([0, 255])), '__pf("a/b.pf_index","AP8=");\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('offline zip', () => {
  test('is deterministic, sorted, under one folder, open-me files first, and holds the offline search scripts in place of the Pagefind bundle', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zip-'));
    try {
      const dist = join(dir, 'dist');
      // search/offline/0.js: a stale offline script in dist/ is left out; the zip makes its own.
      for (const [path, text] of [
        ['index.html', 'a'],
        ['reports/x.html', 'b'],
        ['pagefind/pagefind-entry.json', 'c'],
        ['search/a.js', 'e'],
        ['search/offline/0.js', 'd'],
        ['search/page.js', 'f'],
      ] as const) {
        mkdirSync(join(dist, path, '..'), { recursive: true });
        writeFileSync(join(dist, path), text);
      }
      const first = await writeOfflineZip(dist, join(dir, 'a.zip'));
      await writeOfflineZip(dist, join(dir, 'b.zip'));
      const a = readFileSync(join(dir, 'a.zip'));
      assert.deepEqual(a, readFileSync(join(dir, 'b.zip')));
      const entries = unzipSync(new Uint8Array(a));
      assert.deepEqual(Object.keys(entries), [
        ...openMeFiles().map((f) => `${zipRoot}/${f.path}`),
        `${zipRoot}/index.html`,
        `${zipRoot}/reports/x.html`,
        `${zipRoot}/search/a.js`,
        `${zipRoot}/search/offline/pagefind-entry.json.js`,
        `${zipRoot}/search/page.js`,
      ]);
      assert.equal(Buffer.from(entries[`${zipRoot}/search/offline/pagefind-entry.json.js`]!).toString(), scriptFile('pagefind-entry.json', Buffer.from('c')));
      assert.deepEqual([first.files, first.offline], [5, 1]);
      assert.deepEqual(readdirSync(dir).sort(), ['a.zip', 'b.zip', 'dist']);
      assert.equal(existsSync(join(dist, 'search/offline/pagefind-entry.json.js')), false, 'nothing written into dist/');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  /** A small site with text worth compressing, and a scratch folder for zips and the cache. */
  function site(): {
    dir: string;
    dist: string;
    cacheDir: string;
    zip: (name: string, force?: boolean) => Promise<{ bytes: Buffer; hits: number; misses: number }>;
  } {
    const dir = mkdtempSync(join(tmpdir(), 'zip-cache-'));
    const dist = join(dir, 'dist');
    const cacheDir = join(dir, 'cache');
    const pages = { 'index.html': '首页。'.repeat(200), 'reports/a.html': '报告甲的正文。'.repeat(300), 'reports/b.html': '报告乙。'.repeat(100) };
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
    assert.deepEqual(
      Object.keys(entries),
      [...openMeFiles().map((f) => f.path), ...expected].map((p) => `${zipRoot}/${p}`),
    );
    for (const path of expected) assert.deepEqual(Buffer.from(entries[`${zipRoot}/${path}`]!), readFileSync(join(dist, path)), path);
  }

  test('the same bytes asked for again while they are being deflated are compressed once', async () => {
    const { dir, dist, cacheDir } = site();
    try {
      const cache = deflateCache({ dir: cacheDir, level: zipLevel, force: true });
      const data = readFileSync(join(dist, 'reports', 'a.html'));
      const deflate = async (bytes: Uint8Array) => (await cache.entry(bytes)).deflated;
      const [first, second] = await Promise.all([deflate(data), deflate(data)]);
      assert.deepEqual([cache.stats.misses, cache.stats.hits], [1, 1]);
      assert.deepEqual(second, first);
      assert.deepEqual(Buffer.from(inflateSync(first)), data);
      assert.deepEqual(await deflate(data), first, 'stored by this build: found even under --force');
      assert.deepEqual([cache.stats.misses, cache.stats.hits], [1, 2]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

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
      // Each entry is stored with its seal (`<key>.sha256`): count the entries.
      const entries = () => readdirSync(cacheDir).filter((n) => !n.endsWith('.sha256'));
      assert.equal(entries().length, 3);
      assert.equal(readdirSync(cacheDir).length, 6, 'each entry with its seal');
      writeFileSync(join(dist, 'index.html'), '新首页。'.repeat(200));
      rmSync(join(dist, 'reports/b.html'));
      writeFileSync(join(cacheDir, 'stray.tmp'), 'left by a killed build');
      await zip('b.zip');
      // reports/a.html's entry, and the new index.html's.
      assert.equal(entries().length, 2);
      assert.equal(readdirSync(cacheDir).length, 4, 'a pruned entry goes with its seal');
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
