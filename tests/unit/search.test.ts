/** Search records, the shared text rules, both indexes and the offline zip, on the real content. */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { unzipSync } from 'fflate';
import { allRecords, readReports } from '../../scripts/search/records.ts';
import { searchText } from '../../scripts/search/text.ts';
import { buildOfflineIndex, offlineIndexScript } from '../../scripts/search/offline.ts';
import { pagefindRecord } from '../../scripts/search/pagefind.ts';
import { writeOfflineZip, zipRoot } from '../../scripts/offline-zip.ts';
import { root } from './helpers.ts';

const reports = readReports(`${root}content`);
const records = allRecords(reports);
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

  test('Pagefind gets the text, the symbol keys after it, and a heading meta only on headings', () => {
    const r = pagefindRecord(find('reports/a-74-36.html#p-1'));
    assert.equal(r.language, 'zh');
    assert.match(r.content, /\nu48q141x uaqresq48q141x$/);
    assert.equal(r.meta?.heading, undefined);
    assert.equal(pagefindRecord(find('reports/a-hrc-55-69.html#h-2-d')).meta?.heading, 'D. 函件');
    assert.deepEqual(r.filters, { 报告: ['A/74/36'], 年份: ['2019'], 机构: ['大会'], 类型: ['段落'] });
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

  test('blocks that hold the phrase come first, a heading before paragraphs', () => {
    const hits = ['reports/a-74-36.html#p-39', 'reports/a-74-36.html#p-2', 'reports/a-74-36.html#p-1'].map(find);
    assert.deepEqual(searchText.rankHits(hits, '外地办事处'), [1, 0, 2]);
    const upr = ['reports/a-74-36.html#p-8', 'reports/a-74-36.html#h-2-a-3'].map(find);
    assert.deepEqual(searchText.rankHits(upr, '普遍定期审议'), [1, 0]);
  });
});

describe('offline index', () => {
  test('finds the test queries with the shared tokenizer, and is the same bytes on every build', () => {
    const ms = buildOfflineIndex(records);
    const search = (q: string) =>
      ms.search(q, { tokenize: searchText.tokenizeQuery, processTerm: (t: string) => t, combineWith: 'AND' }).map((r) => r['url'] as string);
    assert.ok(search('外地办事处').includes('reports/a-74-36.html#p-2'));
    assert.deepEqual(search('A/HRC/40/38'), ['reports/a-74-36.html#p-11']);
    assert.equal(offlineIndexScript(buildOfflineIndex(records)), offlineIndexScript(ms));
  });
});

describe('offline zip', () => {
  test('is deterministic, sorted, under one folder, and leaves out the Pagefind bundle', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zip-'));
    try {
      const dist = join(dir, 'dist');
      for (const [path, text] of [['index.html', 'a'], ['reports/x.html', 'b'], ['pagefind/pagefind.js', 'c'], ['search/offline-index.js', 'd']] as const) {
        mkdirSync(join(dist, path, '..'), { recursive: true });
        writeFileSync(join(dist, path), text);
      }
      await writeOfflineZip(dist, join(dir, 'a.zip'));
      await writeOfflineZip(dist, join(dir, 'b.zip'));
      const a = readFileSync(join(dir, 'a.zip'));
      assert.deepEqual(a, readFileSync(join(dir, 'b.zip')));
      assert.deepEqual(Object.keys(unzipSync(new Uint8Array(a))), [
        `${zipRoot}/index.html`,
        `${zipRoot}/reports/x.html`,
        `${zipRoot}/search/offline-index.js`,
      ]);
      assert.deepEqual(readdirSync(dir).sort(), ['a.zip', 'b.zip', 'dist']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
