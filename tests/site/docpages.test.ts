/** Document pages: one per cited document and per report's own symbol, each with what a report here or a citing sentence says of it. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { citationDetails } from '../../scripts/model/citations.ts';
import { chineseDate, documentPages } from '../../scripts/model/docpages.ts';
import { loadReport, reportSlugs } from '../../src/lib/data.ts';

const reports = reportSlugs().map(loadReport);
const pages = documentPages(reports);
const page = (symbol: string) => {
  const p = pages.find((d) => d.symbol === symbol);
  if (!p) throw new Error(`no document page ${symbol}`);
  return p;
};

test('a citing text gives a title in 《》 right before the citation, and a full date right before the number', () => {
  const at = (text: string, cited: string) => citationDetails(text, text.indexOf(cited));
  assert.deepEqual(at('为执行《拉巴特行动计划》(A/HRC/22/17/Add.4，附录)', 'A/HRC/22/17/Add.4'), { title: '《拉巴特行动计划》' });
  assert.deepEqual(at('人权理事会在 2020 年 7 月 17 日第 44/18 号决议中', '44/18'), { date: '2020 年 7 月 17 日' });
  assert.deepEqual(at('大会2019年12月18日第74/152号决议', '74/152'), { date: '2019年12月18日' });
  // A date or a title elsewhere in the sentence says nothing of this document.
  assert.deepEqual(at('2019 年 5 月，依照第 39/10 号决议', '39/10'), {});
  assert.deepEqual(at('《宣言》和高级专员的报告(A/HRC/40/3)', 'A/HRC/40/3'), {});
});

test('every report’s own symbol has a page that names the report, cited or not', () => {
  for (const r of reports) {
    for (const symbol of [r.meta.symbol, ...r.meta.symbols].filter((s): s is string => Boolean(s))) {
      assert.deepEqual(page(symbol).report, { slug: r.slug, title: r.meta.title, symbol });
      assert.deepEqual(page(symbol).title, { text: r.meta.title, from: `${symbol} 全文` });
    }
  }
  assert.equal(page('A/74/36').citations.length, 0);
  // Every cited document too, once: 123 cited, and the two report symbols no other report cites.
  assert.equal(pages.length, 125);
  assert.equal(new Set(pages.map((p) => p.symbol)).size, pages.length);
});

test('a page knows its series, the official links in Chinese and English, and what the citing sentences give', () => {
  const p = page('A/HRC/40/3');
  assert.equal(p.series, '人权理事会文件');
  assert.deepEqual(p.links, { zh: 'https://undocs.org/zh/A/HRC/40/3', en: 'https://undocs.org/en/A/HRC/40/3' });
  assert.equal(p.title, undefined);
  assert.deepEqual(page('A/HRC/40/58').title, { text: '《关于信仰促进权利的贝鲁特宣言》', from: 'A/74/36，第 63 段' });
  const res = page('A/HRC/RES/44/18');
  assert.equal(res.series, '人权理事会决议');
  assert.equal(res.date?.text, '2020 年 7 月 17 日');
  assert.match(res.date!.from, /^落实和加强人权领域的国际合作，/);
  assert.deepEqual(page('A/RES/48/141').written, ['48/141']);
  assert.deepEqual(page('S/RES/2391(2017)').written, ['2391(2017)']);
});

test('a cover date reads as a Chinese date', () => {
  assert.equal(chineseDate('2019-06-28'), '2019 年 6 月 28 日');
});
